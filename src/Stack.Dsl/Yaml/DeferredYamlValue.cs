namespace Stack.Dsl.Yaml;

/// <summary>
/// A value built only when the writer reaches it. The generator defers each service this way, so
/// a large stack is written one service at a time instead of holding the whole tree in memory.
/// </summary>
/// <param name="build">Builds the value; called each time the value is resolved.</param>
internal sealed record DeferredYamlValue(Func<YamlValue> build) : YamlValue
{
    /// <summary>Builds the value.</summary>
    public YamlValue Resolve() => build();
}
