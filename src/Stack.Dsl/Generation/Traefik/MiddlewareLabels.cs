using System.Globalization;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Generation.Traefik;

/// <summary>
/// A typed middleware as docker-provider labels: the dynamic file's mapping flattened into
/// <c>traefik.http.middlewares.NAME.type.option=value</c>, lists joined with ','. One definition
/// feeds both providers, so a middleware means the same wherever it is defined.
/// </summary>
internal static class MiddlewareLabels
{
    public static IEnumerable<ServiceLabel> Of(Middleware middleware)
    {
        if (middleware.Definition(MiddlewareText.Labels) is not { } definition)
        {
            yield break;
        }

        var prefix = $"traefik.http.middlewares.{middleware.Name}.{definition.Type.ToLowerInvariant()}";
        if (definition.Options.Entries.IsEmpty)
        {
            // A middleware with no options (compress) is declared by its type alone.
            yield return new ServiceLabel(prefix, "true");
            yield break;
        }

        foreach (var label in Flatten(prefix, definition.Options))
        {
            yield return label;
        }
    }

    /// <summary>What the middleware is, as Traefik sees it (provider, type, options), to tell two definitions of one name apart.</summary>
    public static string Fingerprint(Middleware middleware) =>
        middleware.Provider + "|" + string.Join('\n', Of(middleware).Select(l => l.Key[(l.Key.IndexOf('.', "traefik.http.middlewares.".Length) + 1)..] + "=" + l.Value.ToCompose()));

    /// <summary>List items that a ',' would split into two on the way through a label.</summary>
    public static IEnumerable<string> ItemsWithCommas(Middleware middleware) =>
        middleware.Definition(MiddlewareText.Labels) is { } definition ? Items(definition.Options).Where(i => i.Contains(',', StringComparison.Ordinal)) : [];

    private static IEnumerable<string> Items(YamlValue value) => value switch
    {
        YamlMapping mapping => mapping.Entries.SelectMany(e => Items(e.Value)),
        YamlSequence sequence => sequence.Items.OfType<YamlScalar>().Select(s => s.Value),
        _ => [],
    };

    private static IEnumerable<ServiceLabel> Flatten(string path, YamlValue value) => value switch
    {
        YamlMapping mapping => mapping.Entries.SelectMany(e => Flatten($"{path}.{e.Key}", e.Value)),
        YamlSequence sequence => [new ServiceLabel(path, ComposeString.Join(",", sequence.Items.OfType<YamlScalar>().Select(Text)))],
        YamlScalar scalar => [new ServiceLabel(path, Text(scalar))],
        _ => [],
    };

    /// <summary>A scalar back as compose text (labels are strings: numbers and flags as Traefik reads them).</summary>
    private static ComposeString Text(YamlScalar scalar) => scalar.Composed ?? ComposeString.Literal(scalar.Kind switch
    {
        ScalarKind.Boolean or ScalarKind.Number => scalar.Value.ToString(CultureInfo.InvariantCulture),
        _ => scalar.Value,
    });
}
