using System.Collections.Immutable;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
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

    /// <summary>One rule, one voice: for each finding both sides report, the analyzer's message is the runtime's, word for word.</summary>
    [Fact]
    public async Task Analyzer_and_runtime_word_each_finding_the_same()
    {
        const string source = """
            using System.Net;

            static class Definition
            {
                static readonly Network Net = new("n");

                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    new Service("db").WithImage("postgres:17.2").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                        .WithPort(5432, 5432, IPAddress.Loopback).WithPort(5433, 5433, protocol: PortProtocol.Udp),
                    new Service("web").WithImage("nginx:latest").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                        .WithPort(8080, 80).WithPort(8443, 443).WithPort(9000, 9000, IPAddress.Loopback)
                        .WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock")
                        .WithEnvironment("API_TOKEN", "abc123")
                        .WithCapAdd("SYS_ADMIN"),
                    new Service("gc").WithImage("docker-gc:1.0").WithNetworks(Net).WithPrivileged());
            }
            """;
        var code = Verify<Analyzers.Checklist.ChecklistAnalyzer>.Usings + source;
        var compilation = CSharpCompilation.Create(
            "Voice", [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview))], TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new Analyzers.Checklist.ChecklistAnalyzer(), new Analyzers.Security.SecurityAnalyzer(), new Analyzers.Security.ImportedRiskAnalyzer(), new Analyzers.Backups.BackupAnalyzer());
        var analyzer = (await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync())
            .Select(d => (d.Id, Message: d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))).Order().ToList();
        var runtime = RunAndValidate([code]).Select(d => (d.Id, d.Message)).Order().ToList();

        Assert.Equal(["STK0001", "STK0100", "STK0101", "STK0103", "STK0104", "STK0105", "STK0106", "STK0107"], analyzer.Select(d => d.Id).Distinct().Order());
        Assert.Equal(analyzer, runtime);
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
