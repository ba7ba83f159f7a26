using BenchmarkDotNet.Attributes;
using Stack.Definition;
using Stack.Dsl.Compose;
using Stack.Dsl.Environments;
using Stack.Dsl.Generation;

namespace Stack.Benchmarks;

/// <summary>Validate and emit, in process: synthetic stacks of 1,000 and 10,000 services.</summary>
/// <remarks>
/// InProcess: BenchmarkDotNet's generated project cannot restore the ReadyToRun (RID-specific)
/// Release build of Stack.Definition, and this process is already an optimized Release build.
/// </remarks>
[MemoryDiagnoser]
[InProcess]
public class GenerateBenchmarks
{
    /// <summary>The options both benchmarks emit with: project files as seen from generated/.</summary>
    internal static readonly GenerationOptions Options = new() { ProjectDirectoryFromOutput = "../src/Stack.Definition" };

    private ComposeStack _synthetic = null!;

    [Params(1_000, 10_000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup() => _synthetic = SyntheticStack.Create(Services);

    [Benchmark]
    public int Synthetic() => StackGenerator.Generate(_synthetic, Options).Files[StackGenerator.ComposeFileName].Length;

    /// <summary>
    /// The same stack with three environments (one changing every service's restart policy, one
    /// every tenth service's environment, one nothing): four documents rendered, split and written.
    /// </summary>
    [Benchmark]
    public int SyntheticWithEnvironments() => StackGenerator.Generate(
        _synthetic.WithEnvironments(
            new StackEnvironment("dev", s => s.MapServices(service => service.WithRestart(RestartPolicy.No))),
            new StackEnvironment("stage", s => s.MapServices(service => service.Name.EndsWith('0') ? service.WithEnvironment("STAGE", "1") : service)),
            new StackEnvironment("prod", s => s)),
        Options).Files.Count;
}

/// <summary>The reference stack: define it and emit it, in process.</summary>
[MemoryDiagnoser]
[InProcess]
public class ReferenceStackBenchmarks
{
    [Benchmark]
    public int DefineAndGenerate() => StackGenerator.Generate(ReferenceStack.Build(), GenerateBenchmarks.Options).Files[StackGenerator.ComposeFileName].Length;
}
