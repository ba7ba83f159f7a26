using Stack.Dsl.Yaml;

namespace Stack.Dsl.Generation.Environments;

/// <summary>
/// Splits fully resolved environment documents into the part they share (the base file) and one
/// override per environment, such that compose's merge of base and override gives back the
/// environment exactly. The base keeps a value only where every environment has it: identical, or
/// a scalar the override replaces (then the definition's value, so the base still reads sensibly).
/// </summary>
internal static class OverrideSplit
{
    /// <summary>The part every environment shares.</summary>
    /// <param name="definition">The stack without any environment applied: it picks the base's value where environments disagree on a scalar.</param>
    /// <param name="environments">Each environment's whole document.</param>
    public static YamlMapping Common(YamlMapping definition, IReadOnlyList<YamlMapping> environments)
    {
        ArgumentOutOfRangeException.ThrowIfZero(environments.Count);
        return Common(definition, environments, []);
    }

    /// <summary>What <paramref name="environment"/> adds to or replaces in <paramref name="common"/>.</summary>
    public static YamlMapping Difference(YamlMapping common, YamlMapping environment) => Difference(common, environment, []);

    private static YamlMapping Common(YamlMapping? hint, IReadOnlyList<YamlMapping> values, List<string> path)
    {
        // Indexed once per mapping: the services mapping of a large stack has thousands of keys.
        var indexes = values.Select(Index).ToList();
        var hints = hint is null ? null : Index(hint);
        var entries = new List<YamlEntry>();
        foreach (var entry in values[0].Entries)
        {
            var key = entry.Key;
            var all = indexes.Select(index => index.GetValueOrDefault(key)).ToList();
            if (all.Any(v => v is null))
            {
                continue; // Missing somewhere: each override that has it adds it.
            }

            var hinted = hints?.GetValueOrDefault(key);
            if (all.All(v => v!.Equals(all[0])))
            {
                entries.Add(entry);
            }
            else if (all.All(v => v is YamlMapping) && ComposeMergePaths.MergesByKey([.. path, key]))
            {
                path.Add(key);
                var common = Common(hinted as YamlMapping, [.. all.Cast<YamlMapping>()], path);
                path.RemoveAt(path.Count - 1);
                // A service stays in the base even when nothing else is shared, so the base lists every service.
                if (!common.Entries.IsEmpty || path.Count == 1)
                {
                    entries.Add(new(key, common));
                }
            }
            else if (all.All(v => v is YamlScalar))
            {
                entries.Add(new(key, hinted as YamlScalar ?? all[0]!));
            }
        }

        return new YamlMapping([.. entries]);
    }

    private static YamlMapping Difference(YamlMapping common, YamlMapping environment, List<string> path)
    {
        var entries = new List<YamlEntry>();
        var index = Index(common);
        foreach (var entry in environment.Entries)
        {
            var shared = index.GetValueOrDefault(entry.Key);
            if (shared is null)
            {
                entries.Add(entry);
            }
            else if (shared.Equals(entry.Value))
            {
                continue;
            }
            else if (shared is YamlMapping sharedMap && entry.Value is YamlMapping own && ComposeMergePaths.MergesByKey([.. path, entry.Key]))
            {
                path.Add(entry.Key);
                var difference = Difference(sharedMap, own, path);
                path.RemoveAt(path.Count - 1);
                if (!difference.Entries.IsEmpty)
                {
                    entries.Add(new(entry.Key, difference));
                }
            }
            else if (shared is YamlScalar && entry.Value is YamlScalar)
            {
                entries.Add(entry);
            }
            else
            {
                // Common() keeps a non-scalar only when every environment has it identically.
                throw new InvalidOperationException($"'{string.Join('.', [.. path, entry.Key])}' differs in a way an override cannot express.");
            }
        }

        return new YamlMapping([.. entries]);
    }

    private static Dictionary<string, YamlValue> Index(YamlMapping mapping)
    {
        var index = new Dictionary<string, YamlValue>(mapping.Entries.Length, StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            index.TryAdd(entry.Key, entry.Value);
        }

        return index;
    }
}
