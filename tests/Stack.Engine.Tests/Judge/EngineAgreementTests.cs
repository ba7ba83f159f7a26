using System.Net;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Validation;
using Stack.Dsl.Yaml;
using Stack.Engine.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Stack.Engine.Tests.Judge;

/// <summary>
/// The engine as judge: each definition is written out without Stack's validation and started
/// by the real engine, and Stack's verdict must match the engine's. A definition the engine
/// refuses and Stack accepts is a validator bug; one Stack refuses and the engine runs, a false
/// alarm (unless the rule says why the engine's acceptance loses meaning).
/// </summary>
[Trait("Category", "Engine")]
public sealed class EngineAgreementTests(ITestOutputHelper log)
{
    private const string StandIn = "stack-standin:1";
    private static readonly Network Net = new("n");

    private static Service Ok(string name) => new Service(name).WithImage(StandIn).WithRestart(RestartPolicy.No).WithNetworks(Net);

    private static Service Sharing(string name, Service owner) => (Ok(name) with { Networks = [] }).WithNetworkMode(NetworkMode.OfService(owner));

    private static readonly Service Vpn = Ok("vpn");

    private static readonly Network Planned = new Network("planned").WithSubnet(IPNetwork.Parse("10.78.0.0/16"));

    private static Service On(Network network, IPAddress? address = null) =>
        (Ok("a") with { Networks = [] }).WithNetwork(new NetworkAttachment(network) { Ipv4Address = address is { AddressFamily: System.Net.Sockets.AddressFamily.InterNetwork } ? address : null, Ipv6Address = address is { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } ? address : null });

    /// <summary>
    /// Each case: the stack, and the rule Stack refuses it with (null: both accept it). A case the
    /// engine runs although Stack refuses it is in <see cref="Ignored"/>: the engine takes the
    /// value and drops its meaning without a word, which the rule's message says.
    /// </summary>
    private static readonly Dictionary<string, (string? Id, Func<ComposeStack> Build)> Cases = new()
    {
        ["a static address inside the network's subnet"] = (null, () => Stack(On(Planned, IPAddress.Parse("10.78.0.9")))),
        ["a static address outside every subnet"] = ("STK0217", () => Stack(On(Planned, IPAddress.Parse("10.79.0.9")))),
        ["a gateway outside the subnet"] = ("STK0212", () => Stack(On(new Network("n").WithSubnet(IPNetwork.Parse("10.80.0.0/16"), IPAddress.Parse("10.81.0.1"))))),
        ["an IPv6 subnet without IPv6"] = ("STK0212", () => Stack(On(new Network("n").WithSubnet(IPNetwork.Parse("fd00:82::/64")), IPAddress.Parse("fd00:82::9")))),
        ["an ip_range outside the subnet"] = ("STK0212", () => Stack(On(new Network("n").WithIpam(new NetworkIpam { Pools = [new IpamPool(IPNetwork.Parse("10.83.0.0/16")) { IpRange = IPNetwork.Parse("10.84.0.0/24") }] })))),
        ["a lower-case stop signal"] = (null, () => Stack(Ok("a").WithStopSignal("sigint"))),
        ["a numbered stop signal"] = (null, () => Stack(Ok("a").WithStopSignal("70"))),
        ["a stop signal no kernel has"] = ("STK0212", () => Stack(Ok("a").WithStopSignal("SIGFOO"))),
        ["oom_score_adj out of range"] = ("STK0212", () => Stack(Ok("a").WithOomScoreAdj(1001))),
        ["mem_swappiness out of range"] = ("STK0212", () => Stack(Ok("a").WithMemSwappiness(101))),
        ["cpu_shares below the kernel's minimum"] = ("STK0212", () => Stack(Ok("a").WithCpuShares(1))),
        ["a CPU limit under the kernel's smallest quota"] = ("STK0212", () => Stack(Ok("a").WithResourceLimits(new ResourceLimits { Cpus = 0.005m }))),
        ["the smallest CPU limit"] = (null, () => Stack(Ok("a").WithResourceLimits(new ResourceLimits { Cpus = 0.01m }))),
        ["a host-wide sysctl"] = ("STK0212", () => Stack(Ok("a").WithSysctl("vm.max_map_count", "262144"))),
        ["a network sysctl"] = (null, () => Stack(Ok("a").WithSysctl("net.ipv4.ip_forward", "1"))),
        ["an IPC sysctl"] = (null, () => Stack(Ok("a").WithSysctl("kernel/shmmax", "68719476736"))),
        ["the domain name sysctl"] = (null, () => Stack(Ok("a").WithSysctl("kernel.domainname", "example.org"))),
        ["the host name sysctl"] = ("STK0212", () => Stack(Ok("a").WithSysctl("kernel.hostname", "a"))),
        ["a network sysctl with host networking"] = ("STK0212", () => Stack((Ok("a") with { Networks = [] }).WithNetworkMode(NetworkMode.Host).AcceptRisk(SecurityRisk.HostPrivilege, "the judge").WithSysctl("net.ipv4.ip_forward", "1"))),
        ["an unlimited soft ulimit under a hard one"] = ("STK0212", () => Stack(Ok("a").WithUlimit("nofile", new Ulimit(-1, 1024)))),
        ["a relative host device path"] = ("STK0212", () => Stack(Ok("a").WithDevice("dev/null"))),
        ["device permissions outside rwm"] = ("STK0212", () => Stack(Ok("a").WithDevice(new DeviceMapping("/dev/null") { ContainerPath = "/dev/n2", Permissions = "rx" }))),
        ["a MAC address that is none"] = ("STK0212", () => Stack(Ok("a").WithMacAddress("zz:42:ac:11:00:02"))),
        ["a read-only anonymous volume"] = ("STK0217", () => Stack(Ok("a").WithMount(new AnonymousVolumeMount("/cache") { ReadOnly = true }))),
        ["an anonymous volume"] = (null, () => Stack(Ok("a").WithAnonymousVolume("/cache"))),
        ["a shm_size of zero (the default)"] = (null, () => Stack(Ok("a").WithShmSize(new ByteSize(0)))),
        ["a valid shared network namespace"] = (null, () => Stack(Vpn, Sharing("client", Vpn))),
        ["a static address on a network without a subnet"] = ("STK0217", () => Stack((Ok("a") with { Networks = [] }).WithNetwork(new NetworkAttachment(Net) { Ipv4Address = IPAddress.Parse("10.77.0.5") }))),
        ["ports with a shared network namespace"] = ("STK0217", () => Stack(Vpn, Sharing("client", Vpn).WithPort(18080, 80, IPAddress.Loopback))),
        ["a hostname with a shared network namespace"] = ("STK0217", () => Stack(Vpn, Sharing("client", Vpn).WithHostname("client"))),
        ["extra_hosts with a shared network namespace"] = ("STK0217", () => Stack(Vpn, Sharing("client", Vpn).WithExtraHost(ExtraHost.For("db", IPAddress.Parse("10.0.0.2"))))),
        ["expose with a shared network namespace"] = ("STK0217", () => Stack(Vpn, Sharing("client", Vpn).WithExpose(80))),
        ["ports with host networking"] = ("STK0217", () => Stack((Ok("a") with { Networks = [] }).WithNetworkMode(NetworkMode.Host).AcceptRisk(SecurityRisk.HostPrivilege, "the judge").WithPort(18081, 80, IPAddress.Loopback))),
        ["a relative container path"] = ("STK0216", () => Stack(Ok("a").WithBind(HostPath.Absolute("/tmp"), "data"))),
        ["an image that is no reference"] = ("STK0216", () => Stack(Ok("a").WithImage("Stack-Standin:1"))),
        ["an extra host address that is no IP"] = ("STK0216", () => Stack(Ok("a").WithExtraHost(new ExtraHost("db", "not-an-ip")))),
        ["two services on one host port"] = ("STK0208", () => Stack(Ok("a").WithPort(18082, 80, IPAddress.Loopback), Ok("b").WithPort(18082, 81, IPAddress.Loopback))),
        ["one container path mounted twice"] = ("STK0209", () => Stack(Ok("a").WithBind(HostPath.Absolute("/tmp"), "/data").WithTmpfs("/data"))),
        ["a healthcheck interval beyond Go's durations"] = ("STK0212", () => Stack(Ok("a").WithHealthcheck(new Healthcheck(HealthcheckTest.Shell("true")) { Interval = TimeSpan.FromDays(200_000) }))),
    };

    private static readonly HashSet<string> Ignored = ["an IPv6 subnet without IPv6", "an ip_range outside the subnet", "device permissions outside rwm"];

    public static TheoryData<string> Names => [.. Cases.Keys];

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void Stack_and_the_engine_agree(string name)
    {
        DockerEngine.Require(StandIn);
        var (id, build) = Cases[name];
        var stack = build();

        var stackErrors = StackValidator.Validate(stack).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "docker-compose.yml"), YamlWriter.Write(ComposeDocument.Build(stack, new GenerationOptions { ProjectDirectoryFromOutput = "." }), ["the engine judge"]));
        using var compose = new ComposeProject(stack.Name, folder.Path, ["docker-compose.yml"], new Dictionary<string, string>());
        var engine = compose.Run("up", "-d");
        log.WriteLine($"Stack: {(stackErrors.Count == 0 ? "accepts" : string.Join("; ", stackErrors.Select(d => d.Id + " " + d.Message)))}");
        log.WriteLine($"engine: {(engine.Succeeded ? "runs it" : engine.Error.Trim())}");

        Assert.True(engine.Succeeded == (id is null || Ignored.Contains(name)), $"the engine {(engine.Succeeded ? "runs" : "refuses")} '{name}': {engine.Transcript}");
        if (id is null)
        {
            Assert.Empty(stackErrors);
        }
        else
        {
            Assert.Contains(stackErrors, d => d.Id == id);
        }
    }

    private static ComposeStack Stack(params Service[] services) => new ComposeStack("judge").WithServices(services);
}
