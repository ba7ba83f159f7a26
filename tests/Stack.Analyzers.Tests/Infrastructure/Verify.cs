using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Stack.Analyzers.Tests.Infrastructure;

/// <summary>Runs an analyzer (and a code fix) over sample definitions with the testing package.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>The usings every sample starts with, so samples show only what matters.</summary>
    public const string Usings = "using System.Collections.Generic;\nusing Stack.Dsl.Compose;\nusing Stack.Dsl.Traefik;\n";

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    /// <summary>Analyzes <paramref name="sources"/> (file contents, markup allowed) and expects exactly <paramref name="expected"/>.</summary>
    public static Task Analyzer(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
        Configure(test.TestState, sources);
        test.ReferenceAssemblies = TestReferences.None;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task Analyzer(string source, params DiagnosticResult[] expected) => Analyzer([source], expected);

    /// <summary>Like <see cref="Analyzer(string[], DiagnosticResult[])"/>, with every analyzer of the package at once.</summary>
    public static Task AllAnalyzers(string[] sources)
    {
        var test = new AllAnalyzersTest();
        Configure(test.TestState, sources);
        test.ReferenceAssemblies = TestReferences.None;
        return test.RunAsync();
    }

    private sealed class AllAnalyzersTest : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            [new Analyzers.Checklist.ChecklistAnalyzer(), new Analyzers.Security.SecurityAnalyzer(), new Analyzers.Security.ImportedRiskAnalyzer(), new Analyzers.Backups.BackupAnalyzer(), new Analyzers.Swarm.SwarmAnalyzer()];
    }

    /// <summary>Applies <typeparamref name="TAnalyzer"/>'s fix (one by one and with Fix All) and compares with <paramref name="fixedSources"/>.</summary>
    public static Task CodeFix<TCodeFix>(string[] sources, string[] fixedSources, DiagnosticResult[] expected, string? equivalenceKey = null, bool prependUsings = true)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        Configure(test.TestState, sources, prependUsings);
        Configure(test.FixedState, fixedSources, prependUsings);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static void Configure(SolutionState state, string[] sources, bool prependUsings = true)
    {
        for (var i = 0; i < sources.Length; i++)
        {
            state.Sources.Add(($"/0/File{i}.cs", (prependUsings ? Usings : string.Empty) + sources[i]));
        }

        state.AdditionalReferences.AddRange(TestReferences.All);
        state.OutputKind = OutputKind.DynamicallyLinkedLibrary;
    }
}
