using Stack.Dsl.Compose;
using Stack.Dsl.Generation;

namespace Stack.Dsl.Tests.Generation;

public class DeterminismTests
{
    [Fact]
    public void Same_definition_gives_byte_identical_yaml()
    {
        Assert.Equal(Emit.Yaml(Stack()), Emit.Yaml(Stack()));
    }

    [Fact]
    public void Services_are_sorted_by_name_whatever_the_order_they_were_added_in()
    {
        var forward = Emit.Yaml(new ComposeStack("test").WithServices(Emit.Minimal("b"), Emit.Minimal("a")));
        var backward = Emit.Yaml(new ComposeStack("test").WithServices(Emit.Minimal("a"), Emit.Minimal("b")));

        Assert.Equal(forward, backward);
        Assert.True(forward.IndexOf("  a:", StringComparison.Ordinal) < forward.IndexOf("  b:", StringComparison.Ordinal));
    }

    [Fact]
    public void Output_uses_only_lf_line_ends()
    {
        Assert.DoesNotContain('\r', Emit.Yaml(Stack()));
    }

    [Fact]
    public void Shared_objects_are_written_out_each_time_never_as_anchors_or_aliases()
    {
        var yaml = Emit.Yaml(Stack());

        Assert.DoesNotMatch(@"(^|\s)[&*][A-Za-z0-9]", yaml);
        Assert.Equal(2, yaml.Split("interval: 15s").Length - 1);
    }

    [Fact]
    public void Top_level_has_name_and_no_version()
    {
        var yaml = Emit.Yaml(Stack());

        Assert.Contains("\nname: test\nservices:\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("version:", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_keys_follow_dclints_service_keys_order()
    {
        var yaml = Emit.Yaml(Emit.Minimal()
            .WithHostname("h")
            .WithLabel("l", "v")
            .WithRestart(RestartPolicy.Always)
            .WithCapAdd("NET_ADMIN")
            .WithEnvironment("E", "v")
            .WithCommand("run")
            .WithPort(1, 1)
            .WithContainerName("c1")
            .WithUser("1000"));
        string[] expected = ["image", "container_name", "environment", "ports", "command", "restart", "labels", "user", "cap_add", "hostname"];

        var keys = yaml.Split('\n').Where(l => l.StartsWith("    ", StringComparison.Ordinal) && !l.StartsWith("     ", StringComparison.Ordinal)).Select(l => l.Trim().Split(':')[0]).ToArray();

        Assert.Equal(expected, keys);
    }

    [Fact]
    public void Every_field_the_dsl_writes_comes_in_dclint_order_without_escape_hatch_fields()
    {
        // Every modeled field set at once: the generator adds them in order without sorting.
        var yaml = Emit.Yaml(new ComposeStack("test")
            .WithServices(Emit.Minimal("db"))
            .WithSecrets(Secret.FromExternal("s"))
            .WithConfigs(Config.FromContent("c", "x"))
            .WithServices(Emit.Minimal()
                .WithBuild(new BuildSpec(HostPath.InProject("app")))
                .WithContainerName("app")
                .DependsOn(Emit.Minimal("db"), DependencyCondition.ServiceStarted)
                .WithVolume(new Volume("v"), "/v")
                .WithConfig(Config.FromContent("c", "x"))
                .WithSecret(Secret.FromExternal("s"))
                .WithEnvironment("E", "v")
                .WithEnvFile(HostPath.InProject("e.env"))
                .WithPort(1, 1)
                .WithNetworks(new Network("n"))
                .WithExtraHost(new ExtraHost("h", "1.2.3.4"))
                .WithCommand("c")
                .WithEntrypoint("e")
                .WithWorkingDir("/w")
                .WithRestart(RestartPolicy.Always)
                .WithHealthcheck(Healthcheck.Disabled)
                .WithLogging(new Logging("local"))
                .WithLabel("l", "v")
                .WithUser("u1")
                .WithCapAdd("A")
                .WithCapDrop("B")
                .WithResourceLimits(new ResourceLimits { Pids = 1 })
                .WithExpose(2)
                .WithHostname("h1")
                .WithInit()
                .WithProfiles("p")
                .WithPullPolicy(PullPolicy.Always)
                .WithReadOnlyRootFilesystem()
                .WithSecurityOpt("s")
                .WithStopGracePeriod(TimeSpan.FromSeconds(1))
                .WithTmpfs("/t")));
        string[] expected =
        [
            "image", "build", "container_name", "depends_on", "volumes", "configs", "secrets", "environment", "env_file",
            "ports", "networks", "extra_hosts", "command", "entrypoint", "working_dir", "restart", "healthcheck", "logging",
            "labels", "user", "cap_add", "cap_drop", "deploy", "expose", "hostname", "init", "profiles", "pull_policy",
            "read_only", "security_opt", "stop_grace_period", "tmpfs",
        ];

        var app = yaml[yaml.IndexOf("\n  app:\n", StringComparison.Ordinal)..yaml.IndexOf("\n  db:\n", StringComparison.Ordinal)];
        var keys = app.Split('\n').Where(l => l.StartsWith("    ", StringComparison.Ordinal) && !l.StartsWith("     ", StringComparison.Ordinal)).Select(l => l.Trim().Split(':')[0]).ToArray();

        Assert.Equal(expected, keys);
    }

    [Fact]
    public void Header_marks_the_file_as_generated()
    {
        Assert.StartsWith("# " + GenerationOptions.FirstHeaderLine + "\n", Emit.Yaml(Stack()), StringComparison.Ordinal);
    }

    private static ComposeStack Stack()
    {
        var health = new Healthcheck(HealthcheckTest.Shell("true")) { Interval = TimeSpan.FromSeconds(15) };
        var network = new Network("shared");
        return new ComposeStack("test").WithServices(
            Emit.Minimal("one").WithHealthcheck(health).WithNetworks(network).WithEnvironment("Z", "1").WithEnvironment("A", "2"),
            Emit.Minimal("two").WithHealthcheck(health).WithNetworks(network));
    }
}
