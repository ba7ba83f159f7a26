using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stack.Analyzers.Tests.Infrastructure;

namespace Stack.Analyzers.Tests.Shapes;

/// <summary>
/// Every sample of <c>Shapes/Samples</c>, compiled as a package consumer compiles it (the packed
/// library and the packed analyzers), then run: the analyzer reports exactly the marked findings,
/// the runtime exactly the marked ones plus the runtime-only ones, and each analyzer finding is a
/// runtime finding with the same ID, text and line. Adding a shape is adding a file.
/// </summary>
public sealed class ShapeAgreementTests
{
    public static TheoryData<string> Samples => [.. ShapeSample.Names];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Analyzer_reports_a_subset_of_the_runtime_with_the_same_id_text_and_line(string name)
    {
        var sample = ShapeSample.Load(name);
        var compilation = sample.Compile(PackagedStack.Library);
        var analyzer = (await compilation.WithAnalyzers(PackagedStack.Analyzers).GetAnalyzerDiagnosticsAsync())
            .Select(d => new Finding(d.Id, d.GetMessage(CultureInfo.InvariantCulture), d.Location.GetLineSpan().Path, d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .ToList();
        var runtime = DefinitionRun.Validate(compilation)
            .Select(d => new Finding(d.Id, d.Message, d.Location.FilePath, d.Location.Line))
            .ToList();

        Assert.Equal(Describe(sample.Findings), Describe(analyzer.Select(f => (f.Id, f.Line))));
        Assert.Equal(Describe([.. sample.Findings, .. sample.RuntimeOnly]), Describe(runtime.Select(f => (f.Id, f.Line))));
        foreach (var finding in analyzer)
        {
            Assert.True(runtime.Contains(finding), $"the analyzer's {finding} is not among the runtime's:\n{string.Join("\n", runtime)}");
        }
    }

    /// <summary>Each shape is proven both ways: a sample where it hides a gap (a finding), one where it hides the fix (none).</summary>
    [Fact]
    public void Every_shape_class_has_a_sample_with_a_finding_and_one_without()
    {
        var samples = ShapeSample.Names.Select(ShapeSample.Load).ToList();
        Assert.NotEmpty(samples);
        foreach (var shape in samples.GroupBy(s => s.Class))
        {
            Assert.True(shape.Any(s => s.Findings.Count > 0), $"{shape.Key}: no sample where the shape hides a gap the analyzer finds");
            Assert.True(shape.Any(s => s.Findings.Count == 0 && s.RuntimeOnly.Count == 0), $"{shape.Key}: no sample where the shape hides the fix");
        }
    }

    /// <summary>The analyzers under test are the package's, not this project's reference.</summary>
    [Fact]
    public void Analyzers_are_loaded_from_the_package()
    {
        Assert.NotEmpty(PackagedStack.Analyzers);
        Assert.Contains(Path.Combine("analyzers", "dotnet", "cs"), PackagedStack.AnalyzerAssemblyPath, StringComparison.Ordinal);
        Assert.NotEqual(typeof(Analyzers.Checklist.ChecklistAnalyzer).Assembly, PackagedStack.Analyzers[0].GetType().Assembly);
    }

    private static List<string> Describe(IEnumerable<(string Id, int Line)> findings) =>
        [.. findings.Select(f => $"{f.Id} at line {f.Line}").Order(StringComparer.Ordinal)];

    private sealed record Finding(string Id, string Message, string File, int Line)
    {
        public override string ToString() => $"{File}({Line}): {Id}: {Message}";
    }
}
