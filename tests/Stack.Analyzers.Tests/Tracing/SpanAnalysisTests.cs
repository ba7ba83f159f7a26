using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Stack.Analyzers.Backups;
using Stack.Analyzers.Checklist;
using Stack.Analyzers.Security;
using Stack.Analyzers.Tests.Infrastructure;

namespace Stack.Analyzers.Tests.Tracing;

/// <summary>
/// The analyzers walk a file's calls themselves (one action per file), so they must honour the
/// span an editor asks about: diagnostics of that span, no others, and the same as a whole run.
/// </summary>
public sealed class SpanAnalysisTests
{
    private const string Source = Verify<ChecklistAnalyzer>.Usings + """
        static class Definition
        {
            static readonly Volume Data = new("data");

            public static ComposeStack First() => new ComposeStack("a").WithServices(
                new Service("first").WithImage("nginx:1.27").WithNetworkMode(NetworkMode.None).WithVolume(Data, "/data"));

            public static ComposeStack Second() => new ComposeStack("b").WithServices(
                new Service("second").WithImage("nginx:1.27").WithNetworkMode(NetworkMode.None).WithVolume(Data, "/data"));
        }
        """;

    [Theory]
    [InlineData("First", "STK0001:first", "STK0300:Data")]
    [InlineData("Second", "STK0001:second")] // STK0300 is reported once a file, at the volume's first mount
    public async Task A_span_gets_the_diagnostics_inside_it_and_no_others(string method, params string[] expected)
    {
        var (analyzers, model) = Analyze();
        var text = model.SyntaxTree.GetText();
        var start = Source.IndexOf($"ComposeStack {method}()", StringComparison.Ordinal);
        var end = Source.IndexOf(';', start);
        var diagnostics = await analyzers.GetAnalyzerSemanticDiagnosticsAsync(model, TextSpan.FromBounds(start, end), CancellationToken.None);

        Assert.Equal(expected, Describe(diagnostics, text));
        Assert.All(diagnostics, d => Assert.True(d.Location.SourceSpan.Start >= start && d.Location.SourceSpan.End <= end));
    }

    [Fact]
    public async Task The_spans_together_report_what_the_whole_file_does()
    {
        var split = Source.IndexOf("public static ComposeStack Second", StringComparison.Ordinal);
        var whole = await Diagnostics(null);
        var halves = (await Diagnostics(TextSpan.FromBounds(0, split))).Concat(await Diagnostics(TextSpan.FromBounds(split, Source.Length)));

        Assert.Equal(["STK0001:first", "STK0001:second", "STK0300:Data"], whole.Order(StringComparer.Ordinal));
        Assert.Equal(whole.Order(StringComparer.Ordinal), halves.Order(StringComparer.Ordinal));
    }

    /// <summary>A fresh run for each span: a run keeps what it found for the whole file.</summary>
    private static async Task<string[]> Diagnostics(TextSpan? span)
    {
        var (analyzers, model) = Analyze();
        return Describe(await analyzers.GetAnalyzerSemanticDiagnosticsAsync(model, span, CancellationToken.None), model.SyntaxTree.GetText());
    }

    private static (CompilationWithAnalyzers Analyzers, SemanticModel Model) Analyze()
    {
        var tree = CSharpSyntaxTree.ParseText(Source, path: "/0/Definition.cs");
        var compilation = CSharpCompilation.Create("Spans", [tree], TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        ImmutableArray<DiagnosticAnalyzer> analyzers = [new ChecklistAnalyzer(), new SecurityAnalyzer(), new BackupAnalyzer()];
        return (compilation.WithAnalyzers(analyzers), compilation.GetSemanticModel(tree));
    }

    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics, SourceText text) =>
        [.. diagnostics.Select(d => $"{d.Id}:{text.ToString(d.Location.SourceSpan).Split('(', ' ')[0] switch { "new" => d.GetMessage().Split('\'')[1], var name => name }}")];
}
