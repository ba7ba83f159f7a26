using Microsoft.CodeAnalysis;
using Verifier = Stack.Analyzers.Tests.Infrastructure.Verify<Stack.Analyzers.Security.SecurityAnalyzer>;

namespace Stack.Analyzers.Tests.Security;

/// <summary>
/// STK0106's fix, fitted to the targets the stack's chain names: on Compose alone, one address
/// (127.0.0.1); where Swarm is a target, not an address (docker stack deploy drops it: STK0500),
/// but no published port or an accepted risk. Targets the chain does not show keep Compose's text.
/// </summary>
public sealed class PortAdviceTests
{
    /// <summary>The text before Swarm was known: Compose-only stacks keep it word for word.</summary>
    private const string OnCompose = "Service 'web' publishes 8080:80 on every host interface. Bind it to one address (hostIp: IPAddress.Loopback for local use), or .AcceptRisk(SecurityRisk.PortOnAllInterfaces, \"why\") for a port meant for the internet.";

    private const string OnSwarm = "Service 'web' publishes 8080:80 on every host interface. On Swarm (docker stack deploy), a target of this stack, a host address cannot narrow it: Swarm drops the address and publishes the port on every interface of every node (a loopback port is STK0500, an error). Do not publish it: reach 'web' over a stack network (.WithNetworks(...)) or through Traefik (.WithRouter(...)); or .AcceptRisk(SecurityRisk.PortOnAllInterfaces, \"why\") for a port meant for the internet.";

    public static TheoryData<string, string> Chains => new()
    {
        { "new ComposeStack(\"s\").WithServices({|#1:Web|})", OnCompose },
        { "new ComposeStack(\"s\").WithTargets(DeployTarget.Compose).WithServices({|#1:Web|})", OnCompose },
        { "new ComposeStack(\"s\").WithTargets(DeployTarget.Swarm).WithServices({|#1:Web|})", OnSwarm },
        { "new ComposeStack(\"s\").WithTargets(DeployTarget.Compose, DeployTarget.Swarm).WithServices({|#1:Web|})", OnSwarm },
        { "new ComposeStack(\"s\").WithServices({|#1:Web|}).WithTargets([DeployTarget.Compose, DeployTarget.Swarm])", OnSwarm },
        // Each WithTargets replaces the targets: the last one drops Swarm.
        { "new ComposeStack(\"s\").WithTargets(DeployTarget.Swarm).WithServices({|#1:Web|}).WithTargets(DeployTarget.Compose)", OnCompose },
        // Computed targets are not proven: Compose's text.
        { "new ComposeStack(\"s\").WithTargets(Targets).WithServices({|#1:Web|})", OnCompose },

        // An environment that adds Swarm is not read (StackTargets): the generator words its own finding for Swarm.
        { "new ComposeStack(\"s\").WithServices({|#1:Web|}).WithEnvironments(new StackEnvironment(\"prod\", s => s.WithTargets(DeployTarget.Compose, DeployTarget.Swarm)))", OnCompose },
    };

    [Theory]
    [MemberData(nameof(Chains))]
    public Task The_fix_named_is_the_one_that_holds_on_the_chains_targets(string stack, string message) => Verifier.Analyzer(
        $$"""
        using Stack.Dsl.Environments;

        static class Definition
        {
            static readonly Network Net = new("n");
            static readonly DeployTarget[] Targets = System.Enum.GetValues<DeployTarget>();
            static readonly Service Web = new Service("web").WithImage("nginx:1.27.3").WithRestart(RestartPolicy.Always).WithNetworks(Net).{|#0:WithPort(8080, 80)|};

            public static ComposeStack Build() => {{stack}};
        }
        """,
        Verifier.Diagnostic("STK0106").WithSeverity(DiagnosticSeverity.Error).WithLocation(0).WithLocation(1).WithMessage(message));
}
