using System.Diagnostics;
using Stack.Dsl.Cli;

namespace Stack.Dsl.Tests.Cli;

/// <summary>
/// Runs at once in separate processes (what two terminals, or CI and a user, do) writing one
/// output folder: the lock beside the folder holds across processes, so the folder is always one
/// whole run's output, and no run shows a stack trace. Each run is this test assembly started
/// again as a program (<see cref="Program"/>).
/// </summary>
public sealed class ProcessRunsTests : IDisposable
{
    private const int Rounds = 10;
    private const int RunsPerRound = 10;

    private readonly string _root = Directory.CreateTempSubdirectory("stack-processes-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_hundred_processes_ten_at_a_time_leave_one_whole_runs_output_after_each_round()
    {
        var definition = Path.Combine(_root, "definition");
        var alone = new Dictionary<int, string>();
        for (var n = 0; n < RunsPerRound * Rounds; n++)
        {
            var own = Path.Combine(_root, "alone", $"{n}");
            Assert.Equal(ExitCodes.Success, StackCli.Run([], () => ConcurrentRunsTests.Definition(n), ConcurrentRunsTests.Settings(definition, own), TextWriter.Null, TextWriter.Null));
            alone[n] = ConcurrentRunsTests.Contents(own);
        }

        var shared = Path.Combine(_root, "out", "generated");
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            var runs = Enumerable.Range(round * RunsPerRound, RunsPerRound).ToList();
            var processes = runs.Select(n => Start(n, definition, shared)).ToList();
            var results = processes.Select(Finish).ToList();

            Assert.All(results, r => Assert.True(r.Code == ExitCodes.Success, $"round {round}: exit {r.Code}: {r.Error}"));
            Assert.All(results, r => Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal));
            var now = ConcurrentRunsTests.Contents(shared);
            Assert.True(runs.Any(n => alone[n] == now), $"round {round}: the folder is no single run's output:\n{now}");
            Assert.Equal(
                [OutputFolderLock.FileName("generated"), "generated"],
                Directory.GetFileSystemEntries(Path.GetDirectoryName(shared)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }

        // Bounded for CI: a hundred starts of a small program on a loaded machine.
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"the hundred runs took {clock.Elapsed}");
    }

    private static Process Start(int n, string definition, string output)
    {
        var info = new ProcessStartInfo("dotnet", ["exec", typeof(Program).Assembly.Location, "run", $"{n}", definition, output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return Process.Start(info)!;
    }

    private static (int Code, string Error) Finish(Process process)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "a run did not finish within a minute");
            return (process.ExitCode, error + output.Result);
        }
    }
}
