using System.Text.Json;
using Stack.Engine.Tests.Infrastructure;

namespace Stack.Engine.Tests.Swarm;

/// <summary>
/// A one-node swarm for the STK05nn engine cases: joined if the engine is already in one, else
/// initialised (<c>--advertise-addr 127.0.0.1</c>) and left again on dispose. Run the tests inside
/// <c>flock /tmp/stack-engine.lock</c> so init and leave happen in one hold of the lock.
/// </summary>
public sealed class SwarmRuleEngineSwarm : IDisposable
{
    private readonly bool _created;

    /// <summary>Why the swarm could not be had; null when it is there.</summary>
    public string? Problem { get; private set; }

    public SwarmRuleEngineSwarm()
    {
        var state = DockerEngine.Docker(["info", "--format", "{{.Swarm.LocalNodeState}}"]);
        if (!state.Succeeded)
        {
            Problem = $"no Docker engine answers `docker info`: {state.Transcript}";
            return;
        }

        if (state.Output.Trim() == "active")
        {
            return;
        }

        var init = DockerEngine.Docker(["swarm", "init", "--advertise-addr", "127.0.0.1"], TimeSpan.FromMinutes(2));
        _created = init.Succeeded;
        Problem = init.Succeeded ? null : $"`docker swarm init` failed: {init.Transcript}";
    }

    public void Dispose()
    {
        if (_created)
        {
            DockerEngine.Docker(["swarm", "leave", "--force"], TimeSpan.FromMinutes(2));
        }
    }
}

/// <summary>One hand-written v3 stack on the swarm: deploy, wait, inspect; removed on dispose, also after a failure.</summary>
internal sealed class SwarmRuleStack : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stack-swarm-rule-").FullName;

    public SwarmRuleStack(string name)
    {
        EngineLeftovers.Clear(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>Writes the compose file and runs <c>docker stack deploy</c> with the images as they are (no registry).</summary>
    public CommandResult Deploy(string compose)
    {
        var file = Path.Combine(_folder, "stack.yml");
        File.WriteAllText(file, compose);
        return DockerEngine.Docker(["stack", "deploy", "--resolve-image", "never", "-c", file, Name], TimeSpan.FromMinutes(3));
    }

    /// <summary>Deploys and fails with the engine's output when the deploy fails.</summary>
    public string DeployOk(string compose)
    {
        var result = Deploy(compose);
        Assert.True(result.Succeeded, $"docker stack deploy {Name} failed: {result.Transcript}");
        return result.Error;
    }

    /// <summary>The running container of the service's task on this node, waited for.</summary>
    public string RunningContainer(string service, TimeSpan? within = null)
    {
        string? id = null;
        WaitUntil(() =>
        {
            id = DockerEngine.Docker(["ps", "-q", "--filter", $"label=com.docker.swarm.service.name={Name}_{service}", "--filter", "status=running"]).Output
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return id is not null;
        }, within ?? TimeSpan.FromMinutes(2), () => $"service {Name}_{service} has no running task: {Tasks(service)}");
        return id!;
    }

    /// <summary><c>docker service inspect</c> of one of the stack's services.</summary>
    public JsonElement Service(string service) =>
        JsonDocument.Parse(DockerEngine.DockerOk("service", "inspect", $"{Name}_{service}")).RootElement[0].Clone();

    public string Tasks(string service) =>
        DockerEngine.Docker(["service", "ps", "--no-trunc", $"{Name}_{service}"]).Transcript;

    /// <summary>Polls <paramref name="condition"/> every half second up to <paramref name="within"/>; fails with <paramref name="why"/>.</summary>
    public static void WaitUntil(Func<bool> condition, TimeSpan within, Func<string> why)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"gave up after {within.TotalSeconds:0}s: {why()}");
            Thread.Sleep(500);
        }
    }

    public void Dispose()
    {
        try
        {
            // Waited for, so the next stack starts clean (stack rm returns before the engine is done).
            EngineLeftovers.Clear(Name);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
