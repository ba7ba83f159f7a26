using Verifier = Stack.Analyzers.Tests.Infrastructure.Verify<Stack.Analyzers.Security.SecurityAnalyzer>;

namespace Stack.Analyzers.Tests.Tracing;

/// <summary>
/// A finding about a service is underlined at the call that caused it, in that call's file, with
/// the service's place in <c>WithServices(...)</c> as its additional location (the markup gives
/// file, line and column of both).
/// </summary>
public sealed class FindingLocationTests
{
    /// <summary>STK0106's fix on a Compose-only stack (its {2}).</summary>
    private const string ComposeAdvice = "Bind it to one address (hostIp: IPAddress.Loopback for local use), or .AcceptRisk(SecurityRisk.PortOnAllInterfaces, \"why\") for a port meant for the internet.";

    private const string ServicesFile = """
        public static class Services
        {
            public static readonly Network Net = new("n");

            public static readonly Service Db = new Service("db")
                .{|#0:WithImage("postgres:latest")|}
                .WithRestart(RestartPolicy.Always).WithNetworks(Net)
                .WithEnvironment("POSTGRES_USER", "app").{|#1:WithEnvironment("POSTGRES_PASSWORD", "hunter2")|}
                .{|#2:WithPort(5432, 5432)|};
        }
        """;

    [Fact]
    public Task A_service_in_another_file_is_reported_there_with_the_stack_as_additional_location() => Verifier.Analyzer(
        [ServicesFile, """
        static class Definition
        {
            public static ComposeStack Build() => new ComposeStack("s").WithServices({|#3:Services.Db|});
        }
        """],
        Verifier.Diagnostic("STK0107").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithLocation(3).WithArguments("db", "postgres", "uses the moving tag 'latest'"),
        Verifier.Diagnostic("STK0100").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithLocation(3).WithArguments("db", "POSTGRES_PASSWORD"),
        Verifier.Diagnostic("STK0105").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithLocation(3).WithArguments("db", "postgres", "5432:5432"),
        Verifier.Diagnostic("STK0106").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithLocation(3).WithArguments("db", "5432:5432", ComposeAdvice));

    [Fact]
    public Task What_a_helper_with_parameters_makes_is_reported_at_its_call_and_what_an_extension_adds_at_its_line() => Verifier.Analyzer(
        """
        static class Definition
        {
            static readonly Network Net = new("n");

            static Service App(string name, string image) => new Service(name).WithImage(image).WithRestart(RestartPolicy.Always).WithNetworks(Net);

            // Changes a service made elsewhere: what it writes stays at its own line (the generator
            // sees only the helpers on the way to new Service(...)).
            static Service Opened(this Service service) => service.{|#2:WithPort(8080, 80)|};

            public static ComposeStack Build() => new ComposeStack("s").WithServices(
                {|#1:{|#0:App("web", "nginx:latest")|}.Opened()|});
        }
        """,
        Verifier.Diagnostic("STK0107").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithLocation(1).WithArguments("web", "nginx", "uses the moving tag 'latest'"),
        Verifier.Diagnostic("STK0106").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithLocation(1).WithArguments("web", "8080:80", ComposeAdvice));
}
