using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Traefik;
using Stack.Dsl.Validation;
using Stack.Rules;

namespace Stack.Dsl.Tests;

/// <summary>The runtime side of the checklist: severity, locations, and the shared enum mirror.</summary>
public sealed class ChecklistRulesTests
{
    private static readonly Network Net = new("n");

    [Fact]
    public void The_shared_wait_conditions_mirror_the_DSL_enum()
    {
        foreach (var condition in Enum.GetValues<DependencyCondition>())
        {
            Assert.Equal(condition.ToString().Replace("Service", string.Empty, StringComparison.Ordinal), ((WaitCondition)(int)condition).ToString());
        }
    }

    [Fact]
    public void Checklist_findings_are_warnings_at_the_line_that_made_the_thing()
    {
        var service = new Service("gc").WithImage("docker-gc:1").WithNetworks(Net); var line = ThisLine();
        var diagnostic = Assert.Single(StackValidator.Validate(new ComposeStack("s").WithServices(service)));

        Assert.Equal(("STK0001", DiagnosticSeverity.Warning, line), (diagnostic.Id, diagnostic.Severity, diagnostic.Location.Line));
        Assert.Contains(": warning STK0001: Service 'gc' has no restart policy", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_do_not_stop_generation()
    {
        var stack = new ComposeStack("s").WithServices(new Service("gc").WithImage("docker-gc:1"), new Service("web").WithImage("nginx:1").WithRestart(RestartPolicy.No).WithNetworks(Net));

        var result = StackGenerator.Generate(stack, Emit.Options);

        Assert.True(result.Succeeded);
        Assert.Equal(["STK0001", "STK0002"], result.Diagnostics.Select(d => d.Id));
        Assert.Contains("gc:", result.Files[StackGenerator.ComposeFileName], StringComparison.Ordinal);
    }

    private static readonly EntryPoint Https = new("https", 443);

    private static Service Routed(string name, Router router) => new Service(name).WithImage("nginx:1").WithRestart(RestartPolicy.Always).WithNetworks(Net).WithRouter(router);

    private static IEnumerable<string> Ids(ComposeStack stack) => StackValidator.Validate(stack).Select(d => d.Id);

    [Fact]
    public void Without_a_Traefik_declaration_a_router_without_entrypoints_proves_nothing() =>
        Assert.DoesNotContain("STK0003", Ids(new ComposeStack("s").WithServices(Routed("a", new Router("a").WithHost("a.example").WithPort(80).WithPublicAccess("test")))));

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void With_a_declaration_STK0003_depends_on_its_default_entrypoints(bool httpsIsDefault, bool reported)
    {
        var proxy = new TraefikProxy(Routed("traefik", new Router("dashboard").WithHost("t.example").WithPort(8080).WithEntryPoints(Https).WithPublicAccess("test")), Net)
            .WithEntryPoints(httpsIsDefault ? Https.AsDefault() : Https);
        var stack = new ComposeStack("s").WithTraefik(proxy).WithServices(proxy.Service, Routed("a", new Router("a").WithHost("a.example").WithPort(80).WithPublicAccess("test")));

        Assert.Equal(reported, Ids(stack).Contains("STK0003"));
    }

    [Fact]
    public void Without_any_forward_auth_in_the_stack_STK0004_does_not_apply() =>
        Assert.DoesNotContain("STK0004", Ids(new ComposeStack("s").WithServices(Routed("a", new Router("a").WithHost("a.example").WithPort(80).WithEntryPoints(Https)))));

    [Fact]
    public void A_forward_auth_middleware_defined_by_docker_labels_counts_as_one()
    {
        // As Authelia's documentation wires Traefik: the middleware is labels on the auth container, used as authelia@docker.
        var authelia = Routed("authelia", new Router("authelia").WithHost("auth.example").WithPort(9091).WithEntryPoints(Https).WithPublicAccess("the login portal"))
            .WithLabel("traefik.http.middlewares.authelia.forwardauth.address", "http://authelia:9091/api/authz/forward-auth");
        var protectedApp = Routed("app", new Router("app").WithHost("app.example").WithPort(80).WithEntryPoints(Https).WithMiddlewares(new ExternalMiddleware("authelia", "docker")));
        var openApp = Routed("open", new Router("open").WithHost("open.example").WithPort(80).WithEntryPoints(Https)); var line = ThisLine();

        var missing = Assert.Single(StackValidator.Validate(new ComposeStack("s").WithServices(authelia, protectedApp, openApp)), d => d.Id == "STK0004");
        Assert.Contains("'open'", missing.Message, StringComparison.Ordinal);
        Assert.Equal(line, missing.Location.Line);
    }

    /// <summary>
    /// A file-provider middleware Stack cannot see (authelia@file) is the forward-auth when the user
    /// says so: routers using it, directly or through a chain, are behind single sign-on; the others are STK0004.
    /// </summary>
    [Theory]
    [InlineData(true, false, false)]
    [InlineData(true, true, false)]
    [InlineData(false, false, true)]
    public void An_external_middleware_said_to_be_forward_auth_counts_as_one(bool saidForwardAuth, bool throughChain, bool applies)
    {
        var external = new ExternalMiddleware("authelia", "file");
        Middleware authelia = saidForwardAuth ? external.AsForwardAuth() : external;
        Middleware used = throughChain ? new ChainMiddleware("secured", authelia, new HeadersMiddleware("h") { FrameDeny = true }) : authelia;
        var protectedApp = Routed("app", new Router("app").WithHost("app.example").WithPort(80).WithEntryPoints(Https).WithMiddlewares(used));
        var openApp = Routed("open", new Router("open").WithHost("open.example").WithPort(80).WithEntryPoints(Https));

        var missing = StackValidator.Validate(new ComposeStack("s").WithServices(protectedApp, openApp)).Where(d => d.Id == "STK0004").Select(d => d.Message).ToList();

        // Unsaid, Stack sees no single sign-on in the stack at all, so the item does not apply.
        Assert.Equal(saidForwardAuth ? 1 : 0, missing.Count);
        Assert.All(missing, m => Assert.Contains("'open'", m, StringComparison.Ordinal));
        Assert.Equal(applies, missing.Count == 0);
    }

    [Fact]
    public void A_stack_where_no_service_names_a_network_shares_the_default_network_without_warnings()
    {
        var stack = new ComposeStack("s").WithServices(
            new Service("web").WithImage("nginx:1").WithRestart(RestartPolicy.Always),
            new Service("db").WithImage("postgres:17").WithRestart(RestartPolicy.Always));

        Assert.DoesNotContain(StackGenerator.Generate(stack, Emit.Options).Diagnostics, d => d.Id == "STK0002");
    }

    [Fact]
    public void Stated_intent_satisfies_every_rule()
    {
        var job = new Service("migrate").WithImage("app:1").WithNetworkMode(NetworkMode.None).AsOneShot();
        var cache = new Service("cache").WithImage("redis:7").WithNetworks(Net).WithRestart(RestartPolicy.No);
        var app = new Service("app").WithImage("app:1").WithNetworks(Net).WithRestart(RestartPolicy.Always)
            .DependsOn(job, DependencyCondition.ServiceCompletedSuccessfully)
            .DependsOn(cache, DependencyCondition.ServiceStarted, reason: "redis is ready when it listens")
            .WithRouter(new Router("app").WithHost("app.example.org").WithPort(80)
                .OnDefaultEntryPoints("websecure is asDefault in the static config")
                .WithPublicAccess("a public web site"));

        Assert.Empty(StackValidator.Validate(new ComposeStack("s").WithServices(job, cache, app)));
        Assert.Equal(RestartPolicy.No, job.Restart);
    }

    [Fact]
    public void Blank_reasons_are_rejected()
    {
        var router = new Router("app");

        Assert.Throws<ArgumentException>(() => router.WithPublicAccess(" "));
        Assert.Throws<ArgumentException>(() => router.OnDefaultEntryPoints(string.Empty));
        Assert.Throws<ArgumentException>(() => new Service("a").DependsOn(new Service("b"), DependencyCondition.ServiceStarted, reason: ""));
    }

    private static int ThisLine([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;
}
