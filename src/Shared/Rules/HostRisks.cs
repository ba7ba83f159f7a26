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

    /// <summary>
    /// Whether a bind of <paramref name="hostPath"/> exposes the Docker socket: the socket itself
    /// (however written: <c>/var/run//docker.sock</c>, <c>/var/lib/../run/docker.sock</c>) or a
    /// folder that holds it (<c>/var/run</c>, <c>/run</c>, <c>/</c>).
    /// </summary>
    public static bool IsDockerSocket(string hostPath)
    {
        var path = Normalize(hostPath);
        return DockerSockets.Any(socket => socket == path || socket.StartsWith(path == "/" ? "/" : path + "/", StringComparison.Ordinal));
    }

    /// <summary>
    /// The mounted path as the messages name it: "the Docker socket /var/run/docker.sock", or for
    /// a folder that holds it, "the folder /, which holds the Docker socket (...)": calling / a socket
    /// leaves a reader asking which socket.
    /// </summary>
    public static string DescribeSocketMount(string hostPath, bool docker)
    {
        var path = Normalize(hostPath);
        var held = DockerSockets.Where(socket => socket != path && socket.StartsWith(path == "/" ? "/" : path + "/", StringComparison.Ordinal)).ToArray();
        return held.Length > 0
            ? $"the folder {hostPath}, which holds the Docker socket ({string.Join(", ", held)})"
            : $"the {(docker ? "Docker" : "daemon")} socket {hostPath}";
    }

    public static bool IsDaemonSocket(string hostPath)
    {
        var path = Normalize(hostPath);
        return IsDockerSocket(path) || DaemonSocketNames.Any(name => path.EndsWith("/" + name, StringComparison.Ordinal));
    }

    /// <summary>An absolute path as the kernel resolves it: no empty, '.' or '..' segments, no trailing '/'.</summary>
    public static string Normalize(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else
            {
                segments.Add(segment);
            }
        }

        return "/" + string.Join("/", segments);
    }

    public static bool IsDangerousCapability(string capability) =>
        DangerousCapabilities.Contains(capability.StartsWith("CAP_", StringComparison.OrdinalIgnoreCase) ? capability.Substring(4) : capability);

    // Vendor builds name the same databases differently (bitnami/postgresql, redis/redis-stack,
    // mongodb/mongodb-community-server): their names contain one of these.
    private static readonly string[] DatabaseNameParts = ["postgres", "mysql", "mariadb", "mongo", "redis", "valkey", "memcached", "elasticsearch", "opensearch", "influxdb", "clickhouse", "couchdb", "cassandra", "neo4j", "mssql", "cockroach"];

    // Tools around a database (web admin UIs, metrics exporters) are published on purpose.
    private static readonly string[] ToolNameParts = ["admin", "insight", "commander", "express", "exporter", "-ui", "web", "backup"];

#pragma warning disable CA2249 // netstandard2.0 (the analyzers) has no Contains with a comparison
    // Read for every WithImage the analyzer follows: the name is cut once and nothing else is allocated.
    public static bool IsDatabaseImage(ImageReference image)
    {
        var name = image.Name;
        foreach (var part in ToolNameParts)
        {
            if (name.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return false;
            }
        }

        foreach (var database in DatabaseImages)
        {
            // The image itself, or a variant of it (postgres-alpine): the name, then '-'.
            if (name.StartsWith(database, StringComparison.OrdinalIgnoreCase) && (name.Length == database.Length || name[database.Length] == '-'))
            {
                return true;
            }
        }

        foreach (var part in DatabaseNameParts)
        {
            if (name.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
#pragma warning restore CA2249
}
