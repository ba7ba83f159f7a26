// Shared by Stack.Dsl and Stack.Analyzers as a linked file (see RuleIds.cs); netstandard2.0-safe.
using System;
using System.Collections.Generic;
using System.Linq;

namespace Stack.Rules;

/// <summary>What the security rules recognise on the host side: daemon sockets, databases, dangerous capabilities.</summary>
internal static class HostRisks
{
    private static readonly string[] DockerSockets = ["/var/run/docker.sock", "/run/docker.sock"];

    // Sockets that hand out control of the host's containers.
    private static readonly string[] DaemonSocketNames = ["docker.sock", "containerd.sock", "podman.sock", "crio.sock", "dockershim.sock"];

    // Each amounts to root on the host, or close to it.
    private static readonly HashSet<string> DangerousCapabilities = new(StringComparer.OrdinalIgnoreCase)
    {
        "ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "SYS_BOOT", "DAC_READ_SEARCH",
        "NET_ADMIN", "MAC_ADMIN", "MAC_OVERRIDE", "BPF",
    };

    // Image names (last path segment) of databases and caches, which are never published on the host.
    private static readonly string[] DatabaseImages =
    [
        "mysql", "mariadb", "postgres", "postgis", "timescaledb", "mongo", "redis", "valkey", "keydb", "dragonfly",
        "memcached", "elasticsearch", "opensearch", "influxdb", "cassandra", "scylla", "clickhouse", "couchdb",
        "neo4j", "mssql", "cockroach", "percona",
    ];

    public static bool IsDockerSocket(string hostPath) => DockerSockets.Contains(hostPath.TrimEnd('/'), StringComparer.Ordinal);

    public static bool IsDaemonSocket(string hostPath) =>
        DaemonSocketNames.Any(name => hostPath.TrimEnd('/').EndsWith("/" + name, StringComparison.Ordinal));

    public static bool IsDangerousCapability(string capability) =>
        DangerousCapabilities.Contains(capability.StartsWith("CAP_", StringComparison.OrdinalIgnoreCase) ? capability.Substring(4) : capability);

    public static bool IsDatabaseImage(ImageReference image) =>
        DatabaseImages.Any(name => image.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
            || image.Name.StartsWith(name + "-", StringComparison.OrdinalIgnoreCase));
}
