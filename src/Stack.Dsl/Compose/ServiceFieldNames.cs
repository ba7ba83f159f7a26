using System.Collections.Frozen;

namespace Stack.Dsl.Compose;

/// <summary>The compose service keys the DSL models, in the order the generator writes them.</summary>
internal static class ServiceFieldNames
{
    /// <summary>
    /// dclint's <c>service-keys-order</c> groups (core, dependencies, data, environment, network,
    /// runtime, metadata, security), then every other key alphabetically.
    /// </summary>
    public static readonly IReadOnlyList<string> GroupedOrder =
    [
        "image", "build", "container_name",
        "depends_on",
        "volumes", "volumes_from", "configs", "secrets",
        "environment", "env_file",
        "ports", "networks", "network_mode", "extra_hosts",
        "command", "entrypoint", "working_dir", "restart", "healthcheck",
        "logging", "labels",
        "user", "isolation",
    ];

    private static readonly FrozenSet<string> Modeled = new[]
    {
        "image", "build", "container_name", "depends_on", "volumes", "configs", "secrets",
        "environment", "env_file", "ports", "networks", "network_mode", "extra_hosts", "command",
        "entrypoint", "working_dir", "restart", "healthcheck", "logging", "labels", "user",
        "cap_add", "cap_drop", "deploy", "expose", "hostname", "init", "profiles", "pull_policy",
        "read_only", "security_opt", "stop_grace_period", "tmpfs",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> GroupRank =
        GroupedOrder.Select((key, index) => (key, index)).ToFrozenDictionary(p => p.key, p => p.index, StringComparer.Ordinal);

    /// <summary>Whether the DSL has a method for <paramref name="key"/>.</summary>
    public static bool IsModeled(string key) => Modeled.Contains(key);

    /// <summary>Orders keys: grouped keys first in group order, then the rest ordinally.</summary>
    public static int Compare(string x, string y)
    {
        var rankX = GroupRank.TryGetValue(x, out var rx) ? rx : int.MaxValue;
        var rankY = GroupRank.TryGetValue(y, out var ry) ? ry : int.MaxValue;
        return rankX != rankY ? rankX.CompareTo(rankY) : string.CompareOrdinal(x, y);
    }
}
