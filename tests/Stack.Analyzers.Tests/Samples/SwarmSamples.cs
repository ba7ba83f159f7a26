namespace Stack.Analyzers.Tests.Samples;

/// <summary>STK0500 and STK0501: proven when the last WithTargets of the stack's chain names Swarm, left to the runtime otherwise.</summary>
internal static class SwarmSamples
{
    private const string Common = """
        static readonly Network Net = new("n");
        static Service Base(string name) => new Service(name).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net);
        """;

    public static IEnumerable<Sample> All =>
    [
        new("swarm: a loopback port and privileged, on a chain that targets Swarm", [$$"""
            using System.Net;

            static class Definition
            {
                {{Common}}
                public static ComposeStack Build() => new ComposeStack("s").WithTargets(DeployTarget.Compose, DeployTarget.Swarm).WithServices(
                    Base("a").{|STK0500:WithPort(8080, 80, IPAddress.Loopback)|},
                    Base("v6").{|STK0500:WithPort(5353, 53, IPAddress.IPv6Loopback, PortProtocol.Udp)|},
                    {|STK0501:Base("b")|}.WithPrivileged().AcceptRisk(SecurityRisk.HostPrivilege, "test"));
            }
            """], ["STK0500", "STK0500", "STK0501"]),

        new("swarm: the target chosen after the services", [$$"""
            using System.Net;

            static class Definition
            {
                {{Common}}
                public static ComposeStack Build() => new ComposeStack("s")
                    .WithServices(Base("a").{|STK0500:WithPort(8080, 80, IPAddress.Loopback)|})
                    .WithTargets(DeployTarget.Swarm);
            }
            """], ["STK0500"]),

        new("swarm: the same services on Compose alone", [$$"""
            using System.Net;

            static class Definition
            {
                {{Common}}
                public static ComposeStack Build() => new ComposeStack("s").WithTargets(DeployTarget.Compose).WithServices(
                    Base("a").WithPort(8080, 80, IPAddress.Loopback),
                    Base("b").WithPrivileged(false),
                    Base("c").WithPrivileged().AcceptRisk(SecurityRisk.HostPrivilege, "test"));
            }
            """], []),

        new("swarm: what only the runtime sees (targets in a variable, ports changed by MapPorts, an unprivileged service)", [$$"""
            using System.Net;

            static class Definition
            {
                {{Common}}
                public static ComposeStack Build()
                {
                    DeployTarget[] targets = [DeployTarget.Swarm];
                    var onSwarm = new ComposeStack("s").WithTargets(DeployTarget.Swarm);
                    return onSwarm.WithServices(
                            Base("a").WithPort(8080, 80).MapPorts(p => p with { HostIp = IPAddress.Loopback }).AcceptRisk(SecurityRisk.PortOnAllInterfaces, "test"),
                            Base("b").WithPrivileged(false),
                            Base("c").WithPort(9090, 90, IPAddress.Any).AcceptRisk(SecurityRisk.PortOnAllInterfaces, "test"))
                        .WithServices(Base("d").WithPort(7070, 70, IPAddress.Loopback))
                        .WithTargets(targets);
                }
            }
            """], ["STK0500", "STK0500"]),

        new("swarm: Compose chosen again after Swarm (the last WithTargets replaces the targets)", [$$"""
            using System.Net;

            static class Definition
            {
                {{Common}}
                public static ComposeStack Build() => new ComposeStack("s").WithTargets(DeployTarget.Swarm)
                    .WithServices(Base("a").WithPort(8080, 80, IPAddress.Loopback), Base("b").WithPrivileged().AcceptRisk(SecurityRisk.HostPrivilege, "test"))
                    .WithTargets(DeployTarget.Compose);
            }
            """], []),

        new("swarm: targets computed (every target but Swarm), left to the runtime", [$$"""
            using System.Linq;
            using System.Net;

            static class Definition
            {
                {{Common}}
                public static ComposeStack Build() => new ComposeStack("s").WithTargets(System.Enum.GetValues<DeployTarget>().Where(t => t != DeployTarget.Swarm))
                    .WithServices(Base("a").WithPort(8080, 80, IPAddress.Loopback));
            }
            """], []),

        new("swarm: privileged taken back (a call, a with), two WithServices, an extension and a helper with parameters", [$$"""
            using System.Net;

            static class Definition
            {
                {{Common}}
                static Service Local(this Service s) => s.{|STK0500:WithPort(8080, 80, IPAddress.Loopback)|};
                static Service Admin(string name) => Base(name).WithPort(9090, 90, IPAddress.Loopback);
                public static ComposeStack Build() => new ComposeStack("s").WithTargets(DeployTarget.Swarm)
                    .WithServices(Base("a").WithPrivileged().WithPrivileged(false), Base("b").WithPrivileged() with { Privileged = false })
                    .WithServices(Base("c").Local())
                    .WithServices({|STK0500:Admin("d")|});
            }
            """], ["STK0500", "STK0500"]),

        new("swarm: the last WithTargets, as a collection expression, says Swarm", [$$"""
            using System.Net;

            static class Definition
            {
                {{Common}}
                public static ComposeStack Build() => new ComposeStack("s").WithTargets(DeployTarget.Compose)
                    .WithServices(Base("a").{|STK0500:WithPort(8080, 80, IPAddress.Loopback)|})
                    .WithTargets([DeployTarget.Compose, DeployTarget.Swarm]);
            }
            """], ["STK0500"]),

        new("swarm: one service in two Swarm stacks is one finding; a port only an environment binds is the runtime's", [$$"""
            using System.Net;

            static class Definition
            {
                {{Common}}
                static readonly Service Shared = Base("a").{|STK0500:WithPort(8080, 80, IPAddress.Loopback)|};
                public static ComposeStack Other() => new ComposeStack("o").WithTargets(DeployTarget.Swarm).WithServices(Shared);
                public static ComposeStack Build() => new ComposeStack("s").WithTargets(DeployTarget.Swarm).WithServices(Shared, Base("b").WithPort(9090, 90).AcceptRisk(SecurityRisk.PortOnAllInterfaces, "test"))
                    .WithEnvironments(new Stack.Dsl.Environments.StackEnvironment("prod", s => s.MapServices(x => x.Name == "b" ? x.MapPorts(p => p with { HostIp = IPAddress.Loopback }) : x)));
            }
            """], ["STK0500"]),
    ];
}
