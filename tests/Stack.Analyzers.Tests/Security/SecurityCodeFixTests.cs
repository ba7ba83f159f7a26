using Stack.Analyzers.CodeFixes;
using Verifier = Stack.Analyzers.Tests.Infrastructure.Verify<Stack.Analyzers.Security.SecurityAnalyzer>;

namespace Stack.Analyzers.Tests.Security;

/// <summary>STK0106's fix: each port of the service published on every interface is bound to 127.0.0.1 (one by one and with Fix All).</summary>
public sealed class SecurityCodeFixTests
{
    [Fact]
    public Task A_port_on_every_interface_is_bound_to_loopback_where_the_service_is_built() => Verifier.CodeFix<SecurityCodeFixProvider>(
        ["""
        using Stack.Dsl.Compose;

        static class Definition
        {
            static readonly Network Net = new("n");
            static readonly Service Web = new Service("web").WithImage("nginx:1.27.3").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                .{|STK0106:WithPort(8080, 80)|}
                .WithPort(8443, 443, protocol: PortProtocol.Tcp)
                .WithPort(9000, 9000, System.Net.IPAddress.Loopback);

            public static ComposeStack Build() => new ComposeStack("s").WithServices(
                Web,
                new Service("dns").WithImage("coredns:1.11.3").WithRestart(RestartPolicy.Always).WithNetworks(Net).{|STK0106:WithPort(53, 53, null, PortProtocol.Udp)|});
        }
        """],
        ["""
        using System.Net;
        using Stack.Dsl.Compose;

        static class Definition
        {
            static readonly Network Net = new("n");
            static readonly Service Web = new Service("web").WithImage("nginx:1.27.3").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                .WithPort(8080, 80, hostIp: IPAddress.Loopback)
                .WithPort(8443, 443, protocol: PortProtocol.Tcp, hostIp: IPAddress.Loopback)
                .WithPort(9000, 9000, System.Net.IPAddress.Loopback);

            public static ComposeStack Build() => new ComposeStack("s").WithServices(
                Web,
                new Service("dns").WithImage("coredns:1.11.3").WithRestart(RestartPolicy.Always).WithNetworks(Net).WithPort(53, 53, IPAddress.Loopback, PortProtocol.Udp));
        }
        """],
        [],
        prependUsings: false);

    /// <summary>
    /// On a stack whose chain targets Swarm, 127.0.0.1 is dropped and the port published on every
    /// interface of every node (STK0500, an error): the loopback fix is not offered there.
    /// </summary>
    [Fact]
    public Task On_a_Swarm_target_no_loopback_fix_is_offered() => Verifier.CodeFix<SecurityCodeFixProvider>([OnSwarm], [OnSwarm], [], prependUsings: false);

    // The source before and after: no fix changes it.
    private const string OnSwarm = """
        using Stack.Dsl.Compose;

        static class Definition
        {
            static readonly Network Net = new("n");

            public static ComposeStack Build() => new ComposeStack("s").WithTargets(DeployTarget.Compose, DeployTarget.Swarm).WithServices(
                new Service("web").WithImage("nginx:1.27.3").WithRestart(RestartPolicy.Always).WithNetworks(Net).{|STK0106:WithPort(8080, 80)|});
        }
        """;

    [Fact]
    public Task A_literal_secret_moves_into_a_secret_variable_declared_on_the_stack() => Verifier.CodeFix<SecurityCodeFixProvider>(
        ["""
        using Stack.Dsl.Compose;

        static class Definition
        {
            static readonly Network Net = new("n");

            public static ComposeStack Build() => new ComposeStack("s").WithServices(
                new Service("db").WithImage("postgres:17.2").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .WithEnvironment("POSTGRES_USER", "app")
                    .{|STK0100:WithEnvironment("POSTGRES_PASSWORD", "hunter2")|});
        }
        """],
        ["""
        using Stack.Dsl.Compose;
        using Stack.Dsl.Values;

        static class Definition
        {
            static readonly Network Net = new("n");

            public static ComposeStack Build() => new ComposeStack("s").WithServices(
                new Service("db").WithImage("postgres:17.2").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .WithEnvironment("POSTGRES_USER", "app")
                    .WithEnvironment("POSTGRES_PASSWORD", Variable.Secret("POSTGRES_PASSWORD"))).WithVariables(Variable.Secret("POSTGRES_PASSWORD"));
        }
        """],
        [],
        prependUsings: false);
}
