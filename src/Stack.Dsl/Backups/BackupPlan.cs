using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Backups;

/// <summary>
/// The stack's backup runner: a restic container (the <c>mazzolino/restic</c> image's conventions
/// by default) that snapshots Docker's volume folder. From every volume's <see cref="VolumeBackup"/>
/// the generator writes its excludes file and pre-backup commands, and <c>RESTORE.md</c>.
/// </summary>
public sealed record BackupPlan
{
    /// <summary>The generated excludes file's name in the output folder.</summary>
    public const string ExcludesFileName = "excludes.txt";

    /// <summary>Declares <paramref name="runner"/> as the service that runs the backups.</summary>
    /// <param name="runner">The backup service; it mounts the host's Docker volume folder at <see cref="VolumesPath"/>.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public BackupPlan(Service runner, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        Runner = runner ?? throw new ArgumentNullException(nameof(runner));
        Location = new SourceLocation(filePath, line);
    }

    /// <summary>The backup service (matched by name in the stack).</summary>
    public Service Runner { get; init; }

    /// <summary>Where the plan was declared.</summary>
    public SourceLocation Location { get; }

    /// <summary>Where the runner sees the host's <c>/var/lib/docker/volumes</c>.</summary>
    public string VolumesPath { get; init; } = "/docker/volumes";

    /// <summary>Where the generated excludes file is mounted in the runner (pass it to <c>--exclude-file</c>).</summary>
    public string ExcludesFile { get; init; } = "/etc/restic/excludes.txt";

    /// <summary>The runner's variable holding the commands run before each backup, one per line.</summary>
    public string PreCommandsVariable { get; init; } = "PRE_COMMANDS";

    /// <summary>The runner's tool that waits for host:port (<c>wait-for HOST:PORT --timeout=N -- COMMAND</c>).</summary>
    public string WaitForTool { get; init; } = "wait-for";

    /// <summary>How long to wait for a service's port before running its command.</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>File patterns skipped in every volume (restic exclude syntax).</summary>
    public ImmutableArray<string> ExcludePatterns { get; init; } = [];

    /// <summary>Skips files matching <paramref name="patterns"/> in every volume.</summary>
    public BackupPlan Excluding(params IEnumerable<string> patterns) => this with { ExcludePatterns = ExcludePatterns.AddRange(patterns) };
}
