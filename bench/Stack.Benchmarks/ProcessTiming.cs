using System.Diagnostics;
using System.Globalization;

namespace Stack.Benchmarks;

/// <summary>
/// Whole-process timings of a few commands, interleaved: each round runs every command once, in
/// an order shuffled per round. A ratio between two commands is only as good as the conditions
/// they share, and on a noisy machine those drift: run back to back (as hyperfine runs a
/// command's runs), one command can get a slow phase the other does not; and in a fixed order, a
/// command always run right after docker-compose measured 3.4 ms slower than the same program
/// run after another (60 rounds, 2 cores). Medians are the figures to compare.
/// </summary>
internal static class ProcessTiming
{
    private const int WarmupRounds = 3;

    /// <param name="rounds">How many timed rounds.</param>
    /// <param name="fresh">A folder deleted before every run (the output folder of the commands that write one).</param>
    /// <param name="commands"><c>name=program argument ...</c>, split at spaces (no quoting).</param>
    public static int Run(int rounds, string fresh, IReadOnlyList<string> commands)
    {
        var named = commands.Select(Parse).ToList();
        var times = named.ToDictionary(c => c.Name, _ => new List<double>());
        var random = new Random(7);
        for (var round = 0; round < WarmupRounds + rounds; round++)
        {
            foreach (var (name, program, arguments) in named.OrderBy(_ => random.Next()))
            {
                if (Directory.Exists(fresh))
                {
                    Directory.Delete(fresh, recursive: true);
                }

                var elapsed = Time(program, arguments);
                if (round >= WarmupRounds)
                {
                    times[name].Add(elapsed);
                }
            }
        }

        Console.WriteLine($"{rounds} rounds, each command once per round in a shuffled order.\n");
        Console.WriteLine("| Command | Median [ms] | Mean [ms] | Min [ms] |");
        Console.WriteLine("|:---|---:|---:|---:|");
        foreach (var (name, values) in times)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{name}` | {Median(values):F1} | {values.Average():F1} | {values.Min():F1} |"));
        }

        var first = named[0].Name;
        Console.WriteLine();
        foreach (var (name, values) in times.Where(t => t.Key != first))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"`{first}` / `{name}` (medians): {Median(times[first]) / Median(values):F3}"));
        }

        return 0;
    }

    private static (string Name, string Program, string[] Arguments) Parse(string command)
    {
        var equals = command.IndexOf('=', StringComparison.Ordinal);
        var words = command[(equals + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return equals <= 0 || words.Length == 0
            ? throw new ArgumentException($"'{command}' is not name=program arguments.", nameof(command))
            : (command[..equals], words[0], words[1..]);
    }

    private static double Time(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        output.Wait();
        return process.ExitCode == 0
            ? elapsed
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
