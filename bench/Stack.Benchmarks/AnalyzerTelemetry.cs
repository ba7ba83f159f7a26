using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Stack.Dsl.Compose;

namespace Stack.Benchmarks;

/// <summary>
/// Every analyzer of Stack.Analyzers over the synthetic 1,000-service definition, through
/// <see cref="CompilationWithAnalyzers"/> as the compiler drives them, with the driver's execution
/// time per analyzer. The first rounds are cold (JIT), so the median over many rounds is quoted.
/// Sequential analysis: each analyzer's time is its own thread time, not its wait for another's.
/// </summary>
internal static class AnalyzerTelemetry
{
    public static int Run(int rounds)
    {
        var trees = SyntheticDefinition.Create(1_000).Select((source, i) => CSharpSyntaxTree.ParseText(source, path: $"File{i}.cs")).ToImmutableArray();
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = Directory.GetFiles(runtime, "System.*.dll").Where(p => !p.Contains(".Native.", StringComparison.Ordinal))
            .Append(Path.Combine(runtime, "netstandard.dll"))
            .Append(typeof(Service).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
        // STACK_ANALYZERS=path/to/Stack.Analyzers.dll measures another build (a baseline commit's), loaded apart.
        var assembly = Environment.GetEnvironmentVariable("STACK_ANALYZERS") is { Length: > 0 } path
            ? new System.Runtime.Loader.AssemblyLoadContext("measured", isCollectible: false).LoadFromAssemblyPath(Path.GetFullPath(path))
            : typeof(Stack.Analyzers.Checklist.ChecklistAnalyzer).Assembly;
        var analyzers = assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();
        var times = analyzers.ToDictionary(a => a.GetType().Name, _ => new List<double>());
        var totals = new List<double>();
        var cpu = new List<double>();
        var baseCpu = new List<double>();
        var bytes = new List<double>();
        var baseBytes = new List<double>();
        using var process = Process.GetCurrentProcess();
        var concurrent = Environment.GetEnvironmentVariable("CONCURRENT") != "0"; // as csc runs them
        var floorCpu = new List<double>();
        var stackCpu = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // CPU time, which a loaded machine changes far less than wall time: the driver's pass with
            // an empty per-file analyzer (the floor any analyzer pays) against the pass with Stack's,
            // each on a fresh compilation, in alternating order.
            foreach (var stack in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                var fresh = CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                process.Refresh();
                var start = process.TotalProcessorTime;
                _ = fresh.WithAnalyzers(stack ? analyzers : [new EmptyFileAnalyzer()], new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: false)).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
                process.Refresh();
                (stack ? stackCpu : floorCpu).Add((process.TotalProcessorTime - start).TotalMilliseconds);
            }

            // The compiler alone on a fresh compilation, then the analyzers on another: their CPU time apart.
            process.Refresh();
            var before = process.TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            _ = CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).GetDiagnostics();
            process.Refresh();
            baseCpu.Add((process.TotalProcessorTime - before).TotalMilliseconds);
            baseBytes.Add(GC.GetTotalAllocatedBytes(precise: true) - allocated);
            var compilation = CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            process.Refresh();
            before = process.TotalProcessorTime;
            allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var analyzed = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: true));
            _ = compilation.GetDiagnostics();
            var diagnostics = analyzed.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            totals.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - before).TotalMilliseconds);
            bytes.Add(GC.GetTotalAllocatedBytes(precise: true) - allocated);
            if (diagnostics.FirstOrDefault(d => d.Id.StartsWith("STK", StringComparison.Ordinal)) is { } finding)
            {
                Console.Error.WriteLine($"unexpected finding on the synthetic definition: {finding}");
                return 1;
            }

            foreach (var analyzer in analyzers)
            {
                var info = analyzed.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
                times[analyzer.GetType().Name].Add(info.ExecutionTime.TotalMilliseconds);
            }
        }

        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        static double Min(List<double> values) => values.Min();
        Console.WriteLine($"{rounds} rounds; median ms per analyzer (last round in brackets); compile+analyze wall median {Median(totals):F0} ms");
        foreach (var (name, values) in times.OrderByDescending(p => Median(p.Value)))
        {
            Console.WriteLine($"{name,-28} {Median(values),8:F1} ({values[^1]:F1}) min {Min(values),8:F1}");
        }

        Console.WriteLine($"{"sum",-28} {times.Values.Sum(Median),8:F1} (first, cold round: {times.Values.Sum(v => v[0]):F1})");
        Console.WriteLine($"allocated MB per round, median: compiler alone {Median(baseBytes) / 1e6:F1}, compiler + analyzers {Median(bytes) / 1e6:F1}");
        var added = floorCpu.Zip(stackCpu, (floor, stack) => stack - floor).ToList();
        Console.WriteLine($"CPU ms of the compiler and driver pass, median: with an empty analyzer {Median(floorCpu):F0}, with Stack's {Median(stackCpu):F0}; Stack's add {Median(added):F0} (per round: {string.Join(" ", added.Select(a => a.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))})");
        Console.WriteLine($"process CPU ms per round, median: compiler alone {Median(baseCpu):F0}, compiler + analyzers (binding twice) {Median(cpu):F0}; first round {baseCpu[0]:F0} / {cpu[0]:F0}");
        return 0;
    }
}
