using Stack.Dsl.Cli;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Tests.Cli;

/// <summary>
/// Two runs at once writing one folder never mix: the folder is always one whole run's output,
/// every run succeeds (the later one waits for the earlier), and none shows a stack trace.
/// </summary>
public sealed class ConcurrentRunsTests : IDisposable
{
    private const int Rounds = 10;
    private const int RunsPerRound = 10;

    private readonly string _root = Directory.CreateTempSubdirectory("stack-concurrent-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Run <paramref name="n"/>'s definition: its own service, so its output is its own.</summary>
    internal static ComposeStack Definition(int n) => new ComposeStack("race").WithServices(
        Enumerable.Range(0, 1 + (n % 7)).Select(i => new Service($"run{n}-s{i}").WithImage("example/app:1.0").WithRestart(RestartPolicy.Always)));

    private StackCliSettings Settings(string output) => Settings(Path.Combine(_root, "definition"), output);

    internal static StackCliSettings Settings(string definition, string output) =>
        new() { DefinitionDirectory = definition, DefaultOutputDirectory = output };

    /// <summary>Every file under <paramref name="folder"/>, relative name and content.</summary>
    internal static string Contents(string folder) => string.Join("\n", Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)
        .Select(f => f + "\n" + File.ReadAllText(Path.Combine(folder, f))));

    [Fact]
    public void A_hundred_runs_ten_at_a_time_leave_one_whole_runs_output_after_each_round()
    {
        var alone = new Dictionary<int, string>();
        for (var n = 0; n < RunsPerRound * Rounds; n++)
        {
            var own = Path.Combine(_root, "alone", $"{n}");
            Assert.Equal(ExitCodes.Success, StackCli.Run([], () => Definition(n), Settings(own), TextWriter.Null, TextWriter.Null));
            alone[n] = Contents(own);
        }

        var shared = Path.Combine(_root, "out", "generated");
        for (var round = 0; round < Rounds; round++)
        {
            var runs = Enumerable.Range(round * RunsPerRound, RunsPerRound).ToList();
            using var start = new Barrier(runs.Count);
            var results = new (int Code, string Error)[runs.Count];
            var threads = runs.Select((n, i) => new Thread(() =>
            {
                using var error = new StringWriter();
                start.SignalAndWait();
                results[i] = (StackCli.Run([], () => Definition(n), Settings(shared), TextWriter.Null, error), error.ToString());
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.All(results, r => Assert.True(r.Code == ExitCodes.Success, $"round {round}: exit {r.Code}: {r.Error}"));
            Assert.All(results, r => Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal));
            var now = Contents(shared);
            Assert.True(runs.Any(n => alone[n] == now), $"round {round}: the folder is no single run's output:\n{now}");
            Assert.Equal(
                [OutputFolderLock.FileName("generated"), "generated"],
                Directory.GetFileSystemEntries(Path.GetDirectoryName(shared)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void The_lock_is_held_by_one_run_at_a_time_and_a_dead_runs_lock_file_holds_nothing()
    {
        var folder = Path.Combine(_root, "generated");
        var lockFile = Path.Combine(_root, ".generated.lock");
        File.WriteAllText(lockFile, string.Empty); // left by a run that was killed: no process holds it

        using (var first = OutputFolderLock.Acquire(folder, TimeSpan.Zero))
        {
            Assert.NotNull(first);
            Assert.Null(OutputFolderLock.Acquire(folder, TimeSpan.FromMilliseconds(200)));
        }

        using var next = OutputFolderLock.Acquire(folder, TimeSpan.Zero);
        Assert.NotNull(next);
        Assert.True(File.Exists(lockFile));
        Assert.False(Directory.Exists(folder)); // the lock writes nothing into the folder
    }
}
