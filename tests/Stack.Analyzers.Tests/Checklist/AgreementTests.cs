using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Stack.Analyzers.Tests.Infrastructure;
using Stack.Analyzers.Tests.Samples;
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
        var (sources, analyzerFindings) = StripMarkup(sample.Sources);

        var runtime = RunAndValidate(sources)
            .Where(d => d.Id.StartsWith("STK00", StringComparison.Ordinal) || d.Id.StartsWith("STK01", StringComparison.Ordinal) || d.Id == "STK0300" || d.Id == "STK0219" || d.Id.StartsWith("STK05", StringComparison.Ordinal))
            .ToList();
        var runtimeIds = runtime.Select(d => d.Id).ToList();

        Assert.Equal(sample.RuntimeIds.Order(), runtimeIds.Order());
        Assert.Subset(runtimeIds.ToHashSet(), analyzerFindings.Select(f => f.Id).ToHashSet());

        // Both sides name the same line: the analyzer's at the call, the generator's from caller
        // information, or from the symbols for a helper's call, which place it at its statement's start.
        foreach (var finding in analyzerFindings.Where(f => f.Id is not "STK0300"))
        {
            Assert.True(
                runtime.Any(d => d.Id == finding.Id && d.Location.FilePath == finding.File && (d.Location.Line == finding.Line || d.Location.Line == finding.StatementLine)),
                $"{finding.Id} at {finding.File}({finding.Line}) (statement at line {finding.StatementLine}); the generator reports: {string.Join("; ", runtime.Select(d => $"{d.Id} at {d.Location}"))}");
        }
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
                    new Service("gc").WithImage("docker-gc:1.0").WithNetworks(Net).WithPrivileged(),
                    new Service("app").WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                        .DependsOn(Cache, DependencyCondition.ServiceHealthy).DependsOn(Api, DependencyCondition.ServiceHealthy)
                        .DependsOn(Pg, DependencyCondition.ServiceStarted).DependsOn(Api, DependencyCondition.ServiceCompletedSuccessfully),
                    Cache, Api, Pg);

                static readonly Service Cache = new Service("cache").WithImage("redis:7.4").WithRestart(RestartPolicy.Always).WithNetworks(Net);
                static readonly Service Api = new Service("api").WithImage("example/api:2.1").WithRestart(RestartPolicy.Always).WithNetworks(Net);
                static readonly Service Pg = new Service("pg").WithImage("postgres:17.2").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("pg_isready")));
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

        Assert.Equal(["STK0001", "STK0005", "STK0100", "STK0101", "STK0103", "STK0104", "STK0105", "STK0106", "STK0107", "STK0219"], analyzer.Select(d => d.Id).Distinct().Order());
        Assert.Equal(analyzer, runtime);
    }

    /// <summary>The same for the Swarm rules the analyzer proves (STK0500, STK0501): one message, word for word.</summary>
    [Fact]
    public async Task Analyzer_and_runtime_word_each_Swarm_finding_the_same()
    {
        const string source = """
            using System.Net;

            static class Definition
            {
                static readonly Network Net = new("n");

                public static ComposeStack Build() => new ComposeStack("s").WithTargets(DeployTarget.Compose, DeployTarget.Swarm).WithServices(
                    new Service("web").WithImage("nginx:1.27").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                        .WithPort(8080, 80, IPAddress.Loopback).WithPort(5353, 53, IPAddress.IPv6Loopback, PortProtocol.Udp),
                    new Service("tool").WithImage("example/tool:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                        .WithPrivileged().AcceptRisk(SecurityRisk.HostPrivilege, "needs the host"));
            }
            """;
        var code = Verify<Analyzers.Checklist.ChecklistAnalyzer>.Usings + source;
        var compilation = CSharpCompilation.Create(
            "SwarmVoice", [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview))], TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzer = (await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new Analyzers.Swarm.SwarmAnalyzer())).GetAnalyzerDiagnosticsAsync())
            .Select(d => (d.Id, Message: d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))).Order().ToList();
        var runtime = RunAndValidate([code]).Where(d => d.Id.StartsWith("STK05", StringComparison.Ordinal)).Select(d => (d.Id, d.Message)).Order().ToList();

        Assert.Equal(["STK0500", "STK0501"], analyzer.Select(d => d.Id).Distinct().Order());
        Assert.Equal(analyzer, runtime);
    }

    /// <summary>A finding the markup expects of the analyzer: its rule, file and line, and the line its statement starts on.</summary>
    internal sealed record Marked(string Id, string File, int Line, int StatementLine);

    internal static string PathOf(int index) => $"/sample/File{index}.cs";

    internal static (string[] Sources, List<Marked> Findings) StripMarkup(string[] markedSources)
    {
        var findings = new List<Marked>();
        var sources = markedSources.Select((markup, index) =>
        {
            TestFileMarkupParser.GetSpans(markup, out string source, out ImmutableDictionary<string, ImmutableArray<TextSpan>> spans);
            var code = Verify<Analyzers.Checklist.ChecklistAnalyzer>.Usings + source;
            var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview));
            var offset = Verify<Analyzers.Checklist.ChecklistAnalyzer>.Usings.Length;
            foreach (var (id, found) in spans)
            {
                foreach (var span in found)
                {
                    var node = tree.GetRoot().FindNode(new TextSpan(span.Start + offset, span.Length), getInnermostNodeForTie: true);
                    findings.Add(new(id, PathOf(index), Line(tree, span.Start + offset), Line(tree, StatementStart(node))));
                }
            }

            return code;
        });
        return ([.. sources], findings);
    }

    private static int Line(SyntaxTree tree, int position) => tree.GetLineSpan(new TextSpan(position, 0)).StartLinePosition.Line + 1;

    /// <summary>Where the sequence point holding <paramref name="node"/> starts: its statement, expression body or initializer.</summary>
    internal static int StatementStart(SyntaxNode node)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax statement:
                    return statement.SpanStart;
                case Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax arrow:
                    return arrow.Expression.SpanStart;
                case Microsoft.CodeAnalysis.CSharp.Syntax.EqualsValueClauseSyntax initializer:
                    return initializer.Parent!.SpanStart;
            }
        }

        return node.SpanStart;
    }

    internal static IReadOnlyList<StackDiagnostic> RunAndValidate(string[] sources)
    {
        var compilation = CSharpCompilation.Create(
            "Sample",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: PathOf(index), encoding: System.Text.Encoding.UTF8)),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        return DefinitionRun.Validate(compilation);
    }
}
