using System.Text.RegularExpressions;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Values;

namespace Stack.Engine.Tests.Swarm;

/// <summary>
/// STK0540, the writer's refusals, judged by the engine: each C# definition is refused for Swarm
/// (an error at the user's line, no Swarm file), and the Compose file Stack writes for the same
/// definition, made a v3 file the only way a user can (a <c>version:</c> line, no top-level
/// <c>name:</c>), is refused by <c>docker stack deploy</c> naming the same key. The same stack
/// without that setting deploys through the same path: the key is the cause, not the conversion.
/// </summary>
public sealed partial class SwarmRuleEngineCases
{
    private static Service Plain() => new Service("app").WithImage(Image).WithRestart(RestartPolicy.Always).WithNetworks(new Network("n"));

    private static readonly Variable Cfg = new("CFG");

    /// <summary>Each refused shape, the key the v3 schema lacks, and how Stack's refusal names it.</summary>
    public static TheoryData<string, string, string> Inexpressible => new()
    {
        { "pull policy", "pull_policy", "sets 'pull_policy'" },
        { "pids limit", "pids", "sets resources.limits.pids" },
        { "healthcheck start interval", "start_interval", "'start_interval'" },
        { "named port", "name", "names port 80" },
        { "config from a variable", "environment", "comes from the variable CFG" },
    };

    private static ComposeStack Definition(string shape)
    {
        var app = Plain();
        var stack = new ComposeStack("stk0540");
        app = shape switch
        {
            "baseline" => app,
            "pull policy" => app.WithPullPolicy(PullPolicy.Always),
            "pids limit" => app.WithResourceLimits(new ResourceLimits { Pids = 100 }),
            "healthcheck start interval" => app.WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("true")) { StartInterval = TimeSpan.FromSeconds(1) }),
            "named port" => app.WithPort(new PortMapping(80) { Published = 18540, Name = "web" }).AcceptRisk(SecurityRisk.PortOnAllInterfaces, "a test port"),
            "config from a variable" => app.WithConfig(Config.FromEnvironment("cfg", Cfg), "/etc/app.conf"),
            _ => throw new ArgumentException(shape, nameof(shape)),
        };
        stack = stack.WithServices(app).WithVariables(Cfg);
        return shape == "config from a variable" ? stack.WithConfigs(Config.FromEnvironment("cfg", Cfg)) : stack;
    }

    /// <summary>The Compose file Stack writes, as a v3 file: what a user deploys without a Swarm target.</summary>
    private static string AsV3(ComposeStack stack)
    {
        var compose = StackGenerator.Generate(stack.WithTargets(DeployTarget.Compose), new GenerationOptions { ProjectDirectoryFromOutput = "." });
        Assert.True(compose.Succeeded, string.Join('\n', compose.Diagnostics));
        return "version: \"3.8\"\n" + Regex.Replace(compose.Files[StackGenerator.ComposeFileName], "^name: .*\n", string.Empty, RegexOptions.Multiline);
    }

    [SkippableFact]
    public void The_inexpressible_corpus_baseline_deploys_through_the_same_path()
    {
        Require();
        var swarmFile = StackGenerator.Generate(Definition("baseline").WithTargets(DeployTarget.Swarm), new GenerationOptions { ProjectDirectoryFromOutput = "." });
        Assert.DoesNotContain(swarmFile.Diagnostics, d => d.Id == "STK0540");
        using var stack = new SwarmRuleStack("stk0540");
        stack.DeployOk(AsV3(Definition("baseline")));
        stack.RunningContainer("app");
    }

    /// <summary>
    /// A shape the v3 schema takes and the daemon refuses when it creates the service: DNS round
    /// robin with a port on the ingress mesh. Stack refuses it at the port; the Compose file made
    /// v3 fails at deploy with the daemon's reason; the same port in host mode deploys.
    /// </summary>
    [SkippableFact]
    public void Dns_round_robin_with_an_ingress_port_is_refused_by_Stack_and_by_the_daemon()
    {
        Require();
        var dnsrr = new Deployment { EndpointMode = EndpointMode.Dnsrr };
        var meshed = new ComposeStack("stk0540").WithServices(Plain().WithDeployment(dnsrr).WithPort(18541, 80).AcceptRisk(SecurityRisk.PortOnAllInterfaces, "a test port"));
        var onTheNode = new ComposeStack("stk0540").WithServices(Plain().WithDeployment(dnsrr).WithPort(new PortMapping(80) { Published = 18541, Mode = PortMode.Host }).AcceptRisk(SecurityRisk.PortOnAllInterfaces, "a test port"));

        var refused = StackGenerator.Generate(meshed.WithTargets(DeployTarget.Swarm), new GenerationOptions { ProjectDirectoryFromOutput = "." });
        Assert.Contains("resolves by DNS round robin", Assert.Single(refused.Diagnostics, d => d.Id == "STK0540").Message, StringComparison.Ordinal);

        using (var stack = new SwarmRuleStack("stk0540"))
        {
            var result = stack.Deploy(AsV3(meshed));
            Assert.False(result.Succeeded, $"docker stack deploy accepted dnsrr with an ingress port: {result.Transcript}");
            Assert.Contains("port published with ingress mode can't be used with dnsrr mode", result.Error, StringComparison.Ordinal);
        }

        var written = StackGenerator.Generate(onTheNode.WithTargets(DeployTarget.Swarm), new GenerationOptions { ProjectDirectoryFromOutput = "." });
        Assert.True(written.Succeeded, string.Join('\n', written.Diagnostics));
        using var deployed = new SwarmRuleStack("stk0540");
        deployed.DeployOk(written.Files["swarm/docker-stack.yml"]);
        deployed.RunningContainer("app");
    }

    [SkippableTheory]
    [MemberData(nameof(Inexpressible))]
    public void What_the_Swarm_writer_refuses_docker_stack_deploy_refuses(string shape, string key, string named)
    {
        Require();
        var definition = Definition(shape);

        var refused = StackGenerator.Generate(definition.WithTargets(DeployTarget.Swarm), new GenerationOptions { ProjectDirectoryFromOutput = "." });
        Assert.False(refused.Succeeded, $"Stack wrote a Swarm file for '{shape}'");
        var finding = Assert.Single(refused.Diagnostics, d => d.Id == "STK0540");
        Assert.Contains(named, finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(refused.Files.Keys, f => f.StartsWith("swarm/", StringComparison.Ordinal));

        using var stack = new SwarmRuleStack("stk0540");
        var result = stack.Deploy(AsV3(definition));
        Assert.False(result.Succeeded, $"docker stack deploy accepted '{shape}': {result.Transcript}");
        Assert.Contains($"Additional property {key} is not allowed", result.Error, StringComparison.Ordinal);
    }
}
