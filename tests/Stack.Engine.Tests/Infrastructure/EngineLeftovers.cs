namespace Stack.Engine.Tests.Infrastructure;

/// <summary>
/// What a killed test run leaves on the engine under one name, cleared before a test uses that
/// name. Disposing cleans up after a failure, but not after a kill (a timeout, a stopped CI job,
/// a machine snapshotted mid-run): then the engine keeps the project's containers (and restarts
/// those with a restart policy when it starts again), its networks and volumes, and the swarm
/// keeps the stack. The next run would reuse those containers instead of creating its own, and a
/// swarm stack could not create <c>NAME_public</c> beside a compose project's network of that
/// name. Only objects labelled with the name are touched: the compose project
/// (<c>com.docker.compose.project</c>) and the swarm stack (<c>com.docker.stack.namespace</c>),
/// both, because they share network and volume names.
/// </summary>
internal static class EngineLeftovers
{
    public static void Clear(string name)
    {
        ClearStack(name);
        ClearProject(name);
    }

    /// <summary>The compose project's containers, then its networks and volumes (a network in use cannot be removed).</summary>
    private static void ClearProject(string name)
    {
        var label = $"label=com.docker.compose.project={name}";
        RemoveAll(["ps", "-aq", "--filter", label], ["rm", "-f", "-v"]);
        RemoveAll(["network", "ls", "-q", "--filter", label], ["network", "rm"]);
        RemoveAll(["volume", "ls", "-q", "--filter", label], ["volume", "rm", "-f"]);

        // A volume `docker run -v NAME_data:/x` made (a restore step killed midway) has the
        // project's name and no label: taken too, unless it is labelled for another project.
        var unlabelled = DockerEngine.Docker(["volume", "ls", "--filter", $"name=^{name}_", "--format", "{{.Name}}\t{{.Label \"com.docker.compose.project\"}}{{.Label \"com.docker.stack.namespace\"}}"]).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(fields => fields[0].StartsWith(name + "_", StringComparison.Ordinal) && (fields.Length < 2 || fields[1].Trim().Length == 0))
            .Select(fields => fields[0])
            .ToArray();
        if (unlabelled.Length > 0)
        {
            DockerEngine.Docker(["volume", "rm", "-f", .. unlabelled], TimeSpan.FromMinutes(2));
        }
    }

    /// <summary>The swarm stack, when a swarm is active (<c>stack rm</c> returns before the engine is done: waited for).</summary>
    private static void ClearStack(string name)
    {
        var label = $"label=com.docker.stack.namespace={name}";
        if (DockerEngine.Docker(["info", "--format", "{{.Swarm.LocalNodeState}}"]).Output.Trim() == "active"
            && Ids(["service", "ls", "-q", "--filter", label]).Length + Ids(["network", "ls", "-q", "--filter", label]).Length
                + Ids(["config", "ls", "-q", "--filter", label]).Length + Ids(["secret", "ls", "-q", "--filter", label]).Length > 0)
        {
            DockerEngine.Docker(["stack", "rm", name], TimeSpan.FromMinutes(2));
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (DateTime.UtcNow < deadline && Ids(["ps", "-aq", "--filter", label]).Length + Ids(["network", "ls", "-q", "--filter", label]).Length > 0)
            {
                Thread.Sleep(500);
            }
        }

        // A task's container outlives a swarm that was left; its volumes carry the stack's label too.
        RemoveAll(["ps", "-aq", "--filter", label], ["rm", "-f", "-v"]);
        RemoveAll(["volume", "ls", "-q", "--filter", label], ["volume", "rm", "-f"]);
    }

    private static void RemoveAll(string[] list, string[] remove)
    {
        var ids = Ids(list);
        if (ids.Length > 0)
        {
            DockerEngine.Docker([.. remove, .. ids], TimeSpan.FromMinutes(2));
        }
    }

    private static string[] Ids(string[] list) =>
        DockerEngine.Docker(list).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
