using System.Diagnostics;
using BenchmarkDotNet.Running;
using Stack.Benchmarks;
using Stack.Dsl.Generation;

// `peak-memory N`: one cold validate-and-emit of N synthetic services in this process, then the
// process's peak working set (BenchmarkDotNet reports allocations, not peak memory).
if (args is ["peak-memory", var countText])
{
    var count = int.Parse(countText, System.Globalization.CultureInfo.InvariantCulture);
    var stack = SyntheticStack.Create(count);
    var clock = Stopwatch.StartNew();
    var result = StackGenerator.Generate(stack, new GenerationOptions { ProjectDirectoryFromOutput = "." });
    clock.Stop();
    using var process = Process.GetCurrentProcess();
    Console.WriteLine($"{count} services: {result.Files[StackGenerator.ComposeFileName].Length / 1024} KiB of YAML in {clock.ElapsedMilliseconds} ms (cold); peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MiB");
    return 0;
}

// `phases N`: where validate-and-emit of N synthetic services spends its time, after a warm-up.
if (args is ["phases", var phaseCountText])
{
    var stack = SyntheticStack.Create(int.Parse(phaseCountText, System.Globalization.CultureInfo.InvariantCulture));
    // Enough rounds for the JIT to reach its optimized tier; the last round is reported.
    for (var round = 1; round <= 15; round++)
    {
        var timings = PhaseTimer.Measure(stack);
        if (round == 15)
        {
            Console.WriteLine(timings);
        }
    }

    return 0;
}

// `analyze-rounds N`: the compiler pass with Stack's analyzers, N times over, for a profiler
// (`dotnet-trace collect -- ...`) to see where the analyzers' time goes.
if (args is ["analyze-rounds", var roundsText])
{
    var analysis = new AnalyzerBenchmarks { Services = 1_000 };
    analysis.Setup();
    for (var round = 0; round < int.Parse(roundsText, System.Globalization.CultureInfo.InvariantCulture); round++)
    {
        _ = analysis.CompilerAndStackAnalyzers();
    }

    return 0;
}

// `analyze-split`: the compiler pass alone, with the binding floor, and with Stack's analyzers,
// each timed warm (median of 9, after every variant ran 15 times so all code is at its
// optimized tier), to tell the analyzers' own work from the binding they need.
if (args is ["analyze-split"])
{
    var analysis = new AnalyzerBenchmarks { Services = 1_000 };
    analysis.Setup();
    var variants = new (string Name, Func<int> Run)[]
    {
        ("compiler", analysis.Compiler),
        ("compiler + binding only", analysis.CompilerAndBindingOnly),
        ("compiler + checklist", () => analysis.CompilerAnd(new Stack.Analyzers.Checklist.ChecklistAnalyzer())),
        ("compiler + security", () => analysis.CompilerAnd(new Stack.Analyzers.Security.SecurityAnalyzer())),
        ("compiler + backup", () => analysis.CompilerAnd(new Stack.Analyzers.Backups.BackupAnalyzer())),
        ("compiler + Stack's analyzers", analysis.CompilerAndStackAnalyzers),
    };
    foreach (var (_, run) in variants)
    {
        for (var round = 0; round < 15; round++)
        {
            _ = run();
        }
    }

    Thread.Sleep(500); // the JIT's background tier-up
    foreach (var (name, run) in variants)
    {
        var times = new List<double>();
        for (var round = 0; round < 9; round++)
        {
            var clock = Stopwatch.StartNew();
            _ = run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"{name}: {times.Order().ElementAt(times.Count / 2):F0} ms");
    }

    return 0;
}

// `analyzer-telemetry ROUNDS`: every analyzer of Stack.Analyzers over the 1,000-service definition,
// ROUNDS fresh compilations, with the driver's own per-analyzer execution time (robust to a loaded
// machine, unlike the wall clock); the last round's times and the median of all are printed.
if (args is ["analyzer-telemetry", var telemetryRoundsText])
{
    return AnalyzerTelemetry.Run(int.Parse(telemetryRoundsText, System.Globalization.CultureInfo.InvariantCulture));
}

// `alloc-report FILE.nettrace`: what Stack's analyzers allocate, from a gc-verbose trace (AllocReport).
if (args is ["alloc-report", var traceFile])
{
    return AllocReport.Run(traceFile);
}

// `process-timing ROUNDS FRESH name=command...`: whole-process timings, interleaved in a shuffled
// order, medians and ratios to the first command (bench/process-timing.sh).
if (args is ["process-timing", var roundsArgument, var fresh, .. var commands])
{
    return ProcessTiming.Run(int.Parse(roundsArgument, System.Globalization.CultureInfo.InvariantCulture), fresh, commands);
}

// `write-definition N DIR`: writes the synthetic N-service definition's C# files into DIR, for
// timing real builds with and without the analyzer (bench/analyzer-build-timing.sh).
if (args is ["write-definition", var definitionCountText, var directory])
{
    Directory.CreateDirectory(directory);
    var sources = SyntheticDefinition.Create(int.Parse(definitionCountText, System.Globalization.CultureInfo.InvariantCulture));
    for (var i = 0; i < sources.Count; i++)
    {
        File.WriteAllText(Path.Combine(directory, $"File{i}.cs"), sources[i]);
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(GenerateBenchmarks).Assembly).Run(args);
return 0;
