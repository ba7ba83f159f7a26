using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;
using Stack.Dsl.Validation;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// STK0103 for <c>security_opt</c>: every spelling the engine takes as isolation switched off is
/// refused, and every harmless or engine-refused spelling is not (the engine fails those at <c>up</c>).
/// </summary>
public sealed class IsolationOptionsTests
{
    private static readonly Network Net = new("n");

    private static Service Safe([CallerLineNumber] int line = 0) =>
        new Service("app", "Definition.cs", line).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net);

    private static List<StackDiagnostic> Security(ComposeStack stack) =>
        [.. StackValidator.Validate(stack).Where(d => d.Id.StartsWith("STK01", StringComparison.Ordinal))];

    private static List<StackDiagnostic> Security(Service service) => Security(new ComposeStack("s").WithServices(service));

    /// <summary>Isolation switched off, in each form dockerd and Compose accept: '=' and the older ':', and every false strconv.ParseBool reads.</summary>
    public static TheoryData<string> SwitchedOff =>
    [
        "seccomp=unconfined", "seccomp:unconfined",
        "apparmor=unconfined", "apparmor:unconfined",
        "label=disable", "label:disable",
        "systempaths=unconfined",
        "no-new-privileges=false", "no-new-privileges:false", "no-new-privileges=False", "no-new-privileges=FALSE",
        "no-new-privileges=0", "no-new-privileges=f", "no-new-privileges:F",
        // Read before the split by dockerd's parseSecurityOpt: a bare disable is label=disable.
        "disable", "writable-cgroups", "writable-cgroups=true", "writable-cgroups:1", "writable-cgroups=T",
        // SELinux types that confine nothing.
        "label=type:spc_t", "label:type:spc_t", "label=type:unconfined_t",
    ];

    /// <summary>Options that keep isolation, and spellings the engine refuses (a wrong case, a space, a wrong separator for systempaths).</summary>
    public static TheoryData<string> Harmless =>
    [
        "no-new-privileges:true", "no-new-privileges=true", "no-new-privileges", "no-new-privileges=1", "no-new-privileges=True",
        "seccomp=/path/profile.json", "seccomp:./seccomp.json", "seccomp=builtin", "apparmor=docker-default", "apparmor=unconfined-ish",
        "label=type:svirt_apache_t", "label:level:s0:c100,c200", "label=user:USER", "label=disable-ish",
        "Seccomp=unconfined", "seccomp=Unconfined", "seccomp= unconfined", " seccomp=unconfined", "APPARMOR=unconfined", "label=DISABLE",
        "systempaths:unconfined", "systempaths=Unconfined", "no-new-privileges=no", "no-new-privileges= false",
        "Disable", "disable ", "writable-cgroups=false", "writable-cgroups=0", "writable-cgroups=yes", "label=type:spc_t_x", "label=type:container_t",
    ];

    [Theory]
    [MemberData(nameof(SwitchedOff))]
    public void Isolation_switched_off_is_refused_with_the_option_and_the_way_to_accept_it(string option)
    {
        var diagnostic = Assert.Single(Security(Safe().WithSecurityOpt("no-new-privileges:true", option)));

        Assert.Equal("STK0103", diagnostic.Id);
        Assert.Contains($"security_opt {option} (", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(".AcceptRisk(SecurityRisk.HostPrivilege, \"why\")", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SwitchedOff))]
    public void Isolation_switched_off_with_a_reason_passes(string option) =>
        Assert.Empty(Security(Safe().WithSecurityOpt(option).AcceptRisk(SecurityRisk.HostPrivilege, "a sandbox that needs ptrace")));

    [Theory]
    [MemberData(nameof(SwitchedOff))]
    public void Isolation_switched_off_through_the_escape_hatch_map_is_refused(string option)
    {
        var service = Safe() with { ExtraFields = Safe().ExtraFields.Add("security_opt", new YamlSequence([YamlValue.Text(option)])) };

        Assert.Equal("STK0103", Assert.Single(Security(service)).Id);
    }

    [Theory]
    [MemberData(nameof(Harmless))]
    public void A_harmless_or_engine_refused_option_is_not_isolation_switched_off(string option) =>
        Assert.DoesNotContain(Security(Safe().WithSecurityOpt(option)), d => d.Id == "STK0103");

    [Theory]
    [InlineData("/dev/mem")]
    [InlineData("/dev/kmem")]
    [InlineData("/dev/port")]
    [InlineData("/dev/sda")]
    [InlineData("/dev/sdb1")]
    [InlineData("/dev/nvme0n1")]
    [InlineData("/dev/vda")]
    [InlineData("/dev/xvda")]
    [InlineData("/dev/mmcblk0")]
    [InlineData("/dev/dm-0")]
    [InlineData("/dev/md0")]
    [InlineData("/dev/loop0")]
    [InlineData("/dev/sg0")]
    [InlineData("/dev/mapper/root")]
    [InlineData("/dev/disk/by-id/ata-x")]
    [InlineData("/dev")]
    [InlineData("/dev/")]
    public void A_host_device_that_opens_the_hosts_memory_or_disks_is_refused(string device)
    {
        var diagnostic = Assert.Single(Security(Safe().WithDevice(device)));

        Assert.Equal("STK0103", diagnostic.Id);
        Assert.Contains(device, diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(Security(Safe().WithDevice(device).AcceptRisk(SecurityRisk.HostPrivilege, "a disk tool")));
    }

    [Theory]
    [InlineData("/dev/fuse")]
    [InlineData("/dev/net/tun")]
    [InlineData("/dev/dri/renderD128")]
    [InlineData("/dev/ttyUSB0")]
    [InlineData("/dev/snd")]
    [InlineData("/dev/video0")]
    [InlineData("/dev/hidraw0")]
    [InlineData("/dev/loop-control")]
    [InlineData("/dev/kvm")]
    public void A_narrow_device_is_not_isolation_switched_off(string device) =>
        Assert.DoesNotContain(Security(Safe().WithDevice(device)), d => d.Id == "STK0103");

    [Theory]
    [InlineData("a *:* rwm", true)]
    [InlineData("a 8:0 r", true)]
    [InlineData("b *:* rwm", true)]
    [InlineData("b *:0 r", true)]
    [InlineData("c 189:* rmw", false)]
    [InlineData("c 1:3 mr", false)]
    [InlineData("b 7:1 rw", false)]
    public void A_device_cgroup_rule_over_every_device_or_every_block_device_is_refused(string rule, bool refused) =>
        Assert.Equal(refused, Security(Safe().WithDeviceCgroupRules(rule)).Any(d => d.Id == "STK0103"));

    [Fact]
    public void Several_options_are_named_in_one_finding()
    {
        var diagnostic = Assert.Single(Security(Safe().WithSecurityOpt("seccomp=unconfined", "apparmor:unconfined")));

        Assert.Contains("seccomp=unconfined", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("apparmor:unconfined", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_environment_that_switches_isolation_off_is_refused_and_named()
    {
        var app = Safe();
        var stack = new ComposeStack("s").WithServices(app)
            .WithEnvironments(new Stack.Dsl.Environments.StackEnvironment("prod", s => s.MapService(app, a => a.WithSecurityOpt("seccomp=unconfined"))));

        var diagnostic = Assert.Single(Stack.Dsl.Validation.EnvironmentValidation.Validate(stack, Stack.Dsl.Generation.Environments.EnvironmentFiles.Resolve(stack), null), d => d.Id == "STK0103");

        Assert.Contains("'prod'", diagnostic.Message, StringComparison.Ordinal);
    }
}
