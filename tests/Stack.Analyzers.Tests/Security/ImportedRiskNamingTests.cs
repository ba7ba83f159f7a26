using Verifier = Stack.Analyzers.Tests.Infrastructure.Verify<Stack.Analyzers.Security.ImportedRiskAnalyzer>;

namespace Stack.Analyzers.Tests.Security;

/// <summary>STK0108 names the service as the other analyzers do (through the tracer), not only a chain that starts at <c>new Service("x")</c>.</summary>
public sealed class ImportedRiskNamingTests
{
    [Fact]
    public Task A_service_made_by_a_helper_or_held_in_a_field_is_named_by_its_constant_name() => Verifier.Analyzer(
        """
        static class Definition
        {
            static Service Base(string name) => new Service(name).WithRestart(RestartPolicy.Always);
            static readonly Service Cache = new Service("cache").WithImage("redis:latest");

            public static ComposeStack Build() => new ComposeStack("s").WithServices(
                Base("a").WithImage("nginx:latest").AcceptRisk(SecurityRisk.UnpinnedImage, {|#0:"imported as is: review"|}),
                Cache.AcceptRisk(SecurityRisk.UnpinnedImage, {|#1:"imported as is: review"|}),
                new Service("c").WithImage("nginx:latest").AcceptRisk(SecurityRisk.UnpinnedImage, {|#2:"imported as is: review"|}));
        }
        """,
        Verifier.Diagnostic("STK0108").WithLocation(0).WithArguments("Service 'a'", "SecurityRisk.UnpinnedImage"),
        Verifier.Diagnostic("STK0108").WithLocation(1).WithArguments("Service 'cache'", "SecurityRisk.UnpinnedImage"),
        Verifier.Diagnostic("STK0108").WithLocation(2).WithArguments("Service 'c'", "SecurityRisk.UnpinnedImage"));
}
