using BenchmarkDotNet.Attributes;
using Stack.Definition;
using Stack.Dsl.Compose;
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
}

/// <summary>The reference stack: define it and emit it, in process.</summary>
[MemoryDiagnoser]
[InProcess]
public class ReferenceStackBenchmarks
{
    [Benchmark]
    public int DefineAndGenerate() => StackGenerator.Generate(ReferenceStack.Build(), GenerateBenchmarks.Options).Files[StackGenerator.ComposeFileName].Length;
}
