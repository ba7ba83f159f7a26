using Stack.Dsl.Cli;
using Stack.Dsl.Compose;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Cli;

/// <summary>
/// `dotnet run` prints each finding once: what the compile of this run printed (handed over by
/// build/Stack.Dsl.targets as the compiler's SARIF log) is not printed again by the program.
/// </summary>
public sealed class CompilerFindingsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("stack-findings-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_finding_the_compiler_printed_is_matched_by_id_file_and_line_only()
    {
        var file = Path.Combine(_root, "Program.cs");
        var findings = CompilerFindings.Read(System.Text.Encoding.UTF8.GetBytes(Sarif(("STK0001", file, 6, false))));

        Assert.True(findings.Printed(Warning("STK0001", file, 6)));
        Assert.False(findings.Printed(Warning("STK0001", file, 7)));
        Assert.False(findings.Printed(Warning("STK0002", file, 6)));
        Assert.False(findings.Printed(Warning("STK0001", Path.Combine(_root, "Other.cs"), 6)));
        Assert.False(findings.Printed(new StackDiagnostic("STK0001", "m", new SourceLocation(file, 6)) { Severity = DiagnosticSeverity.Error }));
        Assert.Equal(1, findings.Skipped);
    }

    [Fact]
    public void A_suppressed_result_was_not_printed_and_is_printed_by_the_program()
    {
        var file = Path.Combine(_root, "Program.cs");
        var findings = CompilerFindings.Read(System.Text.Encoding.UTF8.GetBytes(Sarif(("STK0001", file, 6, true))));

        Assert.False(findings.Printed(Warning("STK0001", file, 6)));
    }

    [Fact]
    public void The_hand_over_is_read_once_then_deleted_and_a_broken_one_hides_nothing()
    {
        var file = Path.Combine(_root, "Program.cs");
        var handOver = Path.Combine(_root, "stack.findings.sarif.run");
        File.WriteAllText(handOver, Sarif(("STK0001", file, 6, false)));

        Assert.True(CompilerFindings.Take(handOver).Printed(Warning("STK0001", file, 6)));
        Assert.False(File.Exists(handOver));
        Assert.False(CompilerFindings.Take(handOver).Printed(Warning("STK0001", file, 6)));

        File.WriteAllText(handOver, "{ \"runs\": [ { \"results\": [ ");
        Assert.False(CompilerFindings.Take(handOver).Printed(Warning("STK0001", file, 6)));
        Assert.False(CompilerFindings.Take(null).Printed(Warning("STK0001", file, 6)));
    }

    [Fact]
    public void The_program_leaves_out_what_the_compile_of_this_run_printed_and_prints_the_rest()
    {
        var stack = Unrestarted();
        var (file, line) = stack.Services[0].Location;
        var handOver = Path.Combine(_root, "stack.findings.sarif.run");
        File.WriteAllText(handOver, Sarif(("STK0001", file, line, false)));

        var (code, handedError) = Run(() => stack, handOver);
        var (_, aloneError) = Run(() => stack, handOver);

        Assert.Equal(ExitCodes.Success, code);
        Assert.DoesNotContain("STK0001", handedError, StringComparison.Ordinal);
        Assert.Contains("STK0300", handedError, StringComparison.Ordinal);
        Assert.Contains("1 warning(s) the build printed above", handedError, StringComparison.Ordinal);

        // The next run of the program alone (nothing compiled): everything, once.
        Assert.Single(aloneError.Split('\n'), l => l.Contains("warning STK0001", StringComparison.Ordinal));
        Assert.DoesNotContain("the build printed", aloneError, StringComparison.Ordinal);
    }

    private static StackDiagnostic Warning(string id, string file, int line) =>
        new(id, "m", new SourceLocation(file, line)) { Severity = DiagnosticSeverity.Warning };

    // No restart policy (STK0001) and a volume without a backup decision (STK0300), on one line.
    private static ComposeStack Unrestarted() =>
        new ComposeStack("test").WithServices(new Service("web").WithImage("nginx:1.27").WithNetworks(new Network("n")).WithVolume(new Volume("data"), "/data"));

    private (int Code, string Error) Run(Func<ComposeStack> define, string handOver)
    {
        var settings = new StackCliSettings
        {
            DefinitionDirectory = Path.Combine(_root, "definition"),
            DefaultOutputDirectory = Path.Combine(_root, "generated"),
            CompilerFindingsHandOver = handOver,
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = StackCli.Run([], define, settings, output, error);
        return (code, error.ToString());
    }

    // The shape Roslyn's /errorlog:path,version=2.1 writes (trimmed to what is read).
    private static string Sarif(params (string Id, string File, int Line, bool Suppressed)[] results) =>
        "{ \"$schema\": \"http://json.schemastore.org/sarif-2.1.0\", \"version\": \"2.1.0\", \"runs\": [ { \"results\": [ "
        + string.Join(", ", results.Select(r =>
            $"{{ \"ruleId\": \"{r.Id}\", \"level\": \"warning\", \"message\": {{ \"text\": \"m\" }}, "
            + $"\"locations\": [ {{ \"physicalLocation\": {{ \"artifactLocation\": {{ \"uri\": \"{new Uri(r.File).AbsoluteUri}\" }}, \"region\": {{ \"startLine\": {r.Line}, \"startColumn\": 15 }} }} }} ]"
            + (r.Suppressed ? ", \"suppressions\": [ { \"kind\": \"inSource\" } ]" : string.Empty)
            + " }"))
        + " ] } ] }";
}
