using System.Net;
using System.Runtime.CompilerServices;
using Stack.Dsl.Backups;
using Stack.Dsl.Cli;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// Every place a port or a duration enters a definition, with every number an attacker would try
/// (zero, negative, one past the top, the type's extremes), run through the command line: each is
/// refused with its rule (STK0207 for ports, STK0212 for durations) showing the number, at the C#
/// line that made the thing, exit code 1, generated/ untouched. The bad-definition corpus, generated.
/// </summary>
public sealed class HostileNumberTests : IDisposable
{
    private static readonly int[] BadPorts = [0, -1, 65536, 70000, -65535, int.MaxValue, int.MinValue];

    private static readonly TimeSpan[] BadDurations = [TimeSpan.FromSeconds(-1), TimeSpan.FromTicks(-1), TimeSpan.MinValue, TimeSpan.FromDays(365 * 300)];

    private static readonly Network Net = new("n");

    private readonly string _root = Directory.CreateTempSubdirectory("stack-numbers-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A service that passes every rule, made at the caller's line (a helper forwards its caller's place, as the DSL's docs advise).</summary>
    private static Service Safe(string name = "a", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        new Service(name, file, line).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net);

    private static ComposeStack Stack(params Service[] services) => new ComposeStack("s").WithServices(services);

    private static (ComposeStack, int) At(ComposeStack stack, [CallerLineNumber] int line = 0) => (stack, line);

    /// <summary>A stack whose Traefik listens on <paramref name="entryPoint"/>, declared at the caller's line.</summary>
    private static ComposeStack Proxied(EntryPoint entryPoint, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var traefik = new Service("traefik", file, line).WithImage("traefik:v3.2.1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
            .WithPort(443, 443).AcceptRisk(SecurityRisk.PortOnAllInterfaces, "the front door");
        return Stack(traefik).WithTraefik(new TraefikProxy(traefik, Net, file, line).WithEntryPoints(entryPoint));
    }

    /// <summary>Where a port enters: the stack that puts <c>port</c> there, and the line that made the thing reported.</summary>
    private static readonly Dictionary<string, Func<int, (ComposeStack Stack, int Line)>> PortPlaces = new()
    {
        ["published port"] = port => At(Stack(Safe().WithPort(port, 80, IPAddress.Loopback))),
        ["container port"] = port => At(Stack(Safe().WithPort(8080, port, IPAddress.Loopback))),
        ["router port"] = port => At(Stack(Safe().WithRouter(new Router("r").WithHost("a.example").WithPort(port).OnDefaultEntryPoints("test").WithPublicAccess("test")))),
        ["exposed port"] = port => At(Stack(Safe().WithExpose(PortRange.Between(port, port)))),
        ["published range start"] = port => At(Stack(Safe().WithPort(PortRange.Between(port, 9000), PortRange.Between(port, 9000), IPAddress.Loopback))),
        ["TCP router port"] = port => At(Stack(Safe().WithTcpRouter(new TcpRouter("db", port).ForHost("db.example")))),
        ["UDP router port"] = port => At(Stack(Safe().WithUdpRouter(new UdpRouter("dns", port)))),
        ["Traefik entrypoint port"] = port => At(Proxied(new EntryPoint("web", port))),
        ["backup wait-for port"] = port => At(Stack(Safe().WithVolume(new Volume("data").WithBackup(VolumeBackup.ThroughDump(new BackupCommand("dump") { WaitForPort = port }, "restore", new Volume("dump").WithBackup(VolumeBackup.Files()))), "/data"))),
    };

    /// <summary>Where a duration enters: the stack that puts <c>duration</c> there.</summary>
    private static readonly Dictionary<string, Func<TimeSpan, (ComposeStack Stack, int Line)>> DurationPlaces = new()
    {
        ["healthcheck interval"] = d => At(Stack(Safe().WithHealthcheck(new Healthcheck(HealthcheckTest.Shell("true")) { Interval = d }))),
        ["healthcheck timeout"] = d => At(Stack(Safe().WithHealthcheck(new Healthcheck(HealthcheckTest.Shell("true")) { Timeout = d }))),
        ["healthcheck start period"] = d => At(Stack(Safe().WithHealthcheck(new Healthcheck(HealthcheckTest.Shell("true")) { StartPeriod = d }))),
        ["healthcheck start interval"] = d => At(Stack(Safe().WithHealthcheck(new Healthcheck(HealthcheckTest.Shell("true")) { StartInterval = d }))),
        ["stop grace period"] = d => At(Stack(Safe().WithStopGracePeriod(d))),
        ["deploy restart delay"] = d => At(Stack(Safe().WithDeployment(new Deployment { RestartPolicy = new DeployRestartPolicy { Delay = d } }))),
        ["deploy restart window"] = d => At(Stack(Safe().WithDeployment(new Deployment { RestartPolicy = new DeployRestartPolicy { Window = d } }))),
        ["update delay"] = d => At(Stack(Safe().WithDeployment(new Deployment { UpdateConfig = new RolloutConfig { Delay = d } }))),
        ["update monitor"] = d => At(Stack(Safe().WithDeployment(new Deployment { UpdateConfig = new RolloutConfig { Monitor = d } }))),
        ["rollback delay"] = d => At(Stack(Safe().WithDeployment(new Deployment { RollbackConfig = new RolloutConfig { Delay = d } }))),
        ["load balancer health interval"] = d => At(Stack(Safe().WithRouter(new Router("r").WithHost("a.example").WithService(new TraefikService("r", 80).WithHealthCheck("/health", interval: d)).OnDefaultEntryPoints("test").WithPublicAccess("test")))),
        ["load balancer health timeout"] = d => At(Stack(Safe().WithRouter(new Router("r").WithHost("a.example").WithService(new TraefikService("r", 80).WithHealthCheck("/health", timeout: d)).OnDefaultEntryPoints("test").WithPublicAccess("test")))),
    };

    public static TheoryData<string, int> Ports()
    {
        var cases = new TheoryData<string, int>();
        foreach (var place in PortPlaces.Keys)
        {
            foreach (var port in BadPorts)
            {
                cases.Add(place, port);
            }
        }

        return cases;
    }

    public static TheoryData<string, int> Durations()
    {
        var cases = new TheoryData<string, int>();
        foreach (var place in DurationPlaces.Keys)
        {
            for (var i = 0; i < BadDurations.Length; i++)
            {
                cases.Add(place, i);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Ports))]
    public void A_port_outside_1_to_65535_is_refused_at_its_line(string place, int port)
    {
        var (stack, line) = PortPlaces[place](port);

        AssertRefused(stack, line, "STK0207", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Durations))]
    public void A_negative_or_overlong_duration_is_refused_at_its_line(string place, int duration)
    {
        var (stack, line) = DurationPlaces[place](BadDurations[duration]);

        AssertRefused(stack, line, "STK0212", place.Split(' ')[^1]);
    }

    /// <summary>Below the engine's smallest: a healthcheck duration under 1ms (moby's MinimumDuration), a memory size under 6 MiB (linuxMinMemory).</summary>
    public static TheoryData<string, long> BelowTheEnginesSmallest() => new()
    {
        { "healthcheck interval", TimeSpan.FromTicks(15).Ticks },
        { "healthcheck timeout", TimeSpan.FromMilliseconds(0.999).Ticks },
        { "healthcheck start period", TimeSpan.FromTicks(1).Ticks },
        { "healthcheck start interval", TimeSpan.FromTicks(9_999).Ticks },
    };

    [Theory]
    [MemberData(nameof(BelowTheEnginesSmallest))]
    public void A_healthcheck_duration_under_1ms_is_refused_and_1ms_is_taken(string place, long ticks)
    {
        var (stack, line) = DurationPlaces[place](TimeSpan.FromTicks(ticks));
        AssertRefused(stack, line, "STK0212", "1ms");

        var (atTheLimit, _) = DurationPlaces[place](TimeSpan.FromMilliseconds(1));
        Assert.DoesNotContain(StackValidatorResults(atTheLimit), d => d.Id == "STK0212");
    }

    [Theory]
    [InlineData(1L, null)]
    [InlineData(6L * 1024 * 1024 - 1, null)]
    [InlineData(null, 5L * 1024 * 1024)]
    public void A_memory_size_under_6_MiB_is_refused_at_its_line(long? limit, long? reservation)
    {
        var (stack, line) = At(Stack(Safe()
            .WithResourceLimits(new ResourceLimits { Memory = limit is { } l ? new ByteSize(l) : null })
            .WithResourceReservations(new ResourceLimits { Memory = reservation is { } r ? new ByteSize(r) : null })));

        AssertRefused(stack, line, "STK0212", "6 MiB");
    }

    [Fact]
    public void A_memory_reservation_above_the_limit_is_refused_and_6_MiB_is_taken()
    {
        var (stack, line) = At(Stack(Safe().WithResourceLimits(new ResourceLimits { Memory = ByteSize.Megabytes(64) }).WithResourceReservations(new ResourceLimits { Memory = ByteSize.Megabytes(128) })));
        AssertRefused(stack, line, "STK0212", "reserves");

        var smallest = Stack(Safe().WithResourceLimits(new ResourceLimits { Memory = new ByteSize(6L * 1024 * 1024) }).WithResourceReservations(new ResourceLimits { Memory = new ByteSize(6L * 1024 * 1024) }));
        Assert.DoesNotContain(StackValidatorResults(smallest), d => d.Id == "STK0212");
    }

    private static IReadOnlyList<global::Stack.Dsl.Validation.StackDiagnostic> StackValidatorResults(ComposeStack stack) => global::Stack.Dsl.Validation.StackValidator.Validate(stack);

    private void AssertRefused(ComposeStack stack, int line, string id, string shown)
    {
        var (code, error, before, after) = CommandLineRun.After(() => Stack(Safe("previous")), () => stack, _root);

        Assert.Equal(ExitCodes.Failed, code);
        var refusal = Assert.Single(error.Split('\n'), l => l.Contains($": error {id}: ", StringComparison.Ordinal));
        Assert.True(refusal.Contains(shown, StringComparison.Ordinal), refusal);
        Assert.Matches($@"^.*HostileNumberTests\.cs\({line},\d+\): error {id}: ", refusal);
        Assert.Equal(before, after);
    }
}
