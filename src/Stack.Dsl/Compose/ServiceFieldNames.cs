namespace Stack.Dsl.Compose;

/// <summary>The compose service keys the DSL models, in the order the generator writes them.</summary>
internal static class ServiceFieldNames
{
    /// <summary>
    /// dclint's <c>service-keys-order</c> groups (core, dependencies, data, environment, network,
    /// runtime, metadata, security), then every other key alphabetically.
    /// </summary>
    private static readonly string[] GroupedOrder =
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

    /// <summary>The keys the DSL has a method for; the escape hatch refuses them.</summary>
    public static IReadOnlySet<string> Modeled { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "image", "build", "container_name", "depends_on", "volumes", "volumes_from", "configs", "secrets",
        "environment", "env_file", "ports", "networks", "network_mode", "extra_hosts", "command",
        "entrypoint", "working_dir", "restart", "healthcheck", "logging", "labels", "user",
        "cap_add", "cap_drop", "deploy", "expose", "hostname", "init", "profiles", "pull_policy",
        "read_only", "security_opt", "stop_grace_period", "tmpfs",
        "stop_signal", "sysctls", "ulimits", "shm_size", "oom_score_adj", "mem_swappiness", "tty", "stdin_open", "runtime",
        "platform", "cgroup", "group_add", "storage_opt", "devices", "device_cgroup_rules", "dns", "dns_search", "dns_opt",
        "domainname", "cpu_shares", "cpuset", "oom_kill_disable", "cgroup_parent", "mac_address", "annotations", "attach",
        "privileged", "pid", "ipc", "uts", "userns_mode", "use_api_socket",
    };

    /// <summary>Orders keys: grouped keys first in group order, then the rest ordinally.</summary>
    public static int Compare(string x, string y)
    {
        var rankX = Rank(x);
        var rankY = Rank(y);
        return rankX != rankY ? rankX.CompareTo(rankY) : string.CompareOrdinal(x, y);
    }

    private static int Rank(string key)
    {
        var index = Array.IndexOf(GroupedOrder, key);
        return index < 0 ? int.MaxValue : index;
    }
}
