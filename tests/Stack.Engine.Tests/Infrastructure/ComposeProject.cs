namespace Stack.Engine.Tests.Infrastructure;

/// <summary>
/// A compose project on the engine, driven by docker-compose 1.29 (Debian's; users run Compose v2,
/// which this machine does not have). 1.29 predates the top-level <c>name:</c>, so it reads copies
/// without that line, with the name passed as <c>-p</c>. Creating it clears what a killed run left
/// under the name (<see cref="EngineLeftovers"/>); disposing takes everything down (containers,
/// networks, volumes), also after a failure.
/// </summary>
internal sealed class ComposeProject : IDisposable
{
    private readonly DirectoryInfo copies = Directory.CreateTempSubdirectory("stack-engine-compose-");

    /// <param name="name">The project name (the stack's name: volume and network names depend on it).</param>
    /// <param name="folder">The folder holding the compose files; relative paths in them are relative to it.</param>
    /// <param name="files">The compose files, base first.</param>
    /// <param name="environment">Variables compose substitutes (the server's .env).</param>
    public ComposeProject(string name, string folder, IReadOnlyList<string> files, IReadOnlyDictionary<string, string> environment)
    {
        EngineLeftovers.Clear(name);
        Name = name;
        Folder = folder;
        Environment = environment;
        var arguments = new List<string> { "-p", name, "--project-directory", folder };
        foreach (var file in files)
        {
            var copy = Path.Combine(copies.FullName, Path.GetFileName(file));
            File.WriteAllLines(copy, File.ReadAllLines(Path.Combine(folder, file)).Where(line => !line.StartsWith("name:", StringComparison.Ordinal)));
            arguments.Add("-f");
            arguments.Add(copy);
        }

        Arguments = arguments;
    }

    public string Name { get; }

    public string Folder { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>docker-compose's arguments before the command.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The compose command as one line, for a script's <c>COMPOSE</c> variable (no path here has spaces).</summary>
    public string CommandLine => "docker-compose " + string.Join(' ', Arguments);

    public CommandResult Run(params string[] arguments) =>
        Command.Run("docker-compose", [.. Arguments, .. arguments], Folder, Environment, TimeSpan.FromMinutes(5));

    /// <summary>Runs compose and fails with its output, and the engine's view of the project, when it fails.</summary>
    public string Ok(params string[] arguments)
    {
        var result = Run(arguments);
        Assert.True(result.Succeeded, $"docker-compose {string.Join(' ', arguments)} failed: {result.Transcript}\n{Explain()}");
        return result.Output;
    }

    /// <summary>
    /// What the engine says about the project, for a failure message: <c>ps</c>, each container's
    /// state and health, and the last lines of the services' logs (of <paramref name="services"/>, or all).
    /// Never throws: it runs when something already went wrong.
    /// </summary>
    public string Explain(params string[] services)
    {
        try
        {
            var ps = Run("ps");
            var states = DockerEngine.ProjectObjects("container", Name)
                .Select(c => Command.Run("docker", ["inspect", "--format", "{{.Name}} {{json .State}}", c], timeout: TimeSpan.FromMinutes(1)).Output.Trim());
            var logs = Run(["logs", "--no-color", "--tail", "60", .. services]);
            return $"--- docker-compose ps\n{ps.Output}{ps.Error}\n--- container states\n{string.Join('\n', states)}\n--- docker-compose logs --tail 60\n{logs.Output}{logs.Error}";
        }
#pragma warning disable CA1031 // a failure message must not hide the failure it explains
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return $"(the engine's state could not be read: {exception.Message})";
        }
    }

    /// <summary>The container id of a service.</summary>
    public string ContainerOf(string service) => Ok("ps", "-q", service).Trim();

    private static readonly string[] DownArguments = ["down", "--volumes", "--remove-orphans", "--timeout", "2"];

    /// <summary>Takes the project down with its volumes; returns what is left (should be nothing).</summary>
    public IReadOnlyList<string> Down()
    {
        Run(DownArguments);
        return [.. DockerEngine.ProjectObjects("container", Name).Select(c => $"container {c}"),
            .. DockerEngine.ProjectObjects("volume", Name).Select(v => $"volume {v}"),
            .. DockerEngine.ProjectObjects("network", Name).Select(n => $"network {n}")];
    }

    /// <summary>Takes everything down, whatever state a failed test left it in (never throws: it runs after failures).</summary>
    public void Dispose()
    {
        // compose down first (it stops containers gracefully), then whatever it could not take.
        Run(DownArguments);
        EngineLeftovers.Clear(Name);
        copies.Delete(recursive: true);
    }
}
