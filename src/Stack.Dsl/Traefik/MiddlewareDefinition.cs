using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Traefik;

/// <summary>A middleware as Traefik defines it: its type (<c>forwardAuth</c>) and its options.</summary>
/// <param name="Type">Traefik's type name.</param>
/// <param name="Options">The options, as a YAML mapping (the dynamic file's shape; labels flatten it).</param>
internal sealed record MiddlewareDefinition(string Type, YamlMapping Options);

/// <summary>
/// How user text becomes a scalar in the provider's format: the dynamic file is a Go template
/// (so text is escaped there), docker labels are compose text (escaped by the YAML writer).
/// </summary>
/// <param name="Literal">Fixed text.</param>
/// <param name="Templated">Text that may hold variables.</param>
internal sealed record MiddlewareText(Func<string, YamlScalar> Literal, Func<ComposeString, YamlScalar> Templated)
{
    public static MiddlewareText File { get; } = new(Generation.Traefik.TraefikText.Literal, Generation.Traefik.TraefikText.Templated);

    public static MiddlewareText Labels { get; } = new(text => YamlValue.Text(text), text => YamlValue.Text(text));
}

/// <summary>Builds a middleware's options in Traefik's order, leaving out what is unset.</summary>
internal sealed class MiddlewareOptions(MiddlewareText text)
{
    private readonly List<YamlEntry> _entries = [];

    public MiddlewareOptions Add(string key, YamlValue? value)
    {
        if (value is not null)
        {
            _entries.Add(new(key, value));
        }

        return this;
    }

    public MiddlewareOptions Add(string key, string? value) => Add(key, value is null ? null : text.Literal(value));

    public MiddlewareOptions Add(string key, long? value) => Add(key, value is { } number ? YamlValue.Number(number) : null);

    public MiddlewareOptions Add(string key, bool? value) => Add(key, value is { } flag ? YamlValue.Boolean(flag) : null);

    public MiddlewareOptions AddList(string key, IEnumerable<string> items)
    {
        var values = items.Select(i => (YamlValue)text.Literal(i)).ToArray();
        return values.Length == 0 ? this : Add(key, new YamlSequence([.. values]));
    }

    public MiddlewareOptions AddMap(string key, IEnumerable<KeyValuePair<string, string>> map)
    {
        var entries = map.Select(e => new YamlEntry(e.Key, text.Literal(e.Value))).ToArray();
        return entries.Length == 0 ? this : Add(key, new YamlMapping([.. entries]));
    }

    public YamlMapping Build() => new([.. _entries]);
}
