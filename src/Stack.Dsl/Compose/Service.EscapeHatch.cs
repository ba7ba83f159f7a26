using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Compose;

/// <summary>The escape hatch: fields the DSL does not model, and <c>x-</c> extensions.</summary>
public sealed partial record Service
{
    /// <summary>
    /// Sets a service field the DSL does not model (for example <c>sysctls</c> or <c>ulimits</c>),
    /// or an <c>x-</c> extension. The value still goes through the generator's quoting and ordering.
    /// </summary>
    /// <exception cref="ArgumentException">The DSL models <paramref name="key"/>: use its method instead.</exception>
    public Service WithField(string key, string value) => WithField(key, YamlValue.Text(value));

    /// <summary>Sets a field to text that may reference variables (<c>$"team@{Host}"</c>).</summary>
    /// <exception cref="ArgumentException">The DSL models <paramref name="key"/>: use its method instead.</exception>
    public Service WithField(string key, ComposeString value) => WithField(key, YamlValue.Text(value));

    /// <summary>Sets a field to any YAML value.</summary>
    /// <exception cref="ArgumentException">The DSL models <paramref name="key"/>: use its method instead.</exception>
    public Service WithField(string key, YamlValue value) =>
        this with { ExtraFields = EscapeHatch.Set(ExtraFields, key, value, ServiceFieldNames.Modeled, "service") };
}
