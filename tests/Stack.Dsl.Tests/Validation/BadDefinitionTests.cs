using System.Net;
using System.Runtime.CompilerServices;
using Stack.Dsl.Cli;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Environments;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// A corpus of bad definitions, run through the command line as a user would: each must exit 1,
/// name the rule, say what is wrong at the C# line that made it, and leave generated/ as it was.
/// </summary>
public sealed class BadDefinitionTests : IDisposable
{
    private static readonly Network Net = new("n");
    private static readonly Volume Data = new("data");

    private readonly string _root = Directory.CreateTempSubdirectory("stack-bad-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A service that passes every rule.</summary>
    private static Service Safe(string name, [CallerLineNumber] int line = 0) =>
        new Service(name, "Definition.cs", line).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net);

    private static int Line([CallerLineNumber] int line = 0) => line;

    internal sealed record Bad(string Id, string Message, int Line, Func<ComposeStack> Build);

    private static ComposeStack Stack(params Service[] services) => new ComposeStack("bad").WithServices(services);

    private static ComposeStack Swarm(params Service[] services) => Stack(services).WithTargets(DeployTarget.Compose, DeployTarget.Swarm);

    internal static readonly Dictionary<string, Func<Bad>> Corpus = new()
    {
        ["literal secret"] = () => new("STK0100", "sets DB_PASSWORD to a literal value", Line(), () => Stack(Safe("a").WithEnvironment("DB_PASSWORD", "hunter2"))),
        ["writable docker socket"] = () => new("STK0101", "mounts the Docker socket /var/run/docker.sock writable", Line(), () => Stack(Safe("a").WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock"))),
        ["daemon socket"] = () => new("STK0102", "mounts the daemon socket /run/podman/podman.sock", Line(), () => Stack(Safe("a").WithBind(HostPath.Absolute("/run/podman/podman.sock"), "/run/podman/podman.sock", readOnly: true))),
        ["privileged"] = () => new("STK0103", "uses privileged: true", Line(), () => Stack(Safe("a").WithPrivileged())),
        ["seccomp unconfined"] = () => new("STK0103", "uses security_opt seccomp=unconfined (no seccomp filter", Line(), () => Stack(Safe("a").WithSecurityOpt("no-new-privileges:true", "seccomp=unconfined"))),
        ["no-new-privileges false, old separator"] = () => new("STK0103", "uses security_opt no-new-privileges:False (setuid", Line(), () => Stack(Safe("a").WithSecurityOpt("no-new-privileges:False"))),
        ["pids limit of 0"] = () => new("STK0212", "has a pids limit of 0; the engine reads 0 or a negative value as no limit at all", Line(), () => Stack(Safe("a").WithResourceLimits(new ResourceLimits { Pids = 0 }))),
        ["negative backup wait"] = () => new("STK0212", "The backup plan waits -5s for a service's port", Line(), () => { var runner = Safe("backup").WithImage("mazzolino/restic:1.7.2"); return Stack(runner).WithBackups(new BackupPlan(runner) { WaitTimeout = TimeSpan.FromSeconds(-5) }); }),
        ["dangerous capability"] = () => new("STK0104", "adds ALL", Line(), () => Stack(Safe("a").WithCapAdd("ALL"))),
        ["published database"] = () => new("STK0105", "runs a database (postgres) and publishes 127.0.0.1:5432:5432", Line(), () => Stack(Safe("db").WithImage("postgres:17").WithPort(5432, 5432, IPAddress.Loopback))),
        ["port on all interfaces"] = () => new("STK0106", "publishes 8080:80 on every host interface", Line(), () => Stack(Safe("a").WithPort(8080, 80))),
        ["latest image"] = () => new("STK0107", "image nginx uses the moving tag 'latest'", Line(), () => Stack(Safe("a").WithImage("nginx:latest"))),
        ["invalid name"] = () => new("STK0201", "The service name 'Has Space' is not valid", Line(), () => Stack(Safe("Has Space"))),
        ["duplicate service"] = () => new("STK0202", "Service 'a' is added to the stack twice", Line(), () => Stack(Safe("a"), Safe("a"))),
        ["dependency outside the stack"] = () => new("STK0203", "depends on 'b', which is not in the stack", Line(), () => Stack(Safe("a").DependsOn(Safe("b"), DependencyCondition.ServiceHealthy))),
        ["volumes_from outside the stack"] = () => new("STK0203", "mounts the volumes of 'b', which is not in the stack", Line(), () => Stack(Safe("a").WithVolumesFrom(Safe("b")))),
        ["traefik flag beside its static file"] = () =>
        {
            var proxy = Safe("proxy").WithCommand("--log.level=DEBUG");
            return new("STK0406", "passes the static option --log.level on its command, which Traefik ignores: it reads its static config from the file at '/etc/traefik/traefik.yml'", Line(), () => new ComposeStack("bad").WithTraefik(new TraefikProxy(proxy, Net)).WithServices(proxy));
        },
        ["acme storage on no volume"] = () =>
        {
            var proxy = Safe("proxy");
            return new("STK0407", "keeps its ACME account and certificates at '/letsencrypt/acme.json' in the Traefik service 'proxy', which no volume or bind mount of that service holds", Line(), () => new ComposeStack("bad").WithTraefik(new TraefikProxy(proxy, Net).WithCertResolvers(new CertResolver("le") { TlsChallenge = true })).WithServices(proxy));
        },
        ["two-service cycle"] = () =>
        {
            var a = Safe("a");
            var b = Safe("b").DependsOn(a, DependencyCondition.ServiceStarted, reason: "test");
            return new("STK0206", "(a -> b -> a): 'a' depends on 'b', 'b' depends on 'a'", Line(), () => Stack(a.DependsOn(b, DependencyCondition.ServiceStarted, reason: "test"), b));
        },
        ["cycle through network_mode and volumes_from"] = () =>
        {
            var c = Safe("c");
            var b = Safe("b").WithVolumesFrom(c);
            return new("STK0206", "(a -> b -> c -> a): 'a' shares the network of 'b', 'b' mounts the volumes of 'c', 'c' depends on 'a'", Line(), () => { var a = Safe("a") with { Networks = [], NetworkMode = NetworkMode.OfService(b) }; return Stack(a, b, c.DependsOn(a, DependencyCondition.ServiceStarted, reason: "test")); });
        },
        ["undefined port protocol"] = () => new("STK0200", "9 is not a PortProtocol; use one of Tcp, Udp", Line(), () => Stack(Safe("a").WithPort(new PortMapping(80) { Protocol = (PortProtocol)9 }))),
        ["undefined SELinux relabel"] = () => new("STK0200", "7 is not a SeLinuxRelabel; use one of Shared, Private", Line(), () => Stack(Safe("a").WithMount(new BindMount(HostPath.Absolute("/srv/a"), "/a") { SeLinux = (SeLinuxRelabel)7 }))),
        ["undefined bind propagation"] = () => new("STK0200", "-1 is not a BindPropagation; use one of Private, RPrivate, Shared, RShared, Slave, RSlave", Line(), () => Stack(Safe("a").WithMount(new BindMount(HostPath.Absolute("/srv/a"), "/a") { Propagation = (BindPropagation)(-1) }))),
        ["undefined dependency condition"] = () => new("STK0200", "5 is not a DependencyCondition", Line(), () => Stack(Safe("a").DependsOn(Safe("b"), (DependencyCondition)5))),
        ["undefined accepted risk"] = () => new("STK0200", "99 is not a SecurityRisk", Line(), () => Stack(Safe("a").AcceptRisk((SecurityRisk)99, "test"))),
        ["escape hatch value nested past the limit"] = () => new("STK0200", "A YAML value nests more than 64 sequences and mappings deep", Line(), () => Stack(Safe("a").WithField("x-deep", Enumerable.Range(0, 100).Aggregate((YamlValue)"leaf", (inner, _) => YamlValue.Sequence(inner))))),
        ["self dependency"] = () => new("STK0206", "(a -> a): 'a' depends on 'a'", Line(), () => { var a = Safe("a"); return Stack(a.DependsOn(a, DependencyCondition.ServiceStarted, reason: "test")); }),
        ["port out of range"] = () => new("STK0207", "port '127.0.0.1:70000:80': ports are 1-65535", Line(), () => Stack(Safe("a").WithPort(70000, 80, IPAddress.Loopback))),
        ["reversed range"] = () => new("STK0207", "ports are 1-65535 and a range goes from low to high", Line(), () => Stack(Safe("a").WithPort(PortRange.Between(9000, 8000), PortRange.Between(9000, 8000), IPAddress.Loopback))),
        ["ranges of different length"] = () => new("STK0207", "the host range has 3 ports and the container range 2", Line(), () => Stack(Safe("a").WithPort(PortRange.Between(8000, 8002), PortRange.Between(80, 81), IPAddress.Loopback))),
        ["same host port"] = () => new("STK0208", "Services 'a' and 'b' both publish host port 8080/tcp on 127.0.0.1", Line(), () => Stack(Safe("a").WithPort(8080, 80, IPAddress.Loopback), Safe("b").WithPort(8080, 81, IPAddress.Loopback))),
        ["all interfaces against one address"] = () => new(Id: "STK0208", Message: "both publish host port 53/udp on all interfaces", Build: () => Stack(
            Safe("a").WithPort(53, 53, protocol: PortProtocol.Udp).AcceptRisk(SecurityRisk.PortOnAllInterfaces, "test"),
            Safe("b").WithPort(53, 53, IPAddress.Loopback, PortProtocol.Udp)), Line: Line()), // reported at the second service
        ["mount target twice"] = () => new("STK0209", "mounts 2 things at '/data'", Line(), () => Stack(Safe("a").WithVolume(Data, "/data").WithTmpfs("/data/"))),
        ["network mode and networks"] = () => new("STK0210", "has network_mode 'host' and networks too", Line(), () => Stack(Safe("a").WithNetworkMode(NetworkMode.Host).AcceptRisk(SecurityRisk.HostPrivilege, "test"))),
        ["no image"] = () => new("STK0211", "has neither an image nor a build", Line(), () => Stack(Safe("a") with { Image = null })),
        ["negative interval"] = () => new("STK0212", "has a healthcheck interval of -00:00:05; it must be positive", Line(), () => Stack(Safe("a").WithHealthcheck(new Healthcheck(HealthcheckTest.Shell("true")) { Interval = TimeSpan.FromSeconds(-5) }))),
        ["empty tmpfs"] = () => new("STK0212", "has a tmpfs at '/tmp' of 0 bytes", Line(), () => Stack(Safe("a").WithTmpfs("/tmp", ByteSize.Megabytes(0)))),
        ["empty healthcheck"] = () => new("STK0213", "has a healthcheck with an empty test", Line(), () => Stack(Safe("a").WithHealthcheck(new Healthcheck(HealthcheckTest.Exec())))),
        ["CMD-SHELL in the exec form"] = () => new("STK0213", "whose first argument is 'CMD-SHELL'", Line(), () => Stack(Safe("a").WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("CMD-SHELL", "curl -f localhost"))))),
        ["blank exec healthcheck argument"] = () => new("STK0213", "with an empty or blank argument", Line(), () => Stack(Safe("a").WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("curl", " "))))),
        ["empty image"] = () => new("STK0211", "has an empty image", Line(), () => Stack(Safe("a").WithImage(""))),
        ["service names differing in case"] = () => new("STK0202", "Services 'web' (Definition.cs(", Line(), () => Stack(Safe("web"), Safe("Web"))),
        ["container names differing in case"] = () => new("STK0202", "both use container name 'Proxy'", Line(), () => Stack(Safe("a").WithContainerName("proxy"), Safe("b").WithContainerName("Proxy"))),
        ["router port out of range"] = () => new("STK0207", "forwards to port 70000: ports are 1-65535", Line(), () => Stack(Safe("a").WithRouter(new Router("r", "Definition.cs", Line()).WithHost("a.example").WithPort(70000).OnDefaultEntryPoints("test").WithPublicAccess("test")))),
        ["service name with a trailing newline"] = () => new("STK0201", "The service name 'web\\n' is not valid", Line(), () => Stack(Safe("web\n"))),
        ["newline in an environment key"] = () => new("STK0215", "has a line break (\\n) in its environment key (\"A\\nB\")", Line(), () => Stack(Safe("a").WithEnvironment("A\nB", "x"))),
        ["NUL in an environment value"] = () => new("STK0215", "has a NUL character in its environment A (\"x\\0y\")", Line(), () => Stack(Safe("a").WithEnvironment("A", "x\0y"))),
        ["unpaired surrogate in a label"] = () => new("STK0215", "has an unpaired surrogate (not text) in its label x.y", Line(), () => Stack(Safe("a").WithLabel("x.y", "\ud800"))),
        ["space in a label key"] = () => new("STK0215", "has a space in its label key", Line(), () => Stack(Safe("a").WithLabel("a b", "x"))),
        ["newline in a hostname"] = () => new("STK0215", "has a line break (\\n) in its hostname", Line(), () => Stack(Safe("a").WithHostname("h\nprivileged: true"))),
        ["newline in a variable's description"] = () => new("STK0215", "Variable X has a line break (\\n) in its description", Line(), () => new ComposeStack("bad", "Definition.cs", Line() + 0).WithVariables(new Variable("X", "one\nINJECTED=1")).WithServices(Safe("a").WithEnvironment("X", new Variable("X", "one\nINJECTED=1")))),
        ["newline in an extension key"] = () => new("STK0215", "has a line break (\\n) in its field key", Line(), () => Stack(Safe("a").WithField("x-a\nb", "v"))),
        ["colon in a bind target"] = () => new("STK0216", "mounts at '/data:ro', which holds ':'", Line(), () => Stack(Safe("a").WithBind(HostPath.Absolute("/srv"), "/data:ro"))),
        ["colon in a tmpfs target"] = () => new("STK0216", "has a tmpfs at '/tmp:exec', which holds ':'", Line(), () => Stack(Safe("a").WithTmpfs("/tmp:exec"))),
        ["relative container path"] = () => new("STK0216", "mounts at 'data', which is not absolute", Line(), () => Stack(Safe("a").WithVolume(Data.WithBackup(VolumeBackup.Files()), "data"))),
        ["Absolute that is not absolute"] = () => new("STK0216", "binds './x' from HostPath.Absolute, which is not absolute", Line(), () => Stack(Safe("a").WithBind(HostPath.Absolute("./x"), "/x"))),
        ["image that is no reference"] = () => new("STK0216", "which is not an image reference", Line(), () => Stack(Safe("a").WithImage("Example/App:1.0"))),
        ["docker socket written with a double slash"] = () => new("STK0101", "mounts the Docker socket /var/run//docker.sock writable", Line(), () => Stack(Safe("a").WithBind(HostPath.Absolute("/var/run//docker.sock"), "/var/run/docker.sock"))),
        ["docker socket reached through .."] = () => new("STK0101", "mounts the Docker socket /var/lib/../run/docker.sock writable", Line(), () => Stack(Safe("a").WithBind(HostPath.Absolute("/var/lib/../run/docker.sock"), "/var/run/docker.sock"))),
        ["the folder holding the docker socket"] = () => new("STK0101", "mounts the folder /var/run, which holds the Docker socket (/var/run/docker.sock) writable", Line(), () => Stack(Safe("a").WithBind(HostPath.Absolute("/var/run"), "/host-run"))),
        ["ports with a shared network namespace"] = () => new("STK0217", "publishes ports with network_mode 'service:vpn'; the engine refuses this", Line(), () => { var vpn = Safe("vpn"); return Stack(vpn, (Safe("client") with { Networks = [] }).WithNetworkMode(NetworkMode.OfService(vpn)).WithPort(8080, 80, System.Net.IPAddress.Loopback)); }),
        ["hostname with a shared network namespace"] = () => new("STK0217", "sets a hostname with network_mode 'service:vpn'", Line(), () => { var vpn = Safe("vpn"); return Stack(vpn, (Safe("client") with { Networks = [] }).WithNetworkMode(NetworkMode.OfService(vpn)).WithHostname("client")); }),
        ["static address without a subnet"] = () => new("STK0217", "asks for the static address 10.5.0.5 on network 'n', which declares no subnet", Line(), () => Stack((Safe("a") with { Networks = [] }).WithNetwork(new NetworkAttachment(Net) { Ipv4Address = System.Net.IPAddress.Parse("10.5.0.5") }))),
        ["password in a URL"] = () => new("STK0100", "sets a password in the URL of its environment DATABASE_URL to a literal value", Line(), () => Stack(Safe("a").WithEnvironment("DATABASE_URL", "postgres://app:hunter2@db/app"))),
        ["password flag in a command"] = () => new("STK0100", "sets the argument --password=... to a literal value", Line(), () => Stack(Safe("a").WithCommand("server", "--password=hunter2"))),
        ["password flag and value in a shell healthcheck"] = () => new("STK0100", "sets the argument --password ... to a literal value", Line(), () => Stack(Safe("a").WithHealthcheck(new Healthcheck(HealthcheckTest.Shell("mysqladmin ping --password hunter2"))))),
        ["secret label"] = () => new("STK0100", "sets label app.api-token to a literal value", Line(), () => Stack(Safe("a").WithLabel("app.api-token", "abc123"))),
        ["glued secret name"] = () => new("STK0100", "sets ADMINPASSWORD to a literal value", Line(), () => Stack(Safe("a").WithEnvironment("ADMINPASSWORD", "hunter2"))),
        ["secret-looking variable with a default"] = () => new("STK0100", "Variable DB_PASSWORD looks like a secret but is declared with a default", Line(), () => new ComposeStack("bad", "Definition.cs", Line() + 0).WithVariables(new Variable("DB_PASSWORD") { Default = "hunter2" }).WithServices(Safe("a").WithEnvironment("DB_PASSWORD", new Variable("DB_PASSWORD") { Default = "hunter2" }))),
        ["a hand-set Traefik label differing only in case"] = () => new("STK0204", "sets label 'Traefik.HTTP.routers.r.rule', which Traefik reads as 'traefik.http.routers.r.rule'", Line(), () => Stack(Safe("a").WithLabel("Traefik.HTTP.routers.r.rule", "Host(`x`)").WithRouter(new Router("r").WithHost("a.example").WithPort(80).OnDefaultEntryPoints("test").WithPublicAccess("test")))),
        ["certificate domain with a comma"] = () => new("STK0212", "for a certificate for 'b.example.org,evil.example'", Line(), () => Stack(Safe("a").WithRouter(new Router("r").WithHost("a.example").WithPort(80).OnDefaultEntryPoints("test").WithPublicAccess("test").WithTlsDomain("a.example", "b.example.org,evil.example")))),
        ["secret in a logging option"] = () => new("STK0100", "logging option splunk-token", Line(), () => Stack(Safe("a").WithLogging(new Logging("splunk").WithOption("splunk-token", "a1b2c3d4e5f6")))),
        ["secret in an escape-hatch field"] = () => new("STK0100", "field x-api-token", Line(), () => Stack(Safe("a").WithField("x-api-token", "a1b2c3d4e5f6"))),
        ["secret in a volume's driver option"] = () => new("STK0100", "Volume 'data' holds a literal secret in its driver option password", Line(), () => Stack(Safe("a").WithVolume(new Volume("data", "Definition.cs", Line() + 0).WithBackup(VolumeBackup.Files()).WithDriverOption("password", "hunter2"), "/data"))),
        ["secret in a stack extension"] = () => new("STK0100", "holds a literal secret in its extension x-db-password", Line(), () => new ComposeStack("bad", "Definition.cs", Line() + 0).WithServices(Safe("a")).WithExtension("x-db-password", "hunter2")),
        ["secret with a compose default"] = () => new("STK0100", "the default of ${DB_PASSWORD:-hunter2}", Line(), () => Stack(Safe("a").WithEnvironment("DB_PASSWORD", Variable.Secret("DB_PASSWORD").OrDefault("hunter2"))).WithVariables(Variable.Secret("DB_PASSWORD"))),
        ["stop signal that is no signal"] = () => new("STK0212", "has stop_signal 'SIGFOO', which the engine refuses", Line(), () => Stack(Safe("a").WithStopSignal("SIGFOO"))),
        ["oom score out of range"] = () => new("STK0212", "has oom_score_adj 1001; the kernel accepts -1000 to 1000", Line(), () => Stack(Safe("a").WithOomScoreAdj(1001))),
        ["swappiness out of range"] = () => new("STK0212", "has mem_swappiness 101", Line(), () => Stack(Safe("a").WithMemSwappiness(101))),
        ["soft ulimit above hard"] = () => new("STK0212", "has ulimit nofile with soft 2048 and hard 1024", Line(), () => Stack(Safe("a").WithUlimit("nofile", new Ulimit(2048, 1024)))),
        ["unlimited soft ulimit under a hard one"] = () => new("STK0212", "has ulimit nofile with soft -1 and hard 1024", Line(), () => Stack(Safe("a").WithUlimit("nofile", new Ulimit(-1, 1024)))),
        ["relative device path"] = () => new("STK0212", "maps the device 'dev/dri', which the engine refuses: a host device path is absolute", Line(), () => Stack(Safe("a").WithDevice("dev/dri"))),
        ["device permissions outside rwm"] = () => new("STK0212", "with permissions 'rx'", Line(), () => Stack(Safe("a").WithDevice(new DeviceMapping("/dev/dri") { Permissions = "rx" }))),
        ["gpu count and ids together"] = () => new("STK0212", "requests devices by count and by id", Line(), () => Stack(Safe("a").WithDeviceRequest(DeviceRequest.Gpus(1) with { DeviceIds = ["0"] }))),
        ["zero gpus"] = () => new("STK0212", "requests 0 devices", Line(), () => Stack(Safe("a").WithGpus(0))),
        ["long-syntax port range"] = () => new("STK0212", "publishes the range 8000-8001 with a mode, name or app_protocol", Line(), () => Stack(Safe("a").WithPort(new PortMapping(PortRange.Between(8000, 8001)) { Published = PortRange.Between(8000, 8001), HostIp = IPAddress.Loopback, Name = "web" }))),
        ["volume subpath that climbs out"] = () => new("STK0212", "with subpath '../etc'", Line(), () => Stack(Safe("a").WithMount(new VolumeMount(Data.WithBackup(VolumeBackup.Files()), "/data") { Subpath = "../etc" }))),
        ["negative replicas"] = () => new("STK0212", "asks for -1 replicas", Line(), () => Stack(Safe("a").WithReplicas(-1))),
        ["replicas in global mode"] = () => new("STK0212", "sets replicas in global mode", Line(), () => Stack(Safe("a").WithDeployment(new Deployment { Mode = DeploymentMode.Global, Replicas = 2 }))),
        ["failure ratio above one"] = () => new("STK0212", "has update_config max_failure_ratio 1.5", Line(), () => Stack(Safe("a").WithDeployment(new Deployment { UpdateConfig = new RolloutConfig { MaxFailureRatio = 1.5m } }))),
        ["rollback that rolls back"] = () => new("STK0212", "has rollback_config failure_action rollback", Line(), () => Stack(Safe("a").WithDeployment(new Deployment { RollbackConfig = new RolloutConfig { FailureAction = RolloutFailureAction.Rollback } }))),
        ["gateway outside the subnet"] = () => new("STK0212", "has the gateway 10.0.0.1 outside its subnet 172.29.0.0/16", Line(), () => Stack(Safe("a") with { Networks = [] }).WithNetworks(new Network("n", "Definition.cs", Line() + 0).WithSubnet(IPNetwork.Parse("172.29.0.0/16"), IPAddress.Parse("10.0.0.1")))),
        ["ipv6 subnet without ipv6"] = () => new("STK0212", "has the IPv6 subnet fd00:28::/64 without IPv6 on", Line(), () => Stack(Safe("a") with { Networks = [] }).WithNetworks(new Network("n", "Definition.cs", Line() + 0).WithSubnet(IPNetwork.Parse("fd00:28::/64")))),
        ["static address outside every subnet"] = () => new("STK0217", "asks for the static address 10.9.9.9 on network 'n', but none of its subnets (172.29.0.0/16) holds it", Line(), () => Stack((Safe("a") with { Networks = [] }).WithNetwork(new NetworkAttachment(new Network("n").WithSubnet(IPNetwork.Parse("172.29.0.0/16"))) { Ipv4Address = IPAddress.Parse("10.9.9.9") }))),
        ["healthy wait on a service without a healthcheck"] = () => new("STK0219", "Service 'a' waits for 'db' to be healthy (DependencyCondition.ServiceHealthy), but 'db' has no healthcheck (none declared, or Healthcheck.Disabled), so Compose refuses to start 'a'. Give 'db' a healthcheck with a command that exits 0 once it is ready: .WithHealthcheck(", Line(), () => { var db = Safe("db"); return Stack(db, Safe("a").DependsOn(db, DependencyCondition.ServiceHealthy)); }),
        ["healthy wait on a disabled healthcheck, with a reason"] = () => new("STK0219", "but 'db' has no healthcheck", Line(), () => { var db = Safe("db").WithHealthcheck(Healthcheck.Disabled); return Stack(db, Safe("a").DependsOn(db, DependencyCondition.ServiceHealthy, reason: "a reason does not make Compose wait")); }),
        ["healthy wait on postgres without a healthcheck"] = () => new("STK0219", "Give 'db' the readiness probe of its image: .WithHealthcheck(new Healthcheck(HealthcheckTest.Shell(\"pg_isready -h 127.0.0.1 -U \\\"${POSTGRES_USER:-postgres}\\\"", Line(), () => { var db = Safe("db").WithImage("docker.io/library/postgres:17.2"); return Stack(db, Safe("a").DependsOn(db, DependencyCondition.ServiceHealthy)); }),
        ["environment that removes the healthcheck a service waits on"] = () => new("STK0219", "In environment 'prod' (", Line(), () => { var db = Safe("db").WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("probe"))); return Stack(db, Safe("a").DependsOn(db, DependencyCondition.ServiceHealthy)).WithEnvironments(new StackEnvironment("prod", s => s.MapService(db, d => d with { Healthcheck = null }))); }),
        ["the root folder, read-only"] = () => new("STK0102", "mounts the folder /, which holds the Docker socket (/var/run/docker.sock, /run/docker.sock); read-only or not", Line(), () => Stack(Safe("a").WithBind(HostPath.Absolute("/"), "/host", readOnly: true))),
        ["a home path given to Absolute"] = () => new("STK0216", "for a path in the home folder of the user who runs compose use HostPath.InHome(\"media/films\")", Line(), () => Stack(Safe("a").WithBind(HostPath.Absolute("~/media/films"), "/films", readOnly: true))),
        ["a relative path given to Absolute"] = () => new("STK0216", "use HostPath.InProject(\"config/app.toml\") for a file of the definition project", Line(), () => Stack(Safe("a").WithBind(HostPath.Absolute("./config/app.toml"), "/app.toml", readOnly: true))),
        ["a variable as a TLS domain"] = () => new("STK0212", "but .WithTlsDomain(...) takes the domain itself: variables are not accepted there", Line(), () => Stack(Safe("a").WithRouter(new Router("a").WithHost("a.example.org").WithPort(80).WithTlsDomain("${DOMAINNAME}").WithPublicAccess("test")))),
        ["traefik.enable set by hand"] = () => new("STK0204", "Remove .WithLabel(\"traefik.enable\", ...): Stack writes traefik.enable=true on every service with routers", Line(), () => Stack(Safe("a").WithLabel("traefik.enable", "false").WithRouter(new Router("a").WithHost("a.example.org").WithPort(80).WithPublicAccess("test")))),
        ["a router's port set by hand"] = () => new("STK0204", "Remove .WithLabel(\"traefik.http.services.a.loadbalancer.server.port\", ...) and set the value with the router's .WithPort(...).", Line(), () => Stack(Safe("a").WithLabel("traefik.http.services.a.loadbalancer.server.port", "81").WithRouter(new Router("a").WithHost("a.example.org").WithPort(80).WithPublicAccess("test")))),
        ["swarm: a port on localhost"] = () => new("STK0500", "On Swarm (docker stack deploy), service 'a' publishes port '127.0.0.1:8080:80' on a host address, but a Swarm port has no host address", Line(), () => Swarm(Safe("a").WithPort(8080, 80, IPAddress.Loopback))),
        ["swarm: a port on every interface"] = () => new("STK0106", "publishes 8080:80 on every host interface. On Swarm (docker stack deploy), a target of this stack, a host address cannot narrow it", Line(), () => Swarm(Safe("a").WithPort(8080, 80))),
        ["swarm: privileged"] = () => new("STK0501", "sets privileged (.WithPrivileged(...)), which Swarm ignores: the task runs unprivileged", Line(), () => Swarm(Safe("a").WithPrivileged().AcceptRisk(SecurityRisk.HostPrivilege, "test"))),
        ["swarm: a build without an image"] = () => new("STK0502", "is built (.WithBuild(...)) but names no image", Line(), () => Swarm((Safe("a") with { Image = null }).WithBuild(new BuildSpec(HostPath.InProject("app"))))),
        ["swarm: a middleware at @docker"] = () => new("STK0507", "router 'a' of service 'a' uses middleware 'auth@docker', but Traefik reads a swarm's labels through its swarm provider", Line(), () => Swarm(Safe("a").WithRouter(new Router("a").WithHost("a.example.org").WithPort(80).WithEntryPoints(new EntryPoint("web", 80)).WithMiddlewares(new ExternalMiddleware("auth", "docker").AsForwardAuth())))),
        ["swarm: a router's service at @docker, by hand"] = () => new("STK0507", "On Swarm (docker stack deploy), the label 'traefik.http.routers.a.service' of service 'a' uses service 'api@docker', but Traefik reads a swarm's labels through its swarm provider, which names what they define 'api@swarm': Traefik reports the service as missing and does not serve the routers that need it. Let Stack write the reference, with each target's provider: the router's .WithService(new TraefikService(\"api\", 0) { Provider = \"docker\" }); or, on a stack that targets Swarm alone, write 'api@swarm' in the label 'traefik.http.routers.a.service'.", Line(), () => Swarm(Safe("a").WithLabel("traefik.http.routers.a.service", "api@docker"))),
        ["swarm: an allow list behind the ingress mesh"] = () =>
        {
            var web = new EntryPoint("web", 80);
            var proxy = Safe("proxy").WithImage("traefik:v3.2.1").WithPort(new PortMapping(80) { Published = 80, Mode = PortMode.Ingress });
            var app = Safe("a").WithRouter(new Router("a").WithHost("a.example.org").WithPort(80).WithEntryPoints(web).WithMiddlewares(new IpAllowListMiddleware("lan", "10.0.0.0/8")).WithPublicAccess("test"));
            return new("STK0508", "The IP allow list 'lan' (router 'a') sees one address for every client", Line() - 2, () => Swarm(proxy, app).WithTraefik(new TraefikProxy(proxy, Net).WithEntryPoints(web)));
        },
        ["extra host address that is no IP"] = () => new("STK0216", "which is neither an IP address nor host-gateway", Line(), () => Stack(Safe("a").WithExtraHost(new ExtraHost("db", "not-an-ip")))),
    };

    public static TheoryData<string> Names => [.. Corpus.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Is_refused_at_its_line_and_leaves_generated_untouched(string name)
    {
        var bad = Corpus[name]();

        var (code, error, before, after) = CommandLineRun.After(() => Stack(Safe("previous")), bad.Build, _root);

        Assert.Equal(ExitCodes.Failed, code);
        var line = Assert.Single(error.Split('\n'), l => l.Contains($": error {bad.Id}: ", StringComparison.Ordinal));
        Assert.Contains(bad.Message, line, StringComparison.Ordinal);
        // A real source file gets a column (MSBuild's file(line,col)); the helper's made-up "Definition.cs" cannot.
        Assert.Matches($@"^(?:.*BadDefinitionTests\.cs\({bad.Line},\d+\)|Definition\.cs\({bad.Line}\)): error ", line);
        Assert.Equal(before, after);
    }
}
