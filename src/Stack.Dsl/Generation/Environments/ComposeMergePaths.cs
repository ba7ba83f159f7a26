namespace Stack.Dsl.Generation.Environments;

/// <summary>
/// Where compose merges a later file into an earlier one key by key. Everywhere else a value is
/// replaced (scalars) or combined in ways that differ between compose versions (sequences such as
/// ports are appended; nested mappings are merged shallowly by docker-compose 1.x and deeply by
/// Compose v2), so overrides only ever replace scalars or add whole values there.
/// </summary>
internal static class ComposeMergePaths
{
    private static readonly HashSet<string> TopLevelMaps = new(StringComparer.Ordinal) { "services", "networks", "volumes", "secrets", "configs" };

    private static readonly HashSet<string> ServiceMaps = new(StringComparer.Ordinal) { "environment", "labels", "depends_on", "networks" };

    /// <summary>Whether the mapping at <paramref name="path"/> (keys from the root) is merged key by key.</summary>
    public static bool MergesByKey(IReadOnlyList<string> path) => path.Count switch
    {
        0 => true,
        1 => TopLevelMaps.Contains(path[0]),
        2 => path[0] == "services",
        3 => path[0] == "services" && ServiceMaps.Contains(path[2]),
        _ => false,
    };
}
