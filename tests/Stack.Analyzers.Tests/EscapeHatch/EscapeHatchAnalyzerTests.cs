using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Stack.Analyzers.Tests.Infrastructure;
using Verifier = Stack.Analyzers.Tests.Infrastructure.Verify<Stack.Analyzers.EscapeHatch.EscapeHatchAnalyzer>;

namespace Stack.Analyzers.Tests.EscapeHatch;

/// <summary>
/// STK0200 for a key WithField refuses: reported while typing at the call, with the library's
/// text, and only for the keys the library refuses (the shared table); the generator then
/// refuses the same call, at the same line, with the same words.
/// </summary>
public sealed class EscapeHatchAnalyzerTests
{
    [Fact]
    public Task Modeled_keys_are_refused_at_the_call_and_other_keys_pass() => Verifier.Analyzer(
        """
        static class Definition
        {
            const string Pid = "pid";

            public static ComposeStack Build() => new ComposeStack("s").WithServices(
                new Service("a").WithImage("example/a:1.0").{|#0:WithField("privileged", true)|},
                new Service("b").WithImage("example/b:1.0").{|#1:WithField(Pid, "host")|}.WithField("isolation", "default").WithField("x-team", "ops"))
                .WithNetworks(new Network("n").{|#2:WithField("driver", "bridge")|}.WithField("x-note", "kept"));
        }
        """,
        Verifier.Diagnostic("STK0200").WithSeverity(DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("The service key 'privileged' is modeled by the DSL, so WithField refuses it: set it with .WithPrivileged(...), which the generator checks."),
        Verifier.Diagnostic("STK0200").WithSeverity(DiagnosticSeverity.Error).WithLocation(1)
            .WithMessage("The service key 'pid' is modeled by the DSL, so WithField refuses it: set it with .WithPid(...), which the generator checks."),
        Verifier.Diagnostic("STK0200").WithSeverity(DiagnosticSeverity.Error).WithLocation(2)
            .WithMessage("The network key 'driver' is modeled by the DSL, so WithField refuses it: set it with .WithDriver(...), which the generator checks."));

    [Fact]
    public Task A_key_only_known_at_run_time_is_left_to_the_generator() => Verifier.Analyzer(
        """
        static class Definition
        {
            public static ComposeStack Build(string key = "privileged") => new ComposeStack("s").WithServices(
                new Service("a").WithImage("example/a:1.0").WithField(key, true));
        }
        """);

    [Theory]
    [InlineData("""WithField("privileged", true)""")]
    [InlineData("""WithField("pid", "host")""")]
    [InlineData("""WithField("restart", "always")""")]
    public async Task The_generator_refuses_the_same_call_at_the_same_line_in_the_same_words(string call)
    {
        var source = Verifier.Usings + $$"""
            static class Definition
            {
                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    new Service("a")
                        .WithImage("example/a:1.0")
                        .{{call}});
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: "/sample/File0.cs", encoding: System.Text.Encoding.UTF8);
        var compilation = CSharpCompilation.Create("EscapeHatch", [tree], TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzer = Assert.Single(await compilation.WithAnalyzers([new Analyzers.EscapeHatch.EscapeHatchAnalyzer()]).GetAnalyzerDiagnosticsAsync());
        var line = analyzer.Location.GetLineSpan().StartLinePosition.Line + 1;
        // The generator reads the line from the call stack: a sequence point, which for an
        // expression over several lines is where its statement (here the expression body) starts.
        var statement = tree.GetText().Lines.IndexOf(source.IndexOf("new ComposeStack", StringComparison.Ordinal)) + 1;

        var runtime = System.Text.RegularExpressions.Regex.Replace(RunAndDescribe(compilation), @"\((\d+),\d+\)", "($1)");

        var message = analyzer.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(runtime, new[] { $"/sample/File0.cs({line}): error STK0200: {message}", $"/sample/File0.cs({statement}): error STK0200: {message}" });
    }

    /// <summary>Runs Definition.Build() as the command line does and returns its one line for the failure.</summary>
    private static string RunAndDescribe(CSharpCompilation compilation)
    {
        var folder = Directory.CreateTempSubdirectory("stack-escape-hatch-").FullName;
        var path = Path.Combine(folder, "Sample.dll");
        var pdb = Path.ChangeExtension(path, ".pdb");
        using (var image = File.Create(path))
        using (var symbols = File.Create(pdb))
        {
            var emitted = compilation.Emit(image, symbols, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.PortablePdb, pdbFilePath: pdb));
            Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        }

        var context = new AssemblyLoadContext("escape-hatch", isCollectible: true);
        try
        {
            var build = context.LoadFromAssemblyPath(path).GetType("Definition")!.GetMethod("Build")!;
            var failure = Assert.Throws<System.Reflection.TargetInvocationException>(() => build.Invoke(null, null));
            return Stack.Dsl.Cli.DefinitionFailure.Describe(failure.InnerException!);
        }
        finally
        {
            context.Unload();
            Directory.Delete(folder, recursive: true);
        }
    }
}
