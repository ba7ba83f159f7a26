using System.Reflection;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Environments;
using Stack.Dsl.Generation;
using Stack.Dsl.Generation.Environments;
using Stack.Dsl.Tests.Validation;
using Stack.Dsl.Traefik;
using Stack.Dsl.Validation;
using Stack.Dsl.Values;
using Stack.Rules;

namespace Stack.Dsl.Tests.Environments;

/// <summary>
/// Every rule runs on every environment's stack and says which environment. The enumeration: any
/// bad stack an environment turns a clean definition into gets the same findings the bad stack
/// gets as a definition, each prefixed with the environment, for a corpus that holds every rule ID.
/// </summary>
public sealed class EveryRulePerEnvironmentTests : IDisposable
{
    private static readonly Network Net = new("n");
    private static readonly Network Edge = new("edge");
    private static readonly EntryPoint Https = new("https", 443);
    private static readonly ForwardAuthMiddleware Sso = new("sso", "http://authelia:9091/api/authz/forward-auth");

    private readonly string _project = Directory.CreateTempSubdirectory("stack-env-rules-").FullName;

    public void Dispose() => Directory.Delete(_project, recursive: true);

    /// <summary>
    /// Not findings about a built stack: the importer's own refusal, and a definition (or an
    /// environment's function) that throws while it is built, which the command line reports
    /// (StackCliTests.An_environment_that_throws_is_one_line_at_the_users_call).
    /// </summary>
    private static readonly string[] NotAboutAStack = [RuleIds.ImportRefused, RuleIds.InvalidArgument];

    private static Service Ok(string name) => new Service(name).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net);

    private static ComposeStack OnSwarm(params Service[] services) => new ComposeStack("w").WithTargets(DeployTarget.Compose, DeployTarget.Swarm).WithServices(services);

    private static Router Route(string name) => new Router(name).WithHost($"{name}.example.org").WithEntryPoints(Https).WithPort(80);

    private static ComposeStack WithProxy(params Service[] services)
    {
        var proxy = Ok("traefik").WithNetworks(Edge).WithVolume(new Volume("certificates").WithBackup(VolumeBackup.Files()), "/letsencrypt");
        return new ComposeStack("w").WithTraefik(new TraefikProxy(proxy, Edge).WithEntryPoints(Https)).WithServices([proxy, .. services]);
    }

    /// <summary>A stack breaking each rule the bad-definition corpus (errors) does not hold: the checklist, backups, Traefik wiring, warnings.</summary>
    private static readonly Dictionary<string, Func<ComposeStack>> MoreCases = new()
    {
        ["STK0001"] = () => new ComposeStack("w").WithServices(Ok("a") with { Restart = null }),
        ["STK0002"] = () => new ComposeStack("w").WithServices(Ok("a"), Ok("b") with { Networks = [] }),
        ["STK0003"] = () => WithProxy(Ok("a").WithNetworks(Edge).WithRouter(new Router("a").WithHost("a.example.org").WithPort(80).WithPublicAccess("test"))),
        ["STK0004"] = () => new ComposeStack("w").WithServices(Ok("a").WithRouter(Route("a").WithMiddlewares(Sso)), Ok("b").WithRouter(Route("b"))),
        ["STK0005"] = () => { var db = Ok("db"); return new ComposeStack("w").WithServices(db, Ok("a").DependsOn(db, DependencyCondition.ServiceStarted)); },
        ["STK0108"] = () => new ComposeStack("w").WithServices(Ok("a").WithPrivileged().AcceptRisk(SecurityRisk.HostPrivilege, "imported as is")),
        ["STK0205"] = () => new ComposeStack("w").WithServices(Ok("a").WithBind(HostPath.InProject("missing.toml"), "/etc/app.toml", readOnly: true)),
        ["STK0214"] = () => new ComposeStack("w").WithServices(Ok("a").WithUser(new Variable("APP_USER"))),
        ["STK0300"] = () => new ComposeStack("w").WithServices(Ok("a").WithVolume(new Volume("data"), "/data")),
        ["STK0301"] = () =>
        {
            var runner = Ok("backup").WithBind(HostPath.Absolute("/var/lib/docker/volumes"), "/docker/volumes");
            var dump = new Volume("dump").WithBackup(VolumeBackup.Never("test"));
            var data = new Volume("data").WithBackup(VolumeBackup.ThroughDump("dump", "restore", dump));
            return new ComposeStack("w").WithBackups(new BackupPlan(runner)).WithServices(runner, Ok("db").WithVolume(data, "/data").WithVolume(dump, "/dump"));
        },
        ["STK0302"] = () =>
        {
            var runner = Ok("backup").WithBind(HostPath.Absolute("/var/lib/docker/volumes"), "/docker/volumes");
            var shared = new Volume("shared").WithBackup(VolumeBackup.Files(prepare: "sync"));
            return new ComposeStack("w").WithBackups(new BackupPlan(runner)).WithServices(runner, Ok("a").WithVolume(shared, "/s"), Ok("b").WithVolume(shared, "/s"));
        },
        ["STK0303"] = () => new ComposeStack("w").WithServices(Ok("a").WithVolume(new Volume("data").WithBackup(VolumeBackup.Files(prepare: "save")), "/data")),
        ["STK0400"] = () => new ComposeStack("w").WithServices(Ok("authelia").WithRouter(Route("portal").WithMiddlewares(Sso))),
        ["STK0401"] = () => WithProxy(Ok("a").WithNetworks(Edge).WithRouter(Route("a").WithMiddlewares(new ExternalMiddleware("by-hand", "file")).WithPublicAccess("test"))),
        ["STK0402"] = () => WithProxy(Ok("a").WithNetworks(Edge).WithRouter(Route("a").WithEntryPoints(new EntryPoint("websecure", 8443)).WithPublicAccess("test"))),
        ["STK0403"] = () => WithProxy((Ok("a") with { Networks = [] }).WithNetworks(new Network("island")).WithRouter(Route("a").WithPublicAccess("test"))),
        ["STK0404"] = () => WithProxy(Ok("a").WithNetworks(new Network("back")).WithRouter(Route("a").WithPublicAccess("test"))),
        ["STK0503"] = () => OnSwarm(Ok("a").WithContainerName("a")),
        ["STK0504"] = () => { var db = Ok("db").WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("probe"))); return OnSwarm(db, Ok("a").DependsOn(db, DependencyCondition.ServiceHealthy)); },
        ["STK0505"] = () => OnSwarm(Ok("a").WithVolume(new Volume("data").WithBackup(VolumeBackup.Files()), "/data")),
        ["STK0506"] = () => { var runner = Ok("backup").WithImage("mazzolino/restic:1.7.2"); return OnSwarm(runner).WithBackups(new BackupPlan(runner)); },
        ["STK0540"] = () => OnSwarm(Ok("a").WithPullPolicy(PullPolicy.Always)),
        ["STK0405"] = () => WithProxy(Ok("a").WithNetworks(Edge).WithRouter(Route("a").WithTls(new CertResolver("staging")).WithPublicAccess("test"))),
    };

    /// <summary>Every bad stack of both corpora, by name.</summary>
    private static IEnumerable<(string Name, Func<ComposeStack> Build)> Cases() =>
        BadDefinitionTests.Corpus.Select(c => ($"bad definition: {c.Key}", c.Value().Build))
            .Concat(MoreCases.Select(c => ($"more: {c.Key}", c.Value)));

    private IReadOnlyList<StackDiagnostic> InEnvironment(ComposeStack definition) =>
        EnvironmentValidation.Validate(definition, EnvironmentFiles.Resolve(definition), _project);

    /// <summary>The whole pipeline: the validator and the checks made while rendering (STK0214).</summary>
    private IReadOnlyList<StackDiagnostic> Generate(ComposeStack stack) =>
        StackGenerator.Generate(stack, Emit.Options with { ProjectDirectory = _project }).Diagnostics;

    [Fact]
    public void Every_rule_finds_in_an_environment_what_it_finds_in_a_definition()
    {
        var clean = new ComposeStack("w").WithServices(Ok("clean"));
        Assert.Empty(Generate(clean));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var (name, build) in Cases())
        {
            ComposeStack bad;
            try
            {
                bad = build();
            }
            catch (ArgumentException)
            {
                continue; // refused as it is built, before any validator: the CLI's one error line, in an environment too (StackCliTests)
            }

            if (!bad.Environments.IsEmpty)
            {
                continue; // a case about environments already
            }

            var asDefinition = Generate(bad);
            Assert.True(asDefinition.Count > 0, $"{name}: the bad stack has no finding at all");
            var environment = new StackEnvironment("broken", _ => bad);
            // A second, clean environment: the base file is what both share, so the bad part is the broken one's override.
            var found = Generate(clean.WithEnvironments(environment, new StackEnvironment("fine", stack => stack)));

            foreach (var expected in asDefinition)
            {
                seen.Add(expected.Id);
                var message = $"In environment 'broken' ({environment.Location}): {expected.Message}";
                if (!found.Any(d => d.Id == expected.Id && d.Severity == expected.Severity && (d.Location == expected.Location || d.Location == environment.Location) && d.Message == message))
                {
                    failures.Add($"{name}: {expected.Id} not reported in the environment: {expected.Message}; found: {string.Join(" | ", found.Where(d => d.Id == expected.Id).Select(d => $"{d.Location}: {d.Message}"))}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The corpus covers every rule: a new rule without a case here fails.
        var every = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).Except(NotAboutAStack);
        Assert.Empty(every.Except(seen).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_environment_that_strips_every_forward_auth_middleware_is_STK0004_on_each_router_there()
    {
        var definition = new ComposeStack("w").WithServices(
            Ok("a").WithRouter(Route("a").WithMiddlewares(Sso)),
            Ok("b").WithRouter(Route("b").WithMiddlewares(new ChainMiddleware("secured", Sso, new HeadersMiddleware("h") { FrameDeny = true }))),
            Ok("blog").WithRouter(Route("blog").WithPublicAccess("the public blog")));
        Assert.DoesNotContain(StackValidator.Validate(definition), d => d.Id == "STK0004");
        var open = new StackEnvironment("open", stack => stack.MapServices(s => s.MapRouters(r => r with { Middlewares = [] })));

        var found = InEnvironment(definition.WithEnvironments(open)).Where(d => d.Id == "STK0004").ToList();

        Assert.Equal(["a", "b"], found.Select(d => d.Message.Split('\'')[3]).Order(StringComparer.Ordinal));
        Assert.All(found, d => Assert.StartsWith($"In environment 'open' ({open.Location}): Router '", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_environment_that_strips_a_docker_labels_forward_auth_is_STK0004_through_the_command_line()
    {
        var authelia = Ok("authelia").WithRouter(Route("authelia").WithPublicAccess("the login portal"))
            .WithLabel("traefik.http.middlewares.authelia.forwardauth.address", "http://authelia:9091/api/authz/forward-auth");
        var definition = new ComposeStack("w").WithServices(authelia, Ok("a").WithRouter(Route("a").WithMiddlewares(new ExternalMiddleware("authelia", "docker"))))
            .WithEnvironments(new StackEnvironment("dev", stack => stack with { Services = [.. stack.Services.Where(s => s.Name != "authelia").Select(s => s.MapRouters(r => r with { Middlewares = [] }))] }));

        var result = StackGenerator.Generate(definition, Emit.Options);

        Assert.Contains(result.Diagnostics, d => d.Id == "STK0004" && d.Message.StartsWith("In environment 'dev' (", StringComparison.Ordinal) && d.Message.Contains("Router 'a'", StringComparison.Ordinal));
    }
}
