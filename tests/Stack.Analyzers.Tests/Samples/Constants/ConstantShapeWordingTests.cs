using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Stack.Analyzers.Tests.Checklist;
using Stack.Analyzers.Tests.Infrastructure;

namespace Stack.Analyzers.Tests.Samples.Constants;

/// <summary>
/// For the shapes of <see cref="ConstantShapeSamples"/>: every finding of the analyzer is one of
/// the runtime's on the same stack, with the same ID, the same text and the same line (the call's,
/// or its statement's where the generator reads the line from the call stack).
/// </summary>
public sealed class ConstantShapeWordingTests
{
    public static TheoryData<string> Names => [.. ConstantShapeSamples.All.Select(sample => sample.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_finding_is_the_runtimes_word_for_word_at_the_same_line(string name)
    {
        var sample = ConstantShapeSamples.All.Single(s => s.Name == name);
        var (sources, _) = AgreementTests.StripMarkup(sample.Sources);
        var trees = sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: AgreementTests.PathOf(index), encoding: System.Text.Encoding.UTF8)).ToList();
        var compilation = CSharpCompilation.Create("Wording", trees, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = await compilation.WithAnalyzers([
            new Analyzers.Checklist.ChecklistAnalyzer(), new Analyzers.Security.SecurityAnalyzer(), new Analyzers.Security.ImportedRiskAnalyzer(), new Analyzers.Backups.BackupAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        var runtime = AgreementTests.RunAndValidate(sources);

        Assert.True(analyzers.Length > 0 || sample.RuntimeIds.Length == 0, "a sample with a gap the analyzer does not report");
        foreach (var finding in analyzers.Where(d => d.Id is not ("STK0003" or "STK0004"))) // routers: see AgreementTests
        {
            var text = finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            var line = finding.Location.GetLineSpan().StartLinePosition.Line + 1;
            var tree = finding.Location.SourceTree!;
            var statement = tree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(AgreementTests.StatementStart(tree.GetRoot().FindNode(finding.Location.SourceSpan)), 0)).StartLinePosition.Line + 1;
            Assert.True(
                runtime.Any(d => d.Id == finding.Id && d.Message == text && d.Location.FilePath == tree.FilePath && (d.Location.Line == line || d.Location.Line == statement)),
                $"{finding.Id} at {tree.FilePath}({line}): {text}{Environment.NewLine}the runtime: {string.Join(Environment.NewLine, runtime.Select(d => $"{d.Id} at {d.Location}: {d.Message}"))}");
        }
    }
}
