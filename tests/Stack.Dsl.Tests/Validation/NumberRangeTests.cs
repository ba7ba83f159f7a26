using System.Runtime.CompilerServices;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// Every number in the model has its range, as its reader (the engine, Compose, Traefik, the backup
/// runner) reads it. The table names each numeric member, the values just outside its range (each
/// refused once, with the rule's ID, at the line that set it) and the edges inside (taken). The reflective
/// test fails when a numeric member is added to the model without a row here, so a new number
/// cannot reach a file unranged.
/// </summary>
public sealed class NumberRangeTests
{
    private const string OutOfRange = "STK0212";
    private const string Port = "STK0207";

    private static readonly Network Net = new("n");

    private static Service Safe(string name = "app", [CallerLineNumber] int line = 0) =>
        new Service(name, "Definition.cs", line).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net);

    private static ComposeStack Stack(params Service[] services) => new ComposeStack("s").WithServices(services);

    /// <summary>A stack whose Traefik proxy was declared at <paramref name="line"/>.</summary>
    private static ComposeStack Proxied(Func<TraefikProxy, TraefikProxy> change, Service? app = null, [CallerLineNumber] int line = 0)
    {
        var traefik = Safe("traefik", line).WithImage("traefik:v3.3");
        return Stack(traefik, app ?? Safe("web", line)).WithTraefik(change(new TraefikProxy(traefik, Net, "Definition.cs", line)));
    }

    private static Router Routed([CallerLineNumber] int line = 0) => new Router("r", "Definition.cs", line).WithHost("app.example.org").WithPort(80);

    private static Service WithRouter(Router router, [CallerLineNumber] int line = 0) => Safe("web", line).WithRouter(router);

    private static Service Healthy(Func<Healthcheck, Healthcheck> change, [CallerLineNumber] int line = 0) =>
        Safe("app", line).WithHealthcheck(change(new Healthcheck(HealthcheckTest.Exec("probe"))));

    private static Service Deployed(Func<Deployment, Deployment> change, [CallerLineNumber] int line = 0) => Safe("app", line).WithDeployment(change(new Deployment()));

    private static ComposeStack BackedUp(Func<BackupPlan, BackupPlan> plan, Func<BackupCommand, BackupCommand> dump, [CallerLineNumber] int line = 0)
    {
        var data = new Volume("data", "Definition.cs", line).WithBackup(VolumeBackup.Files(dump(new BackupCommand("sync"))));
        var runner = Safe("backup", line).WithImage("mazzolino/restic:1.7.2");
        return Stack(runner, Safe("app", line).WithVolume(data, "/data")).WithBackups(plan(new BackupPlan(runner, "Definition.cs", line)));
    }

    internal sealed record Range(string Id, int Line, Func<object, ComposeStack> Build, object[] Outside, object[] Inside);

    private static Range R<T>(Func<T, ComposeStack> build, T[] outside, T[] inside, string id = OutOfRange, [CallerLineNumber] int line = 0)
        where T : notnull =>
        new(id, line, value => build((T)value), [.. outside.Cast<object>()], [.. inside.Cast<object>()]);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static readonly TimeSpan TooLong = TimeSpan.MaxValue;

    /// <summary>Every numeric member, with its range. A member that reaches no file as a number says why instead.</summary>
    internal static readonly Dictionary<string, Range?> Table = new()
    {
        ["Service.OomScoreAdj"] = R<int>(v => Stack(Safe() with { OomScoreAdj = v }), [-1001, 1001], [-1000, 1000]),
        ["Service.MemSwappiness"] = R<int>(v => Stack(Safe().WithMemSwappiness(v)), [-1, 101], [0, 100]),
        ["Service.CpuShares"] = R<int>(v => Stack(Safe().WithCpuShares(v)), [1, 262145], [2, 262144]),
        ["Service.ShmSize"] = R<long>(v => Stack(Safe() with { ShmSize = new ByteSize(v) }), [-1], [0, 1]),
        ["Service.StopGracePeriod"] = R<TimeSpan>(v => Stack(Safe().WithStopGracePeriod(v)), [S(-1), TooLong], [TimeSpan.Zero, S(10)]),
        ["BuildSpec.ShmSize"] = R<long>(v => Stack(Safe().WithBuild(new BuildSpec(HostPath.InProject("app")) { ShmSize = new ByteSize(v) })), [-1], [0, 1]),
        ["ResourceLimits.Cpus"] = R<decimal>(v => Stack(Safe().WithResourceLimits(new ResourceLimits { Cpus = v })), [0m, -0.5m, 0.005m, 0.0099m], [0.01m, 0.015m, 4m]),
        ["ResourceLimits.Memory"] = R<long>(v => Stack(Safe().WithResourceLimits(new ResourceLimits { Memory = new ByteSize(v) })), [0, -1, 1, (6L << 20) - 1], [6L << 20, 1L << 30]),
        ["ResourceLimits.Pids"] = R<int>(v => Stack(Safe().WithResourceLimits(new ResourceLimits { Pids = v })), [0, -2, int.MinValue], [-1, 1, 200]),
        ["Healthcheck.Interval"] = R<TimeSpan>(v => Stack(Healthy(h => h with { Interval = v })), [TimeSpan.Zero, S(-1), TooLong, TimeSpan.FromTicks(9_999)], [TimeSpan.FromMilliseconds(1), S(1)]),
        ["Healthcheck.Timeout"] = R<TimeSpan>(v => Stack(Healthy(h => h with { Timeout = v })), [TimeSpan.Zero, S(-1), TimeSpan.FromTicks(9_999)], [TimeSpan.FromMilliseconds(1), S(1)]),
        ["Healthcheck.StartInterval"] = R<TimeSpan>(v => Stack(Healthy(h => h with { StartInterval = v })), [TimeSpan.Zero, S(-1), TimeSpan.FromTicks(9_999)], [TimeSpan.FromMilliseconds(1), S(1)]),
        ["Healthcheck.StartPeriod"] = R<TimeSpan>(v => Stack(Healthy(h => h with { StartPeriod = v })), [S(-1), TooLong, TimeSpan.FromTicks(1)], [TimeSpan.Zero, TimeSpan.FromMilliseconds(1), S(30)]),
        ["Healthcheck.Retries"] = R<int>(v => Stack(Healthy(h => h with { Retries = v })), [-1], [0, 3]),
        ["Tmpfs.Size"] = R<long>(v => Stack(Safe().WithTmpfs("/tmp", new ByteSize(v))), [0, -1], [1]),
        ["Tmpfs.Mode"] = R<int>(v => Stack(Safe().WithTmpfs(new Tmpfs("/tmp") { Mode = v })), [-1, 0x1000], [0, 0xFFF]),
        ["FileGrant.Mode"] = R<int>(v => Stack(Safe() with { Secrets = [new FileGrant("s") { Mode = v }] }), [-1, 0x1000], [0, 0x124]),
        ["Ulimit.Soft"] = R<long>(v => Stack(Safe() with { Ulimits = Safe().Ulimits.Add("nofile", new Ulimit(v, 1000)) }), [-2, 1001], [0, 1000]),
        ["Ulimit.Hard"] = R<long>(v => Stack(Safe() with { Ulimits = Safe().Ulimits.Add("nofile", new Ulimit(0, v)) }), [-2], [-1, 0, 10]),
        ["DeviceRequest.Count"] = R<int>(v => Stack(Safe().WithGpus(v)), [0, -2], [1]),
        ["Deployment.Replicas"] = R<int>(v => Stack(Safe().WithReplicas(v)), [-1], [0, 3]),
        ["Placement.MaxReplicasPerNode"] = R<int>(v => Stack(Deployed(d => d with { Placement = new Placement { MaxReplicasPerNode = v } })), [0, -1], [1]),
        ["DeployRestartPolicy.Delay"] = R<TimeSpan>(v => Stack(Deployed(d => d with { RestartPolicy = new DeployRestartPolicy { Delay = v } })), [S(-1), TooLong], [TimeSpan.Zero]),
        ["DeployRestartPolicy.Window"] = R<TimeSpan>(v => Stack(Deployed(d => d with { RestartPolicy = new DeployRestartPolicy { Window = v } })), [S(-1)], [TimeSpan.Zero]),
        ["DeployRestartPolicy.MaxAttempts"] = R<int>(v => Stack(Deployed(d => d with { RestartPolicy = new DeployRestartPolicy { MaxAttempts = v } })), [-1], [0, 5]),
        ["RolloutConfig.Parallelism"] = R<int>(v => Stack(Deployed(d => d with { UpdateConfig = new RolloutConfig { Parallelism = v } })), [-1], [0, 2]),
        ["RolloutConfig.Delay"] = R<TimeSpan>(v => Stack(Deployed(d => d with { UpdateConfig = new RolloutConfig { Delay = v } })), [S(-1)], [TimeSpan.Zero]),
        ["RolloutConfig.Monitor"] = R<TimeSpan>(v => Stack(Deployed(d => d with { RollbackConfig = new RolloutConfig { Monitor = v } })), [S(-1), TooLong], [S(5)]),
        ["RolloutConfig.MaxFailureRatio"] = R<decimal>(v => Stack(Deployed(d => d with { UpdateConfig = new RolloutConfig { MaxFailureRatio = v } })), [-0.1m, 1.1m], [0m, 1m]),
        ["PortRange.Start"] = R<int>(v => Stack(Safe().WithPort(PortRange.Between(v, 8081), PortRange.Between(v, 8081), System.Net.IPAddress.Loopback)), [0, -1], [1, 8080], Port),
        ["PortRange.End"] = R<int>(v => Stack(Safe().WithPort(PortRange.Between(1, v), PortRange.Between(1, v), System.Net.IPAddress.Loopback)), [65536], [2, 65535], Port),
        ["Router.Priority"] = R<int>(v => Proxied(p => p, WithRouter(Routed().WithPriority(v))), [0], [-5, 1, int.MaxValue]),
        ["TraefikService.Port"] = R<int>(v => Proxied(p => p, WithRouter(Routed().WithPort(v))), [0, 65536], [1, 65535], Port),
        ["TraefikService.HealthCheckInterval"] = R<TimeSpan>(v => Proxied(p => p, WithRouter(Routed() with { Service = new TraefikService("r", 80) { HealthCheckInterval = v } })), [TimeSpan.Zero, S(-1)], [S(10)]),
        ["TraefikService.HealthCheckTimeout"] = R<TimeSpan>(v => Proxied(p => p, WithRouter(Routed() with { Service = new TraefikService("r", 80) { HealthCheckTimeout = v } })), [TimeSpan.Zero, S(-1)], [S(3)]),
        ["EntryPoint.Port"] = R<int>(v => Proxied(p => p.WithEntryPoints(new EntryPoint("web", v))), [0, 65536], [1, 65535], Port),
        ["EntryPoint.ReadTimeout"] = R<TimeSpan>(v => Proxied(p => p.WithEntryPoints(new EntryPoint("web", 80) { ReadTimeout = v })), [S(-1), TooLong], [TimeSpan.Zero, S(60)]),
        ["EntryPoint.WriteTimeout"] = R<TimeSpan>(v => Proxied(p => p.WithEntryPoints(new EntryPoint("web", 80) { WriteTimeout = v })), [S(-1)], [TimeSpan.Zero]),
        ["EntryPoint.IdleTimeout"] = R<TimeSpan>(v => Proxied(p => p.WithEntryPoints(new EntryPoint("web", 80) { IdleTimeout = v })), [S(-1)], [TimeSpan.Zero, S(180)]),
        ["TcpRouter.Port"] = R<int>(v => Proxied(p => p, Safe("web").WithTcpRouter(new TcpRouter("db", v) { HostSni = "*" })), [0, 65536], [1, 65535], Port),
        ["UdpRouter.Port"] = R<int>(v => Proxied(p => p, Safe("web").WithUdpRouter(new UdpRouter("dns", v))), [0, 65536], [1, 65535], Port),
        ["ForwardAuthMiddleware.MaxResponseBodySize"] = R<long>(v => Proxied(p => p.WithMiddlewares(new ForwardAuthMiddleware("auth", "http://auth:9091/api/verify") { MaxResponseBodySize = v })), [-2], [-1, 0, 4096]),
        ["RateLimitMiddleware.Average"] = R<int>(v => Proxied(p => p.WithMiddlewares(new RateLimitMiddleware("rl", v, 1, S(1)))), [0, -1], [1]),
        ["RateLimitMiddleware.Burst"] = R<int>(v => Proxied(p => p.WithMiddlewares(new RateLimitMiddleware("rl", 1, v, S(1)))), [0, -1], [1]),
        ["RateLimitMiddleware.Period"] = R<TimeSpan>(v => Proxied(p => p.WithMiddlewares(new RateLimitMiddleware("rl", 1, 1, v))), [TimeSpan.Zero, S(-1), TooLong], [S(1)]),
        ["RateLimitMiddleware.SourceIpDepth"] = R<int>(v => Proxied(p => p.WithMiddlewares(new RateLimitMiddleware("rl", 1, 1, S(1)) { SourceIpDepth = v })), [0, -1], [1]),
        ["InFlightRequestsMiddleware.Amount"] = R<int>(v => Proxied(p => p.WithMiddlewares(new InFlightRequestsMiddleware("fl", v))), [0, -1], [1]),
        ["RetryMiddleware.Attempts"] = R<int>(v => Proxied(p => p.WithMiddlewares(new RetryMiddleware("re", v))), [0, -1], [1]),
        ["RetryMiddleware.InitialInterval"] = R<TimeSpan>(v => Proxied(p => p.WithMiddlewares(new RetryMiddleware("re", 1) { InitialInterval = v })), [S(-1)], [TimeSpan.Zero, S(0.1)]),
        ["BufferingMiddleware.MaxRequestBodyBytes"] = R<long>(v => Proxied(p => p.WithMiddlewares(new BufferingMiddleware("bu") { MaxRequestBodyBytes = v })), [-1], [0, 1]),
        ["BufferingMiddleware.MemRequestBodyBytes"] = R<long>(v => Proxied(p => p.WithMiddlewares(new BufferingMiddleware("bu") { MemRequestBodyBytes = v })), [-1], [0]),
        ["BufferingMiddleware.MaxResponseBodyBytes"] = R<long>(v => Proxied(p => p.WithMiddlewares(new BufferingMiddleware("bu") { MaxResponseBodyBytes = v })), [-1], [0]),
        ["BufferingMiddleware.MemResponseBodyBytes"] = R<long>(v => Proxied(p => p.WithMiddlewares(new BufferingMiddleware("bu") { MemResponseBodyBytes = v })), [-1], [0]),
        ["HeadersMiddleware.StsSeconds"] = R<long>(v => Proxied(p => p.WithMiddlewares(new HeadersMiddleware("he") { StsSeconds = v })), [-1], [0, 31536000]),
        ["HeadersMiddleware.AccessControlMaxAge"] = R<long>(v => Proxied(p => p.WithMiddlewares(new HeadersMiddleware("he") { AccessControlMaxAge = v })), [-1], [0, 100]),
        ["RedirectSchemeMiddleware.Port"] = R<int>(v => Proxied(p => p.WithMiddlewares(new RedirectSchemeMiddleware("rs") { Port = v })), [0, 65536], [1, 443]),
        ["BackupPlan.WaitTimeout"] = R<TimeSpan>(v => BackedUp(p => p with { WaitTimeout = v }, c => c), [S(-1), TimeSpan.Zero, S(0.5), S(1.5)], [S(1), S(60)]),
        ["BackupCommand.WaitForPort"] = R<int>(v => BackedUp(p => p, c => c with { WaitForPort = v }), [0, 65536], [1, 5432], Port),

        // Not numbers a definition writes with a range of their own:
        ["ByteSize.Bytes"] = null, // a size's bytes: ranged where the size is used (each ByteSize member above)
        ["PortRange.Length"] = null, // computed from Start and End
        ["NumberEnvironmentValue.Value"] = null, // an environment variable's text: any number is a value the program reads
        ["SourceLocation.Line"] = null, // where a value was written; never written to a file
    };

    public static TheoryData<string> Ranged => [.. Table.Where(r => r.Value is not null).Select(r => r.Key)];

    [Fact]
    public void Every_numeric_member_of_the_model_has_a_range_in_the_table()
    {
        var members = NumericMembers.All().ToList();

        Assert.Empty(members.Except(Table.Keys, StringComparer.Ordinal)); // a new number without a range
        Assert.Empty(Table.Keys.Except(members, StringComparer.Ordinal)); // a row for a member that is gone
    }

    [Theory]
    [MemberData(nameof(Ranged))]
    public void A_value_outside_the_range_is_refused_at_its_line(string member)
    {
        var range = Table[member]!;
        foreach (var value in range.Outside)
        {
            // A read-only member is guarded by its constructor, which names the argument (the CLI reports it at the user's line).
            if (Refused(range, value) is { } thrown)
            {
                Assert.False(string.IsNullOrEmpty(thrown.ParamName), $"{member} = {value}: {thrown.Message}");
                continue;
            }

            var found = StackValidator.Validate(range.Build(value)).Where(d => d.Id == range.Id).ToList();
            Assert.True(found.Count == 1, $"{member} = {value}: expected one {range.Id}, found {found.Count}: {string.Join(" | ", found.Select(d => d.Message))}");
            Assert.Contains(found, d => d.Location.Line == range.Line); // the line of the table row that set the value
        }
    }

    /// <summary>A number passed to a factory rather than kept in a member: guarded where it is passed.</summary>
    [Theory]
    [InlineData(0, 3)]
    [InlineData(-1, 3)]
    [InlineData(10, 0)]
    [InlineData(10, -1)]
    public void Json_file_logging_refuses_a_size_or_file_count_below_1(long megabytes, int files)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Logging.JsonFile(ByteSize.Megabytes(megabytes), files));
        Assert.Equal("1", Logging.JsonFile(ByteSize.Megabytes(1), 1).Options["max-file"].ToString());
    }

    private static ArgumentOutOfRangeException? Refused(Range range, object value)
    {
        try
        {
            range.Build(value);
            return null;
        }
        catch (ArgumentOutOfRangeException thrown)
        {
            return thrown;
        }
    }

    [Theory]
    [MemberData(nameof(Ranged))]
    public void A_value_at_the_edge_of_the_range_is_taken(string member)
    {
        var range = Table[member]!;
        foreach (var value in range.Inside)
        {
            var found = StackValidator.Validate(range.Build(value)).Where(d => d.Id == range.Id).Select(d => d.Message).ToList();
            Assert.True(found.Count == 0, $"{member} = {value} refused: {string.Join(" | ", found)}");
        }
    }
}
