using System.Runtime.CompilerServices;
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
    public Service WithField(string key, string value, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) => WithField(key, YamlValue.Text(value), filePath, line);

    /// <summary>Sets a field to text that may reference variables (<c>$"team@{Host}"</c>).</summary>
    /// <exception cref="ArgumentException">The DSL models <paramref name="key"/>: use its method instead.</exception>
    public Service WithField(string key, ComposeString value, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) => WithField(key, YamlValue.Text(value), filePath, line);

    /// <summary>Sets a field to any YAML value.</summary>
    /// <exception cref="ArgumentException">The DSL models <paramref name="key"/>: use its method instead.</exception>
    /// <param name="key">The field's key.</param>
    /// <param name="value">Its value.</param>
    /// <param name="filePath">Filled in by the compiler: a finding about the value is reported at this call.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Service WithField(string key, YamlValue value, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        this with
        {
            ExtraFields = EscapeHatch.Set(ExtraFields, key, value, ServiceFieldNames.Modeled, "service"),
            FieldSites = FieldSites.With(key, value, new SourceLocation(filePath, line)),
        };

    /// <summary>Where each escape-hatch field was set (caller information on <see cref="WithField(string, YamlValue, string, int)"/>).</summary>
    internal Locations.KeyedSites FieldSites { get; init; } = Locations.KeyedSites.None;
}
