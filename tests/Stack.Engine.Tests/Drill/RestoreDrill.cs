using System.Diagnostics;
using Stack.Engine.Tests.Infrastructure;
using Stack.Samples.Drill;
using Xunit.Abstractions;

namespace Stack.Engine.Tests.Drill;

/// <summary>A deliberate mistake, to show the drill catches it.</summary>
internal enum Sabotage
{
    None,

    /// <summary>The backup runs without PRE_COMMANDS: no dump is written.</summary>
    SkipTheDump,

    /// <summary>The excludes file also drops the dump volume.</summary>
    ExcludeTheDump,

    /// <summary>restore.sh loads the dump (step 4) before restoring the volumes (step 3).</summary>
    LoadTheDumpBeforeRestoringFiles,
}

/// <summary>A drill step failed: which one, and the engine's own output.</summary>
internal sealed class DrillStepFailedException(string step, string detail)
    : Exception($"Restore drill step '{step}' failed:\n{detail}")
{
    public string Step { get; } = step;
}

/// <summary>What a successful drill measured.</summary>
/// <param name="Elapsed">Bring-up to checked restore.</param>
/// <param name="RepositoryBytes">The restic repository's size after the backup.</param>
/// <param name="Snapshot">The paths in the snapshot.</param>
internal sealed record DrillReport(TimeSpan Elapsed, long RepositoryBytes, IReadOnlyList<string> Snapshot);

/// <summary>
/// The restore drill on the drill sample: bring it up, write known rows and files, back up exactly
/// as the generated files say (the runner's PRE_COMMANDS dump, restic with the generated excludes,
/// into a local repository), destroy every container, network and volume, run the generated
/// restore.sh from that empty state, and check what came back.
/// </summary>
internal sealed class RestoreDrill : IDisposable
{
    public static readonly string[] Rows = ["1\tfirst note", "2\tsecond note, with 'quotes'"];
    public const string UploadPath = "/uploads/2026/report.txt";
    public const string UploadContent = "the uploaded file";

    private readonly GeneratedFolder files = new(DrillStack.Build(), GeneratedFolder.Recorded("Stack.DrillDirectory"));
    private readonly DirectoryInfo repository = Directory.CreateTempSubdirectory("stack-drill-repository-");
    private readonly DirectoryInfo timing = Directory.CreateTempSubdirectory("stack-drill-timing-");
    private readonly ComposeProject compose;
    private readonly ITestOutputHelper log;

    public RestoreDrill(ITestOutputHelper log)
    {
        this.log = log;
        compose = new ComposeProject(DrillStack.ProjectName, files.Folder, ["docker-compose.yml", PatientHealthchecks.Write(timing.FullName, "mysql")], new Dictionary<string, string>
        {
            ["MYSQL_ROOT_PASSWORD"] = "drill-root-password",
            ["RESTIC_PASSWORD"] = "drill-restic-password",
            ["BACKUP_REPOSITORY_DIR"] = repository.FullName,
        });
    }

    public GeneratedFolder Files => files;

    public ComposeProject Compose => compose;

    public DrillReport Run(Sabotage sabotage = Sabotage.None)
    {
        var clock = Stopwatch.StartNew();
        Step("bring the stack up", () => compose.Ok("up", "-d"));
        Step("write known rows and files", () =>
        {
            Sql("INSERT INTO drill.notes VALUES (1, 'first note'), (2, 'second note, with ''quotes''')");
            Exec("drill-app", $"mkdir -p /uploads/2026 && printf '{UploadContent}' > {UploadPath} && printf x > /cache/thumbnail");
        });

        var snapshot = Array.Empty<string>();
        Step("back up as the generated files say", () =>
        {
            if (sabotage == Sabotage.ExcludeTheDump)
            {
                files.Write("excludes.txt", files.Read("excludes.txt") + "/docker/volumes/drill_mysql-dump\n");
            }

            string[] skipDump = sabotage == Sabotage.SkipTheDump ? ["--env", "PRE_COMMANDS="] : [];
            log.WriteLine(DockerEngine.DockerOk(["exec", .. skipDump, "drill-backup", "backup"]));
            snapshot = DockerEngine.DockerOk("exec", "drill-backup", "restic", "ls", "latest").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        });
        var size = DirectorySize(repository);

        Step("destroy everything (down -v)", () =>
        {
            var left = compose.Down();
            Assert.True(left.Count == 0, $"left after down -v: {string.Join(", ", left)}");
        });

        Step("restore with the generated restore.sh", () =>
        {
            if (sabotage == Sabotage.LoadTheDumpBeforeRestoringFiles)
            {
                files.Write("restore.sh", SwapSteps(files.Read("restore.sh"), 3, 4));
            }

            var restore = Command.Run(files.PathOf("restore.sh"), [], files.Folder,
                new Dictionary<string, string>(compose.Environment) { ["COMPOSE"] = compose.CommandLine }, TimeSpan.FromMinutes(10)); // restore.sh's own health wait is 300 s

            log.WriteLine(restore.Transcript);
            Assert.True(restore.Succeeded, restore.Transcript);
        });

        Step("check what came back", () =>
        {
            Assert.Equal(Rows, Sql("SELECT id, body FROM drill.notes ORDER BY id").Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(UploadContent, Exec("drill-app", $"cat {UploadPath}"));
            Assert.Equal(string.Empty, Exec("drill-app", "ls -A /cache").Trim());

            // The live data volume started empty (the server created its system tables anew)
            // and the rows came from the dump, which the snapshot holds instead of the live files.
            Assert.Contains("empty data folder, creating the system tables", DockerEngine.DockerOk("logs", "drill-mysql"), StringComparison.Ordinal);
        });

        return new DrillReport(clock.Elapsed, size, snapshot);
    }

    /// <summary>Runs a drill step; a failure names the step and carries the engine's output.</summary>
    private void Step(string name, Action action)
    {
        log.WriteLine($"drill step: {name}");
        try
        {
            action();
        }
        catch (Exception failure) when (failure is not DrillStepFailedException)
        {
            throw new DrillStepFailedException(name, $"{failure.Message}\n{compose.Explain()}");
        }
    }

    /// <summary>A shell command in a container, as root; fails on a non-zero exit.</summary>
    public static string Exec(string container, string command) => DockerEngine.DockerOk("exec", container, "sh", "-c", command);

    /// <summary>A query through the database container's own client; tab-separated rows.</summary>
    public static string Sql(string query) =>
        Exec("drill-mysql", $"mysql --user=root --password=\"$MYSQL_ROOT_PASSWORD\" --batch --skip-column-names --execute \"{query}\"");

    /// <summary>The script with two of its steps' blocks swapped (a block runs from "step N" to the next step).</summary>
    public static string SwapSteps(string script, int first, int second)
    {
        int Start(int step) => script.IndexOf($"\nstep {step}:", StringComparison.Ordinal);
        var (a, b, end) = (Start(first), Start(second), Start(second + 1));
        Assert.True(a >= 0 && b > a && end > b, "restore.sh no longer has its numbered steps");
        return script[..a] + script[b..end] + script[a..b] + script[end..];
    }

    private static long DirectorySize(DirectoryInfo folder) =>
        folder.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    public void Dispose()
    {
        compose.Dispose();
        files.Dispose();
        repository.Delete(recursive: true);
        timing.Delete(recursive: true);
    }
}
