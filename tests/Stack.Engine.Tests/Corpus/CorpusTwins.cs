using System.Collections.Immutable;
using System.Net;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;

namespace Stack.Engine.Tests.Corpus;

/// <summary>
/// The C# twin of each hand-written file in Files/: the same stack as a user would write it with
/// the DSL. <see cref="CorpusRoundTripTests"/> checks both mean the same to compose.
/// </summary>
internal static class CorpusTwins
{
    private const string StandIn = "stack-standin:1";

    /// <summary>Each twin, and whether the engine can create it here (a build cannot: no registry, no context).</summary>
    public static readonly Dictionary<string, (Func<ComposeStack> Build, bool EngineCreates)> All = new()
    {
        ["process-and-kernel"] = (ProcessAndKernel, true),
        ["network-plans"] = (NetworkPlans, true),
        ["long-syntax"] = (LongSyntax, true),
        ["deploy"] = (Deploy, true),
        ["isolation"] = (Isolation, true),
        ["build"] = (Build, false),
        ["traefik-authelia"] = (TraefikAuthelia, true),
    };

    private static ComposeStack ProcessAndKernel()
    {
        var back = new Network("back");
        var db = new Service("db").WithImage(StandIn).WithRestart(RestartPolicy.UnlessStopped)
            .WithStopSignal("SIGINT")
            .WithStopGracePeriod(TimeSpan.FromSeconds(90))
            .WithShmSize(ByteSize.Megabytes(256))
            .WithSysctl("net.core.somaxconn", "1024")
            .WithUlimit("nproc", Ulimit.Of(4096))
            .WithUlimit("nofile", new Ulimit(20000, 40000))
            .WithOomScoreAdj(-500)
            .WithCpuShares(512)
            .WithCpuset("0")
            .WithInit()
            .WithTty()
            .WithStdinOpen()
            .WithDns(IPAddress.Parse("9.9.9.9"), IPAddress.Parse("1.1.1.1"))
            .WithDnsSearch("lan")
            .WithDnsOptions("ndots:2")
            .WithDomainName("example.internal")
            .WithGroupAdd("0100", "audio")
            .WithRuntime("runc")
            .WithNetworks(back);
        return new ComposeStack("corpus").WithServices(db);
    }

    private static ComposeStack NetworkPlans()
    {
        var front = new Network("front")
            .WithDriver("bridge")
            .WithDriverOption("com.docker.network.bridge.name", "br-corpus")
            .WithLabel("com.example.tier", "front")
            .WithIpam(new NetworkIpam
            {
                Pools =
                [
                    new IpamPool(IPNetwork.Parse("10.231.0.0/16"))
                    {
                        IpRange = IPNetwork.Parse("10.231.5.0/24"),
                        Gateway = IPAddress.Parse("10.231.0.1"),
                        AuxAddresses = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("router", IPAddress.Parse("10.231.1.5"))]),
                    },
                ],
            });
        var back = new Network("back").AsInternal().AsAttachable().WithIpv6()
            .WithIpam(new NetworkIpam { Driver = "default", Pools = [new IpamPool(IPNetwork.Parse("fd00:31::/64"))] });
        var media = new Volume("media").WithDriver("local").WithDriverOption("type", "tmpfs").WithDriverOption("device", "tmpfs").WithDriverOption("o", "size=16m").WithLabel("backup", "none");
        var cache = new Volume("cache").WithLabel("com.example.purpose", "cache");
        var app = new Service("app").WithImage(StandIn).WithRestart(RestartPolicy.Always)
            .WithNetwork(new NetworkAttachment(front) { Ipv4Address = IPAddress.Parse("10.231.5.10"), Aliases = ["web"] })
            .WithNetwork(new NetworkAttachment(back) { Ipv6Address = IPAddress.Parse("fd00:31::10") })
            .WithVolume(media, "/media", readOnly: true)
            .WithVolume(cache, "/cache");
        return new ComposeStack("corpus").WithServices(app);
    }

    private static ComposeStack LongSyntax()
    {
        var data = new Volume("data");
        var app = new Service("app").WithImage(StandIn).WithRestart(RestartPolicy.Always)
            .WithPort(new PortMapping(53) { Published = 10053, Protocol = PortProtocol.Udp, Mode = PortMode.Host })
            .WithPort(18080, 80, IPAddress.Loopback)
            .AcceptRisk(SecurityRisk.PortOnAllInterfaces, "a DNS server answers the LAN on every interface")
            .WithMount(new VolumeMount(data, "/cache") { NoCopy = true })
            .WithAnonymousVolume("/app/node_modules")
            .WithBind(HostPath.Absolute("/srv"), "/srv", readOnly: true)
            .WithTmpfs("/run", ByteSize.Megabytes(64))
            .WithDevice(new DeviceMapping("/dev/null") { ContainerPath = "/dev/null-copy", Permissions = "rw" })
            .WithDevice("/dev/zero")
            .WithDeviceCgroupRules("c 1:3 rmw");
        return new ComposeStack("corpus").WithServices(app);
    }

    private static ComposeStack Deploy()
    {
        var web = new Service("web").WithImage(StandIn).WithRestart(RestartPolicy.Always)
            .WithResourceLimits(new ResourceLimits { Cpus = 0.5m, Memory = ByteSize.Megabytes(512) })
            .WithResourceReservations(new ResourceLimits { Memory = ByteSize.Megabytes(128) })
            .WithDeployment(new Deployment
            {
                Mode = DeploymentMode.Replicated,
                Replicas = 2,
                EndpointMode = EndpointMode.Vip,
                Labels = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("team", (ComposeString)"web")]),
                Placement = new Placement { Constraints = ["node.role == worker"], SpreadOver = ["node.labels.zone"], MaxReplicasPerNode = 2 },
                RestartPolicy = new DeployRestartPolicy { Condition = DeployRestartCondition.OnFailure, Delay = TimeSpan.FromSeconds(5), MaxAttempts = 3, Window = TimeSpan.FromMinutes(2) },
                UpdateConfig = new RolloutConfig { Parallelism = 1, Delay = TimeSpan.FromSeconds(10), FailureAction = RolloutFailureAction.Rollback, Monitor = TimeSpan.FromSeconds(30), MaxFailureRatio = 0.1m, Order = RolloutOrder.StartFirst },
                RollbackConfig = new RolloutConfig { Parallelism = 0, Order = RolloutOrder.StopFirst },
            });
        return new ComposeStack("corpus").WithServices(web);
    }

    private static ComposeStack Isolation()
    {
        var monitor = new Service("monitor").WithImage(StandIn).WithRestart(RestartPolicy.Always)
            .WithPid(NamespaceMode.Host)
            .WithPrivileged()
            .AcceptRisk(SecurityRisk.HostPrivilege, "a process monitor reads every process on the host")
            .WithIpc(NamespaceMode.Shareable)
            .WithCapAdd("SYS_PTRACE")
            .AcceptRisk(SecurityRisk.DangerousCapability, "it traces processes to report on them")
            .WithSecurityOpt("no-new-privileges:true")
            .WithReadOnlyRootFilesystem()
            .WithUser("1000:1000")
            .WithNetworkMode(NetworkMode.None);
        var sidecar = new Service("sidecar").WithImage(StandIn).WithRestart(RestartPolicy.Always).WithIpc(NamespaceMode.OfService(monitor));
        return new ComposeStack("corpus").WithServices(monitor, sidecar);
    }

    private static ComposeStack TraefikAuthelia()
    {
        var proxy = new Network("proxy");
        var websecure = new EntryPoint("websecure", 443);
        var letsEncrypt = new CertResolver("letsencrypt");
        var authelia = new Service("authelia").WithImage(StandIn).WithRestart(RestartPolicy.UnlessStopped).WithNetworks(proxy)
            .WithRouter(new Router("authelia").WithHost("auth.example.org").WithEntryPoints(websecure).WithTls(letsEncrypt).WithPublicAccess("the login portal").WithPort(9091))
            .WithMiddlewareLabels(
                new ForwardAuthMiddleware("authelia", "http://authelia:9091/api/authz/forward-auth")
                {
                    TrustForwardHeader = true,
                    AuthResponseHeaders = ["Remote-User", "Remote-Groups", "Remote-Email", "Remote-Name"],
                },
                new HeadersMiddleware("secure") { StsSeconds = 31536000, StsIncludeSubdomains = true, FrameDeny = true, ContentTypeNosniff = true });
        var whoami = new Service("whoami").WithImage(StandIn).WithRestart(RestartPolicy.UnlessStopped).WithNetworks(proxy)
            .WithRouter(new Router("whoami").WithHost("whoami.example.org").WithEntryPoints(websecure).WithTls(letsEncrypt)
                .WithMiddlewares(authelia.DefinedMiddlewares)
                .WithService(new TraefikService("whoami", 80).WithHealthCheck("/health")));
        var db = new Service("db").WithImage(StandIn).WithRestart(RestartPolicy.UnlessStopped).WithNetworks(proxy)
            .WithTcpRouter(new TcpRouter("db", 5432).ForHost("db.example.org").WithTlsPassthrough().WithEntryPoints(new EntryPoint("postgres", 5432)));
        var dns = new Service("dns").WithImage(StandIn).WithRestart(RestartPolicy.UnlessStopped).WithNetworks(proxy)
            .WithUdpRouter(new UdpRouter("dns", 53).WithEntryPoints(new EntryPoint("dns", 53) { Udp = true }));
        return new ComposeStack("corpus").WithServices(authelia, whoami, db, dns);
    }

    private static ComposeStack Build()
    {
        var app = new Service("app").WithImage("example/app:1.4.2").WithRestart(RestartPolicy.Always)
            .WithBuild(new BuildSpec(HostPath.Absolute("/srv"))
            {
                Dockerfile = "docker/Dockerfile",
                Target = "runtime",
                CacheFrom = ["example/app:cache"],
                Network = "host",
                ShmSize = ByteSize.Megabytes(128),
            }.WithArg("NODE_VERSION", "22.11.0").WithLabel("org.opencontainers.image.source", "https://example.com/app"));
        return new ComposeStack("corpus").WithServices(app);
    }
}
