using YamlDotNet.RepresentationModel;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// The test's own reading of Traefik's docker-provider labels (written apart from the importer's
/// proof, from Traefik v3's rules): each container's labels as a tree of routers, services and
/// middlewares by protocol, option names without case (paerser matches fields case-insensitively),
/// a reference without <c>@provider</c> qualified with <c>@docker</c> (pkg/server/provider,
/// GetQualifiedName), TLS on when any tls option is set, a router without a service on the
/// container's only service, entrypoints as a set, <c>traefik.enable=true</c> the default.
/// </summary>
internal static class TraefikMeaningOracle
{
    /// <summary>Per service of a <c>docker-compose config</c> output: its Traefik meaning, one line a fact.</summary>
    public static SortedDictionary<string, string> Of(string config)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(config));
        var services = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("services")];
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, node) in services.Children)
        {
            var labels = ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode("labels"), out var l) && l is YamlMappingNode map
                ? map.Children.Select(e => (((YamlScalarNode)e.Key).Value!, ((YamlScalarNode)e.Value).Value ?? string.Empty)).ToList()
                : [];
            result[((YamlScalarNode)name).Value!] = string.Join('\n', Facts(labels));
        }

        return result;
    }

    /// <summary>The config with every <c>traefik.*</c> label removed, for comparing the rest as compose reads it.</summary>
    public static string WithoutTraefikLabels(string config) =>
        string.Join('\n', config.Split('\n').Where(line => !line.TrimStart().StartsWith("traefik.", StringComparison.OrdinalIgnoreCase)));

    private static IEnumerable<string> Facts(List<(string Key, string Value)> labels)
    {
        // protocol -> kind -> name -> option -> value
        var tree = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var other = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels.Where(l => l.Key.StartsWith("traefik.", StringComparison.OrdinalIgnoreCase)))
        {
            var parts = key.Split('.');
            if (parts.Length >= 5 && parts[1].ToLowerInvariant() is "http" or "tcp" or "udp" && parts[2].ToLowerInvariant() is "routers" or "services" or "middlewares")
            {
                var element = $"{parts[1].ToLowerInvariant()}/{parts[2].ToLowerInvariant()}/{parts[3]}";
                var option = string.Join('.', parts[4..]).ToLowerInvariant();
                (tree.TryGetValue(element, out var options) ? options : tree[element] = new(StringComparer.Ordinal))[option] = value.Trim();
            }
            else if (!(key.Equals("traefik.enable", StringComparison.OrdinalIgnoreCase) && value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase)))
            {
                other.Add($"{key.ToLowerInvariant()}={value.Trim()}");
            }
        }

        foreach (var (element, options) in tree.Where(e => e.Key.Contains("/routers/", StringComparison.Ordinal)))
        {
            var protocol = element[..element.IndexOf('/', StringComparison.Ordinal)];
            if (options.Keys.Any(k => k.StartsWith("tls.", StringComparison.Ordinal)))
            {
                options["tls"] = "true";
            }

            if (!options.ContainsKey("service") && tree.Keys.Where(k => k.StartsWith($"{protocol}/services/", StringComparison.Ordinal)).ToList() is [var only])
            {
                options["service"] = only[(only.LastIndexOf('/') + 1)..];
            }
        }

        foreach (var (element, options) in tree.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            foreach (var (option, value) in options.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                var read = option switch
                {
                    "entrypoints" => string.Join(',', Items(value).Order(StringComparer.Ordinal)),
                    "middlewares" or "chain.middlewares" or "service" => string.Join(',', Items(value).Select(i => i.Contains('@', StringComparison.Ordinal) ? i : i + "@docker")),
                    _ when value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase) => value.ToLowerInvariant(),
                    _ => value,
                };
                yield return $"{element}.{option}={read}";
            }
        }

        foreach (var fact in other)
        {
            yield return fact;
        }
    }

    private static string[] Items(string value) => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
