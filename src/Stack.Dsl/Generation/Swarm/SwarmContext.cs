using Stack.Dsl.Compose;
using Stack.Dsl.Validation;
using Stack.Rules;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// What writing one environment's Swarm file needs besides the stack: the files it can read
/// (for content-addressed config names), paths as seen from the swarm/ folder, and where the
/// refusals go.
/// </summary>
internal sealed class SwarmContext(GenerationOptions options, WrittenFiles outputFiles, ProjectFileReads projectFiles, IReadOnlyDictionary<string, string> swarmFiles, List<StackDiagnostic> diagnostics)
{
    /// <summary>Options whose project paths are relative to swarm/ (one folder deeper than the output folder).</summary>
    public GenerationOptions Options { get; } = options with
    {
        ProjectDirectoryFromOutput = options.ProjectDirectoryFromOutput is "" or "." ? ".." : "../" + options.ProjectDirectoryFromOutput,
    };

    /// <summary>The definition project's folder on disk, when known.</summary>
    public string? ProjectDirectory => options.ProjectDirectory;

    /// <summary>The project files read so far, shared by every environment's Swarm file.</summary>
    public ProjectFileReads ProjectFiles { get; } = projectFiles;

    /// <summary>Files Stack writes at the top of the output folder (excludes.txt), by name.</summary>
    public WrittenFiles OutputFiles { get; } = outputFiles;

    /// <summary>Files Stack writes into swarm/ for this environment (Traefik's), by name.</summary>
    public IReadOnlyDictionary<string, string> SwarmFiles { get; } = swarmFiles;

    /// <summary>Files this environment's Swarm file needs beside it (a config's literal content), by name in swarm/.</summary>
    public Dictionary<string, string> ExtraFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>The file hashes deploy.sh sets before deploying this environment's file: variable to the file's sh word (<see cref="HostFileHash"/>).</summary>
    /// <remarks>Unsorted (deploy.sh sorts them): the framework has no precompiled SortedDictionary code over strings, so one here was JIT-compiled on every Swarm run.</remarks>
    public Dictionary<string, string> HostFileHashes { get; } = new(StringComparer.Ordinal);

    /// <summary>Records a hash deploy.sh must set; two keys that upper-case alike get distinct variables.</summary>
    public HostFileHash Hash(HostFileHash hash)
    {
        var variable = hash.Variable;
        for (var n = 2; HostFileHashes.TryGetValue(variable, out var path) && path != hash.ShellPath; n++)
        {
            variable = $"{hash.Variable}_{n}";
        }

        HostFileHashes[variable] = hash.ShellPath;
        return hash with { Variable = variable };
    }

    /// <summary>The prefix of the proxy's swarm provider for a service's network and lbswarm labels (<see cref="TraefikLabelPrefix"/>).</summary>
    public string TraefikPrefix { get; init; } = TraefikLabelPrefix.Docker;

    /// <summary>Reports what the Swarm file cannot say: an error, so nothing is dropped silently.</summary>
    public void Refuse(SourceLocation location, string message) =>
        diagnostics.Add(new StackDiagnostic(RuleIds.SwarmInexpressible, message, location));
}
