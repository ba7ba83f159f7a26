using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Stack.Analyzers.Backups;
using Stack.Analyzers.Checklist;
using Stack.Analyzers.Security;
using Stack.Dsl.Compose;

namespace Stack.Benchmarks;

/// <summary>
/// What Stack's analyzers (checklist, security, backups) add to the compiler's work on a 1,000-service definition: binding
/// and checking a fresh compilation, without and with the analyzer driven through it as the
/// command-line compiler does. Parsing is done once; emit is left out of both, which only makes
/// the ratio stricter. bench/analyzer-build-timing.sh times the real `dotnet build`.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class AnalyzerBenchmarks
{
    private ImmutableArray<SyntaxTree> _trees;
    private ImmutableArray<MetadataReference> _references;
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers = [new ChecklistAnalyzer(), new SecurityAnalyzer(), new BackupAnalyzer()];

    [Params(1_000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _trees = [.. SyntheticDefinition.Create(Services).Select((source, i) => CSharpSyntaxTree.ParseText(source, path: $"File{i}.cs"))];
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        _references = [.. Directory.GetFiles(runtime, "System.*.dll").Where(p => !p.Contains(".Native.", StringComparison.Ordinal))
            .Append(Path.Combine(runtime, "netstandard.dll"))
            .Append(typeof(Service).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
        var errors = Compile().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, errors.Take(5)));
        }
    }

    /// <summary>The compiler alone: bind every file and report its diagnostics.</summary>
    [Benchmark(Baseline = true)]
    public int Compiler() => Compile().GetDiagnostics().Length;

    /// <summary>The same pass with all of Stack's analyzers riding along, as in a build.</summary>
    [Benchmark]
    public int CompilerAndStackAnalyzers()
    {
        var analyzed = Compile().WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = analyzed.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        return diagnostics.Any(d => d.Id.StartsWith("STK", StringComparison.Ordinal))
            ? throw new InvalidOperationException("the synthetic definition should pass the checklist")
            : diagnostics.Length;
    }

    /// <summary>
    /// The floor of any analyzer like Stack's: the same per-file action, walking the file's calls
    /// and doing nothing, so what the driver itself costs can be told from what the checks cost.
    /// </summary>
    [Benchmark]
    public int CompilerAndEmptyAnalyzer() => CompilerAnd(new EmptyFileAnalyzer());

    /// <summary>
    /// The binding any analyzer that reads the services pays: every service a WithServices call
    /// adds, its field initializer's operation, and nothing else.
    /// </summary>
    [Benchmark]
    public int CompilerAndBindingOnly() => CompilerAnd(new BindingOnlyAnalyzer());

    /// <summary>The compiler pass with one analyzer, to see what each costs alone.</summary>
    public int CompilerAnd(DiagnosticAnalyzer analyzer) => Compile().WithAnalyzers([analyzer])
        .GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    private CSharpCompilation Compile() =>
        CSharpCompilation.Create("Bench", _trees, _references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}

#pragma warning disable RS1030, RS1036, RS1041, RS2008 // Benchmark fixtures run in process, never loaded by a compiler.

/// <summary>
/// A benchmark fixture shaped like Stack's analyzers: one action per file that finds the file's
/// WithServices calls by one walk of its syntax, and reports nothing.
/// </summary>
public abstract class FileFixtureAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Unused = new("BENCH0001", "unused", "unused", "Bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Unused];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSemanticModelAction(file => Analyze(file, WithServicesCalls(file.SemanticModel.SyntaxTree)));
    }

    protected abstract void Analyze(SemanticModelAnalysisContext file, IEnumerable<InvocationExpressionSyntax> withServices);

    private static IEnumerable<InvocationExpressionSyntax> WithServicesCalls(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(call => call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WithServices" });
}

/// <summary>Walks each file's calls and does nothing with them (the benchmark's floor).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyFileAnalyzer : FileFixtureAnalyzer
{
    protected override void Analyze(SemanticModelAnalysisContext file, IEnumerable<InvocationExpressionSyntax> withServices) =>
        _ = withServices.Count();
}

/// <summary>Binds what Stack's analyzers must read, and checks nothing: the floor under their cost.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BindingOnlyAnalyzer : FileFixtureAnalyzer
{
    protected override void Analyze(SemanticModelAnalysisContext file, IEnumerable<InvocationExpressionSyntax> withServices)
    {
        foreach (var argument in withServices.SelectMany(call => call.ArgumentList.Arguments))
        {
            if (file.SemanticModel.GetSymbolInfo(argument.Expression).Symbol is IFieldSymbol { DeclaringSyntaxReferences: [var declaration] }
                && declaration.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer })
            {
                _ = file.SemanticModel.Compilation.GetSemanticModel(declaration.SyntaxTree).GetOperation(initializer.Value);
            }
        }
    }
}
#pragma warning restore RS1030, RS1036, RS1041, RS2008
