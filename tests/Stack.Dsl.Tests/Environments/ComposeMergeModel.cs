using Stack.Dsl.Yaml;

namespace Stack.Dsl.Tests.Environments;

/// <summary>
/// How compose merges an override into a base file, written from the compose docs: mappings merge
/// by key at the top levels and in a service's environment, labels, depends_on and networks;
/// scalars are replaced; list fields such as ports are appended; other values are replaced.
/// Nested mappings elsewhere merge shallowly in docker-compose 1.x and deeply in Compose v2, so
/// the model does either: an override must give the same result under both.
/// </summary>
internal static class ComposeMergeModel
{
    private static readonly HashSet<string> AppendedLists = new(StringComparer.Ordinal)
    {
        "ports", "expose", "cap_add", "cap_drop", "dns", "dns_search", "tmpfs", "security_opt", "volumes", "secrets", "configs", "profiles",
    };

    public static YamlMapping Merge(YamlMapping baseFile, YamlMapping overrideFile, bool deepNestedMappings) =>
        Merge(baseFile, overrideFile, [], deepNestedMappings);

    private static YamlMapping Merge(YamlMapping baseFile, YamlMapping overrideFile, List<string> path, bool deep)
    {
        var merged = baseFile.Entries.ToList();
        foreach (var entry in overrideFile.Entries)
        {
            var index = merged.FindIndex(e => e.Key == entry.Key);
            if (index < 0)
            {
                merged.Add(entry);
                continue;
            }

            var existing = merged[index].Value;
            var keyPath = new List<string>(path) { entry.Key };
            merged[index] = new YamlEntry(entry.Key, (existing, entry.Value) switch
            {
                (YamlMapping a, YamlMapping b) when deep || MergesByKey(keyPath) => Merge(a, b, keyPath, deep),
                (YamlSequence a, YamlSequence b) when keyPath.Count == 3 && keyPath[0] == "services" && AppendedLists.Contains(keyPath[2]) => new YamlSequence([.. a.Items, .. b.Items]),
                _ => entry.Value,
            });
        }

        return new YamlMapping([.. merged]);
    }

    private static bool MergesByKey(List<string> path) => path.Count switch
    {
        1 => path[0] is "services" or "networks" or "volumes" or "secrets" or "configs",
        2 => path[0] == "services",
        3 => path[0] == "services" && path[2] is "environment" or "labels" or "depends_on" or "networks",
        _ => false,
    };

    /// <summary>The same value with every mapping's keys sorted: compose gives mapping keys no order.</summary>
    public static YamlValue Canonical(YamlValue value) => value switch
    {
        YamlMapping mapping => new YamlMapping([.. mapping.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new YamlEntry(e.Key, Canonical(e.Value)))]),
        YamlSequence sequence => new YamlSequence([.. sequence.Items.Select(Canonical)]),
        _ => value,
    };
}
