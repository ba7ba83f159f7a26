namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// What <c>docker stack deploy</c> reads: the frozen v3 schema (3.8: the newest both CLI 20.10 and
/// CLI 28 accept with every key used here) with <c>additionalProperties: false</c>, and of its
/// keys only those docker/cli's convert step turns into the service spec (cli/compose/convert).
/// </summary>
internal static class SwarmSchema
{
    /// <summary>The <c>version:</c> every Swarm file carries; CLI 20.10 refuses a file without one.</summary>
    public const string Version = "3.8";

    /// <summary>Service keys written as they are: in the v3.8 schema and honoured by the Swarm conversion.</summary>
    public static readonly HashSet<string> PassedServiceKeys = new(StringComparer.Ordinal)
    {
        "image", "volumes", "configs", "secrets", "environment", "env_file", "networks", "extra_hosts",
        "command", "entrypoint", "working_dir", "healthcheck", "logging", "user", "cap_add", "cap_drop",
        "hostname", "init", "read_only", "stop_grace_period", "stop_signal", "sysctls", "ulimits", "dns",
        "dns_search", "tty", "stdin_open", "expose",
    };

    /// <summary>
    /// Compose keys with no Swarm meaning that the STK05nn checks (swarm-rules) report: not written,
    /// since Swarm would ignore them (or, for container_name, name tasks itself).
    /// </summary>
    public static readonly HashSet<string> CheckedElsewhere = new(StringComparer.Ordinal)
    {
        "container_name", "depends_on", "privileged", "devices", "network_mode", "build",
    };

    /// <summary>Keys of a top-level network in the v3.8 schema.</summary>
    public static readonly HashSet<string> NetworkKeys = new(StringComparer.Ordinal)
    {
        "name", "driver", "driver_opts", "ipam", "external", "internal", "attachable", "labels",
    };

    /// <summary>Keys of a top-level volume in the v3.8 schema.</summary>
    public static readonly HashSet<string> VolumeKeys = new(StringComparer.Ordinal)
    {
        "name", "driver", "driver_opts", "external", "labels",
    };

    /// <summary>Keys of a healthcheck in the v3.8 schema (no start_interval).</summary>
    public static readonly HashSet<string> HealthcheckKeys = new(StringComparer.Ordinal)
    {
        "test", "interval", "timeout", "retries", "start_period", "disable",
    };

    /// <summary>A bind mount's options the v3 schema has.</summary>
    public static readonly HashSet<string> BindOptionKeys = new(StringComparer.Ordinal) { "propagation" };

    /// <summary>A volume mount's options the v3 schema has.</summary>
    public static readonly HashSet<string> VolumeOptionKeys = new(StringComparer.Ordinal) { "nocopy" };

    /// <summary>Keys of a long-syntax mount in the v3.8 schema.</summary>
    public static readonly HashSet<string> MountKeys = new(StringComparer.Ordinal)
    {
        "type", "source", "target", "read_only", "consistency", "bind", "volume", "tmpfs",
    };

    /// <summary>Keys of resources.limits and resources.reservations in the v3.8 schema (no pids, no devices).</summary>
    public static readonly HashSet<string> ResourceKeys = new(StringComparer.Ordinal) { "cpus", "memory" };
}
