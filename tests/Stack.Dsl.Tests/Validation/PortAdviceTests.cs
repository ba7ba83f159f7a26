using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;
using Stack.Dsl.Environments;
using Stack.Dsl.Generation.Environments;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// STK0106's fix, fitted to the targets of the stack checked (the definition's, or an
/// environment's): on Compose alone, one address (127.0.0.1); where Swarm is a target, no address
/// holds (docker stack deploy drops it: STK0500), so no published port or an accepted risk. The
/// finding stays at the <c>WithPort</c> call.
/// </summary>
public sealed class PortAdviceTests
{
    private static readonly Network Net = new("n");

    /// <summary>The text before Swarm was known: Compose-only stacks keep it word for word.</summary>
    private const string OnCompose = "Service 'web' publishes 8080:80 on every host interface. Bind it to one address (hostIp: IPAddress.Loopback for local use), or .AcceptRisk(SecurityRisk.PortOnAllInterfaces, \"why\") for a port meant for the internet.";

    private const string OnSwarm = "Service 'web' publishes 8080:80 on every host interface. On Swarm (docker stack deploy), a target of this stack, a host address cannot narrow it: Swarm drops the address and publishes the port on every interface of every node (a loopback port is STK0500, an error). Do not publish it: reach 'web' over a stack network (.WithNetworks(...)) or through Traefik (.WithRouter(...)); or .AcceptRisk(SecurityRisk.PortOnAllInterfaces, \"why\") for a port meant for the internet.";

    // The port on its own line, to check the finding stays there.
    private static readonly int PortLine = ThisLine() + 2;
    private static readonly Service Web = new Service("web").WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net)
        .WithPort(8080, 80);

    /// <summary>Every STK0106 the generator reports for the stack and its environments.</summary>
    private static List<StackDiagnostic> Findings(ComposeStack stack) =>
        [.. EnvironmentValidation.Validate(stack, EnvironmentFiles.Resolve(stack), null).Where(d => d.Id == "STK0106")];

    private static void AtThePort(StackDiagnostic finding)
    {
        Assert.Equal((ThisFile(), PortLine), (finding.Location.FilePath, finding.Location.Line));
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
    }

    [Fact]
    public void On_Compose_alone_the_text_is_unchanged()
    {
        foreach (var stack in new[] { new ComposeStack("s").WithServices(Web), new ComposeStack("s").WithTargets(DeployTarget.Compose).WithServices(Web) })
        {
            var finding = Assert.Single(Findings(stack));
            Assert.Equal(OnCompose, finding.Message);
            AtThePort(finding);
        }
    }

    [Fact]
    public void On_Swarm_alone_no_address_is_advised()
    {
        var finding = Assert.Single(Findings(new ComposeStack("s").WithTargets(DeployTarget.Swarm).WithServices(Web)));

        Assert.Equal(OnSwarm, finding.Message);
        AtThePort(finding);
    }

    [Fact]
    public void On_both_targets_the_fix_that_holds_on_Swarm_too_is_advised()
    {
        var finding = Assert.Single(Findings(new ComposeStack("s").WithTargets(DeployTarget.Compose, DeployTarget.Swarm).WithServices(Web)));

        Assert.Equal(OnSwarm, finding.Message);
        AtThePort(finding);
    }

    [Fact]
    public void A_later_WithTargets_that_drops_Swarm_leaves_the_Compose_text()
    {
        var finding = Assert.Single(Findings(new ComposeStack("s").WithTargets(DeployTarget.Swarm).WithServices(Web).WithTargets(DeployTarget.Compose)));

        Assert.Equal(OnCompose, finding.Message);
        AtThePort(finding);
    }

    [Fact]
    public void The_command_line_target_decides_as_the_definition_would()
    {
        // --target swarm replaces the definition's targets (StackCli) before anything is checked.
        var finding = Assert.Single(Findings(new ComposeStack("s").WithServices(Web).WithTargets([DeployTarget.Swarm])));

        Assert.Equal(OnSwarm, finding.Message);
    }

    /// <summary>
    /// The definition (Compose) keeps its text; the environment that adds Swarm gets its own
    /// finding, named after it, with the Swarm text (binding to 127.0.0.1 there would be STK0500).
    /// </summary>
    [Fact]
    public void An_environment_that_adds_Swarm_gets_the_Swarm_text()
    {
        var stack = new ComposeStack("s").WithServices(Web).WithEnvironments(
            new StackEnvironment("dev", s => s),
            new StackEnvironment("prod", s => s.WithTargets(DeployTarget.Compose, DeployTarget.Swarm)));

        var findings = Findings(stack);

        Assert.Equal(2, findings.Count);
        Assert.Equal(OnCompose, findings[0].Message);
        Assert.StartsWith($"In environment 'prod' ({ThisFile()}(", findings[1].Message, StringComparison.Ordinal);
        Assert.EndsWith("): " + OnSwarm, findings[1].Message, StringComparison.Ordinal);
        Assert.All(findings, AtThePort);
    }

    /// <summary>The other way round: on Compose alone 127.0.0.1 holds, and that environment is told so.</summary>
    [Fact]
    public void An_environment_that_drops_Swarm_gets_the_Compose_text()
    {
        var stack = new ComposeStack("s").WithTargets(DeployTarget.Compose, DeployTarget.Swarm).WithServices(Web).WithEnvironments(
            new StackEnvironment("dev", s => s.WithTargets(DeployTarget.Compose)));

        var findings = Findings(stack);

        Assert.Equal(2, findings.Count);
        Assert.Equal(OnSwarm, findings[0].Message);
        Assert.StartsWith($"In environment 'dev' ({ThisFile()}(", findings[1].Message, StringComparison.Ordinal);
        Assert.EndsWith("): " + OnCompose, findings[1].Message, StringComparison.Ordinal);
        Assert.All(findings, AtThePort);
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    private static int ThisLine([CallerLineNumber] int line = 0) => line;
}
