using Stack.Analyzers.Tests.Samples;
using Verifier = Stack.Analyzers.Tests.Infrastructure.Verify<Stack.Analyzers.Checklist.ChecklistAnalyzer>;

namespace Stack.Analyzers.Tests.Checklist;

/// <summary>The analyzer reports exactly the marked spans of every sample: nothing missed, nothing extra.</summary>
public sealed class ChecklistAnalyzerTests
{
    [Theory]
    [MemberData(nameof(ChecklistSamples.Names), MemberType = typeof(ChecklistSamples))]
    public Task Reports_exactly_the_marked_spans(string sample) => Verifier.AllAnalyzers(ChecklistSamples.Named(sample).Sources);

    [Fact]
    public Task Messages_name_the_service_and_say_how_to_fix() => Verifier.Analyzer(
        """
        static class Definition
        {
            public static ComposeStack Build() => new ComposeStack("s").WithServices({|#1:{|#0:new Service("gc")|}.WithImage("docker-gc:1").WithNetworkMode(NetworkMode.None)|});
        }
        """,
        Verifier.Diagnostic("STK0001").WithLocation(0).WithLocation(1).WithMessage(
            "Service 'gc' has no restart policy; add .WithRestart(RestartPolicy.UnlessStopped), or .WithRestart(RestartPolicy.No) to choose not to restart"));

    [Fact]
    public Task A_service_without_a_constant_name_is_named_by_its_expression_or_where_its_chain_starts() => Verifier.Analyzer(
        """
        static class Definition
        {
            static Service Base(string name) => new Service(name);

            public static ComposeStack Build(string name) => new ComposeStack("s").WithServices(
                {|#0:Base(name)|},
                {|#1:{|#2:Base(name)|}
                    .WithImage("registry.example.org/team/a-long-image-name:1.0")
                    .WithNetworkMode(NetworkMode.None)|});
        }
        """,
        Verifier.Diagnostic("STK0001").WithLocation(0).WithArguments("Base(name)"),
        Verifier.Diagnostic("STK0001").WithLocation(2).WithLocation(1).WithArguments("Base(name)..."));

    [Fact]
    public Task Code_that_builds_no_stack_reports_nothing() => Verifier.Analyzer(
        """
        static class Definition
        {
            public static int Build() => 1;
        }
        """);

    /// <summary>
    /// The tracer remembers what a field holds, but not an answer cut short by its depth guard: a
    /// field first reached deep inside another service's trace is still judged on its own.
    /// </summary>
    [Fact]
    public Task A_field_first_reached_past_the_depth_guard_is_still_traced_whole()
    {
        var fields = string.Join("\n", Enumerable.Range(1, 120).Select(i => $"    static readonly Service F{i} = F{i - 1}.WithImage(\"app:{i}\");"));
        return Verifier.Analyzer(
            $$"""
            static class Definition
            {
                static readonly Service F0 = {|#0:new Service("base")|}.WithNetworkMode(NetworkMode.None);
            {{fields}}

                public static ComposeStack Build() => new ComposeStack("s").WithServices(F120, {|#1:F30|});
            }
            """,
            Verifier.Diagnostic("STK0001").WithLocation(0).WithLocation(1).WithArguments("base"));
    }
}
