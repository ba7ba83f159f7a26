using System.Collections.Immutable;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Stack.Analyzers.Tests.Infrastructure;
using Stack.Analyzers.Tests.Samples;
using Stack.Dsl.Compose;
using Stack.Dsl.Validation;

namespace Stack.Analyzers.Tests.Checklist;

/// <summary>
/// The analyzer and the runtime check share rule definitions; this proves they agree. Each sample
/// is compiled and run, and the runtime's findings are compared with the analyzer's (the sample's
/// markup, which <see cref="ChecklistAnalyzerTests"/> holds the analyzer to): every rule the
/// analyzer reports, the runtime reports too, and the runtime finds exactly what the sample says.
/// </summary>
public sealed class AgreementTests
{
    [Theory]
    [MemberData(nameof(ChecklistSamples.Names), MemberType = typeof(ChecklistSamples))]
    public void Runtime_finds_what_the_analyzer_reports_and_what_it_could_not_prove(string name)
    {
        var sample = ChecklistSamples.Named(name);
        var (sources, analyzerIds) = StripMarkup(sample.Sources);

        var runtimeIds = RunAndValidate(sources)
            .Where(d => d.Id.StartsWith("STK00", StringComparison.Ordinal) || d.Id.StartsWith("STK01", StringComparison.Ordinal) || d.Id == "STK0300")
            .Select(d => d.Id)
            .ToList();

        Assert.Equal(sample.RuntimeIds.Order(), runtimeIds.Order());
        Assert.Subset(runtimeIds.ToHashSet(), analyzerIds.ToHashSet());
    }

    private static (string[] Sources, List<string> AnalyzerIds) StripMarkup(string[] markedSources)
    {
        var ids = new List<string>();
        var sources = markedSources.Select(markup =>
        {
            TestFileMarkupParser.GetSpans(markup, out string source, out ImmutableDictionary<string, ImmutableArray<TextSpan>> spans);
            foreach (var (id, found) in spans)
            {
                ids.AddRange(Enumerable.Repeat(id, found.Length));
            }

            return Verify<Analyzers.Checklist.ChecklistAnalyzer>.Usings + source;
        });
        return ([.. sources], ids);
    }

    private static IReadOnlyList<StackDiagnostic> RunAndValidate(string[] sources)
    {
        var compilation = CSharpCompilation.Create(
            "Sample",
            sources.Select(source => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview))),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));

        image.Position = 0;
        var context = new AssemblyLoadContext("sample", isCollectible: true);
        try
        {
            // Stack.Dsl resolves to the test's own copy, so the returned stack is a type this test knows.
            var assembly = context.LoadFromStream(image);
            var build = assembly.GetType("Definition")!.GetMethod("Build")!;
            var arguments = build.GetParameters().Select(p => p.DefaultValue).ToArray();
            var stack = (ComposeStack)build.Invoke(null, arguments)!;
            return StackValidator.Validate(stack);
        }
        finally
        {
            context.Unload();
        }
    }
}
