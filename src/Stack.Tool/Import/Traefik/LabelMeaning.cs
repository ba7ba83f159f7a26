using System.Text.RegularExpressions;

namespace Stack.Tool.Import;

/// <summary>
/// What Traefik's docker provider reads from a container's <c>traefik.*</c> labels, as a set of
/// normalized facts, so two label sets compare by meaning, not by bytes:
/// <list type="bullet">
/// <item>option names without case: labels decode through traefik/paerser, which matches each
/// path element to a struct field case-insensitively (Traefik v3, pkg/config/label/label.go
/// calls paerser's parser.Decode); router, service and middleware names keep theirs;</item>
/// <item>a middleware or service named without <c>@provider</c> is the router's own provider's:
/// <c>GetQualifiedName</c> in pkg/server/provider/provider.go appends it, so <c>redirect</c> on
/// a label is <c>redirect@docker</c>;</item>
/// <item>any <c>tls.*</c> option creates the router's TLS section (a pointer paerser allocates
/// to set the child), so <c>tls=true</c> beside <c>tls.certresolver</c> says nothing more;</item>
/// <item>a router without <c>service</c> on a container defining exactly one service of its
/// protocol uses that one (pkg/provider/docker, config.go);</item>
/// <item><c>traefik.enable=true</c> is the docker provider's default (<c>exposedByDefault: true</c>);</item>
/// <item>entrypoints are a set; middlewares an ordered list; booleans as Go's ParseBool reads <c>true</c>/<c>false</c>;</item>
/// <item>compose variables are compared as written (the proof tokenizes them on both sides).</item>
/// </list>
/// </summary>
internal static partial class LabelMeaning
{
    /// <summary>The label set's meaning: one normalized <c>path=value</c> fact each.</summary>
    public static SortedSet<string> Of(IEnumerable<(string Key, string Value)> labels)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        var list = labels.Where(l => l.Key.StartsWith("traefik.", StringComparison.OrdinalIgnoreCase)).Select(l => (Key: Key(l.Key), l.Value)).ToList();
        var routersWithService = new HashSet<string>(StringComparer.Ordinal);
        var routers = new HashSet<string>(StringComparer.Ordinal);
        var services = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (key, raw) in list)
        {
            var value = raw.Trim();
            if (key == "traefik.enable" && Bool(value) == "true")
            {
                continue;
            }

            if (Part(key) is { } part)
            {
                var head = $"traefik.{part.Protocol}.{part.Kind}.{part.Name}";
                if (part.Kind == "routers")
                {
                    routers.Add($"{part.Protocol}|{part.Name}");
                    if (part.Property.StartsWith("tls.", StringComparison.Ordinal) || part.Property == "tls")
                    {
                        facts.Add($"{head}.tls=true");
                        if (part.Property == "tls")
                        {
                            continue;
                        }
                    }

                    switch (part.Property)
                    {
                        case "entrypoints":
                            facts.Add($"{head}.entrypoints={string.Join(',', Items(value).Order(StringComparer.Ordinal))}");
                            continue;
                        case "middlewares":
                            facts.Add($"{head}.middlewares={string.Join(',', Items(value).Select(Qualified))}");
                            continue;
                        case "service":
                            routersWithService.Add($"{part.Protocol}|{part.Name}");
                            facts.Add($"{head}.service={Qualified(value)}");
                            continue;
                        case "rule":
                            facts.Add($"{head}.rule={Rule(value)}");
                            continue;
                    }
                }
                else if (part.Kind == "services")
                {
                    (services.TryGetValue(part.Protocol, out var names) ? names : services[part.Protocol] = new(StringComparer.Ordinal)).Add(part.Name);
                }
                else if (part.Kind == "middlewares" && part.Property.EndsWith(".middlewares", StringComparison.Ordinal))
                {
                    facts.Add($"{head}.{part.Property}={string.Join(',', Items(value).Select(Qualified))}");
                    continue;
                }

                facts.Add($"{head}.{part.Property}={Bool(value)}");
                continue;
            }

            facts.Add($"{key}={Bool(value)}");
        }

        // A router without a service uses the container's only service of its protocol.
        foreach (var router in routers.Where(r => !routersWithService.Contains(r)))
        {
            var protocol = router[..router.IndexOf('|', StringComparison.Ordinal)];
            if (services.TryGetValue(protocol, out var names) && names.Count == 1)
            {
                facts.Add($"traefik.{protocol}.routers.{router[(protocol.Length + 1)..]}.service={names.Single()}@docker");
            }
        }

        return facts;
    }

    /// <summary>The first fact one set has and the other lacks, for a TODO; null when they mean the same.</summary>
    public static string? FirstDifference(SortedSet<string> left, SortedSet<string> right) =>
        left.Except(right).Concat(right.Except(left)).Order(StringComparer.Ordinal).FirstOrDefault();

    /// <summary>A key lower-cased but for the name of the router, service or middleware it sets.</summary>
    private static string Key(string key)
    {
        var parts = key.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var isName = i == 3 && parts.Length > 4 && parts[1].ToLowerInvariant() is "http" or "tcp" or "udp";
            parts[i] = isName ? parts[i] : parts[i].ToLowerInvariant();
        }

        return string.Join('.', parts);
    }

    private static (string Protocol, string Kind, string Name, string Property)? Part(string key) =>
        Element().Match(key) is { Success: true } m ? (m.Groups["protocol"].Value, m.Groups["kind"].Value, m.Groups["name"].Value, m.Groups["property"].Value) : null;

    private static string[] Items(string value) => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string Qualified(string reference) => reference.Contains('@', StringComparison.Ordinal) ? reference : reference + "@docker";

    private static string Bool(string value) => value.Equals("true", StringComparison.OrdinalIgnoreCase) ? "true" : value.Equals("false", StringComparison.OrdinalIgnoreCase) ? "false" : value;

    /// <summary>A rule with its spacing outside backticks collapsed: Traefik's rule parser skips it.</summary>
    private static string Rule(string rule)
    {
        var parts = rule.Split('`');
        for (var i = 0; i < parts.Length; i += 2)
        {
            parts[i] = Spaces().Replace(parts[i], " ").Replace("( ", "(", StringComparison.Ordinal).Replace(" )", ")", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal).Replace(", ", ",", StringComparison.Ordinal);
        }

        return string.Join('`', parts).Trim();
    }

    [GeneratedRegex(@"^traefik\.(?<protocol>http|tcp|udp)\.(?<kind>routers|services|middlewares)\.(?<name>[^.]+)\.(?<property>.+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Element();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
