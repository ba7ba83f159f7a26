using Stack.Dsl.Compose;

namespace Stack.Dsl.Tests.Generation.Swarm;

/// <summary>
/// Service and network names Compose takes and the swarm manager refuses when docker stack
/// deploy creates them as STACK_NAME (swarmkit's validateAnnotations: letters, digits, '-' and
/// '_', a letter or digit at each end, at most 63 characters; names unique regardless of case):
/// refused with STK0540 at the object's line, never written.
/// </summary>
public sealed class SwarmNamesTests
{
    private static ComposeStack StackOf(params Service[] services) => new ComposeStack("demo").WithServices(services);

    [Theory]
    [InlineData("my.app", "'demo_my.app', a name the swarm manager refuses", "new Service(\"my-app\")")]
    [InlineData("app-", "'demo_app-', a name the swarm manager refuses", "new Service(\"app\")")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890", "65 characters: the swarm manager refuses a name over 63", "new Service(\"a234567890123456789012345678901234567890123456789012345678\")")]
    public void A_service_name_the_swarm_manager_refuses_is_refused_at_the_service(string name, string what, string fix)
    {
        var service = new Service(name).WithImage("example/app:1.0");

        var refusal = Assert.Single(SwarmEmit.Refusals(StackOf(service)));

        Assert.Equal("STK0540", refusal.Id);
        Assert.Contains(what, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(fix, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(service.Location, refusal.Location);
        Assert.EndsWith(nameof(SwarmNamesTests) + ".cs", refusal.Location.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_name_the_swarm_manager_refuses_is_refused_at_the_network_and_an_own_name_is_held_to_the_same()
    {
        var dotted = new Network("back.end");
        var own = new Network("front").WithRealName("front.net");

        var refusals = SwarmEmit.Refusals(StackOf(Emit.Minimal().WithNetworks(dotted, own)));

        Assert.Collection(
            refusals.OrderBy(r => r.Message, StringComparer.Ordinal),
            r => Assert.Equal((dotted.Location, true), (r.Location, r.Message.Contains("'demo_back.end'", StringComparison.Ordinal))),
            r => Assert.Equal((own.Location, true), (r.Location, r.Message.Contains("'front.net'", StringComparison.Ordinal))));
    }

    [Fact]
    public void Networks_differing_only_in_case_are_one_name_to_the_swarm_manager()
    {
        var upper = new Network("Back");
        var lower = new Network("back");

        var refusal = Assert.Single(SwarmEmit.Refusals(StackOf(Emit.Minimal().WithNetworks(upper, lower))));

        Assert.Contains("'demo_Back' and 'demo_back'", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(lower.Location, refusal.Location);
    }

    [Theory]
    [InlineData("cfg!")]
    [InlineData("-cfg")]
    [InlineData("cfg/x")]
    [InlineData("ü")]
    public void A_config_or_secret_name_the_swarm_manager_refuses_is_refused_at_the_object(string realName)
    {
        var config = Config.FromContent("cfg", "a: 1").WithRealName(realName);
        var secret = Secret.FromFile("sec", HostPath.Absolute("/run/sec")).WithRealName(realName);

        var refusals = SwarmEmit.Refusals(StackOf(Emit.Minimal().WithConfig(config, "/etc/cfg").WithSecret(secret)).WithConfigs(config).WithSecrets(secret));

        Assert.Equal(2, refusals.Count);
        Assert.Contains(refusals, r => r.Location == config.Location && r.Message.StartsWith("Config 'cfg' is created on Swarm as", StringComparison.Ordinal));
        Assert.Contains(refusals, r => r.Location == secret.Location && r.Message.StartsWith("Secret 'sec' is created on Swarm as", StringComparison.Ordinal));
        Assert.All(refusals, r => Assert.Contains(".WithRealName(", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Configs_differing_only_in_case_with_one_content_are_one_name_to_the_swarm_manager()
    {
        // One project file under two keys: one content, one hash.
        var upper = Config.FromFile("App", HostPath.InProject("app.yml"));
        var lower = Config.FromFile("app", HostPath.InProject("app.yml"));

        var refusal = Assert.Single(SwarmEmit.Refusals(StackOf(Emit.Minimal().WithConfig(upper, "/etc/a").WithConfig(lower, "/etc/b")).WithConfigs(upper, lower)));

        Assert.Matches("'demo_App-[0-9a-f]{10}' and 'demo_app-[0-9a-f]{10}'", refusal.Message);
        Assert.Equal(lower.Location, refusal.Location);
    }

    [Fact]
    public void Content_configs_differing_only_in_case_are_refused_their_files_are_one_on_macos_and_windows()
    {
        var upper = Config.FromContent("App", "a: 1");
        var lower = Config.FromContent("app", "a: 2"); // another content: the names differ, the files swarm/config.App and swarm/config.app do not there

        var refusal = Assert.Single(SwarmEmit.Refusals(StackOf(Emit.Minimal().WithConfig(upper, "/etc/a").WithConfig(lower, "/etc/b")).WithConfigs(upper, lower)));

        Assert.Contains("swarm/config.App and swarm/config.app", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(lower.Location, refusal.Location);
    }

    [Fact]
    public void A_stack_config_named_like_a_mounted_file_s_key_is_refused_at_the_config()
    {
        // app mounts a project file at /etc/app.yml: its config key is app-app-yml.
        var named = Config.FromContent("app-app-yml", "a: 1");
        var app = Emit.Minimal().WithBind(HostPath.InProject("app.yml"), "/etc/app.yml", readOnly: true).WithConfig(named, "/etc/other.yml");

        var refusal = Assert.Single(SwarmEmit.Refusals(StackOf(app).WithConfigs(named)));

        Assert.Contains("Config.FromContent(\"app-app-yml-2\", ...)", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(named.Location, refusal.Location);
    }

    [Fact]
    public void Names_the_swarm_manager_takes_are_written()
    {
        // 58 characters: demo_ and the name make 63. Upper case, '-' and '_' inside are fine.
        var longest = new string('s', 58);
        var stack = StackOf(Emit.Minimal(longest).WithNetworks(new Network("Back_end-2")), Emit.Minimal("App_1"));

        Assert.Empty(SwarmEmit.Refusals(stack));
        Assert.NotNull(SwarmEmit.Document(stack).At("services", longest));
    }
}
