using System.Diagnostics;
using System.Text.Json;
using Stack.Engine.Tests.Infrastructure;

namespace Stack.Engine.Tests.Swarm;

/// <summary>
/// A stack deployed with <c>docker stack deploy</c>: waits on conditions (never fixed sleeps),
/// and on a failure says which step with the engine's own account (<c>docker service ps
/// --no-trunc</c>, the services' logs). Creating it clears what a killed run left under the name
/// (<see cref="EngineLeftovers"/>); disposing removes the stack and waits until nothing of it is left.
/// </summary>
internal sealed class StackOnSwarm : IDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    private readonly IReadOnlyDictionary<string, string> variables;

    public StackOnSwarm(string name, IReadOnlyDictionary<string, string> variables)
    {
        EngineLeftovers.Clear(name);
        Name = name;
        this.variables = variables;
    }

    public string Name { get; }

    /// <summary><c>docker stack deploy</c> of one file, as deploy.sh runs it (images not resolved: they are local stand-ins).</summary>
    public CommandResult Deploy(string file) => Command.Run(
        "docker", ["stack", "deploy", "--resolve-image", "never", "--prune", "--detach=true", "-c", Path.GetFileName(file), Name], Path.GetDirectoryName(file), variables, Bound);

    /// <summary>The generated <c>swarm/deploy.sh</c> as a user runs it (it deploys under the definition's name: this stack's).</summary>
    public CommandResult DeployWithScript(string script, params string[] arguments) =>
        Command.Run("sh", [script, .. arguments], Path.GetDirectoryName(script), variables, Bound);

    public void DeployOk(string file)
    {
        var result = Deploy(file);
        Assert.True(result.Succeeded, $"docker stack deploy -c {file} {Name} failed: {result.Transcript}");
    }

    /// <summary>The stack's services by their short name (without the stack prefix).</summary>
    public IReadOnlyList<string> Services() =>
        [.. DockerEngine.DockerOk("service", "ls", "--filter", $"label=com.docker.stack.namespace={Name}", "--format", "{{.Name}}")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s[(Name.Length + 1)..])];

    /// <summary><c>docker service inspect</c> of one service's spec.</summary>
    public JsonElement Spec(string service) => DockerEngine.Inspect($"{Name}_{service}").GetProperty("Spec");

    /// <summary>Each task of a service: its state and when it was created.</summary>
    public IReadOnlyList<string> TaskStates(string service) =>
        [.. DockerEngine.DockerOk("service", "ps", $"{Name}_{service}", "--format", "{{.CurrentState}}")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Polls <paramref name="condition"/> until it holds or <see cref="Bound"/> passes; then fails with the engine's account.</summary>
    public void WaitUntil(string what, Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Bound)
            {
                Assert.Fail($"{what}: not reached after {Bound.TotalSeconds:0}s.\n{Account()}");
            }

            Thread.Sleep(500);
        }
    }

    /// <summary>What the engine says about every service: its tasks (with errors) and its last log lines.</summary>
    public string Account()
    {
        var text = new System.Text.StringBuilder();
        foreach (var service in Services())
        {
            text.Append($"--- docker service ps --no-trunc {Name}_{service}\n")
                .Append(DockerEngine.Docker(["service", "ps", "--no-trunc", $"{Name}_{service}"]).Transcript).Append('\n')
                .Append($"--- docker service logs --tail 20 {Name}_{service}\n")
                .Append(DockerEngine.Docker(["service", "logs", "--tail", "20", "--no-task-ids", $"{Name}_{service}"], TimeSpan.FromSeconds(20)).Transcript).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>What is left of the stack: services, networks, configs, secrets (and containers of its tasks).</summary>
    public IReadOnlyList<string> Leftovers()
    {
        var label = $"label=com.docker.stack.namespace={Name}";
        return
        [
            .. List(["service", "ls", "--filter", label, "--format", "service {{.Name}}"]),
            .. List(["network", "ls", "--filter", label, "--format", "network {{.Name}}"]),
            .. List(["config", "ls", "--filter", label, "--format", "config {{.Name}}"]),
            .. List(["secret", "ls", "--filter", label, "--format", "secret {{.Name}}"]),
            .. List(["ps", "-a", "--filter", label, "--format", "container {{.Names}}"]),
        ];
    }

    /// <summary><c>docker stack rm</c>, then waits until nothing of the stack is left (rm returns before the engine is done).</summary>
    public void Remove()
    {
        DockerEngine.Docker(["stack", "rm", Name]);
        WaitUntil($"docker stack rm {Name} leaves nothing", () => Leftovers().Count == 0);
    }

    /// <summary>Removes what is left of the stack, also after a failure (never throws).</summary>
    public void Dispose() => EngineLeftovers.Clear(Name);

    private static string[] List(string[] arguments) =>
        DockerEngine.Docker(arguments).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
