using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// STK0004 in a split stack: Authelia (and often Traefik) run in another compose project, so this
/// stack defines no forward-auth of its own; the definition declares the other project's one and
/// every router is judged against it.
/// </summary>
public sealed class SplitStackSsoTests
{
    private static readonly Network Shared = new("proxy") { External = true };
    private static readonly EntryPoint Https = new("https", 443);

    private static Service App(string name, Router router) =>
        new Service(name).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Shared).WithRouter(router);

    private static Router Route(string name) => new Router(name).WithHost($"{name}.example.org").WithEntryPoints(Https).WithPort(80);

    private static List<StackDiagnostic> Unprotected(ComposeStack stack) => [.. StackValidator.Validate(stack).Where(d => d.Id == "STK0004")];

    private static ComposeStack TenDashboards() =>
        new ComposeStack("apps").WithServices(Enumerable.Range(1, 10).Select(i => App($"dash{i}", Route($"dash{i}"))));

    [Theory]
    [InlineData("docker")]
    [InlineData("file")]
    public void Ten_dashboards_in_a_stack_declaring_another_projects_forward_auth_are_each_STK0004(string provider)
    {
        var stack = TenDashboards().WithForwardAuth(new ExternalMiddleware("authelia", provider));

        var found = Unprotected(stack);

        Assert.Equal(10, found.Count);
        Assert.All(found, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"dash{i}").Order(StringComparer.Ordinal), found.Select(d => d.Message.Split('\'')[1]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_the_declaration_a_stack_with_no_forward_auth_is_not_judged() =>
        Assert.Empty(Unprotected(TenDashboards()));

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Routers_using_the_declared_middleware_are_protected_said_or_not_directly_or_in_a_chain(bool said, bool throughChain)
    {
        var external = new ExternalMiddleware("Authelia", "docker");
        Middleware authelia = said ? external.AsForwardAuth() : external;
        Middleware used = throughChain ? new ChainMiddleware("secured", authelia, new HeadersMiddleware("h") { FrameDeny = true }) : authelia;
        var stack = new ComposeStack("apps").WithForwardAuth(new ExternalMiddleware("authelia", "docker"))
            .WithServices(App("app", Route("app").WithMiddlewares(used)), App("open", Route("open")), App("blog", Route("blog").WithPublicAccess("the public blog")));

        var found = Assert.Single(Unprotected(stack));

        Assert.Contains("Router 'open'", found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_middleware_of_the_same_name_from_another_provider_is_not_the_declared_one()
    {
        var stack = new ComposeStack("apps").WithForwardAuth(new ExternalMiddleware("authelia", "docker"))
            .WithServices(App("app", Route("app").WithMiddlewares(new ExternalMiddleware("authelia", "kubernetes"))));

        Assert.Single(Unprotected(stack));
    }

    /// <summary>A docker-provider forward-auth said with AsForwardAuth on a router (no labels in this stack define it) makes the stack one with single sign-on.</summary>
    [Fact]
    public void A_docker_provider_external_said_to_be_forward_auth_on_one_router_judges_the_others()
    {
        var authelia = new ExternalMiddleware("authelia", "docker").AsForwardAuth();
        var stack = new ComposeStack("apps").WithServices(App("app", Route("app").WithMiddlewares(authelia)), App("open", Route("open")));

        Assert.Contains("Router 'open'", Assert.Single(Unprotected(stack)).Message, StringComparison.Ordinal);
        Assert.Empty(Unprotected(new ComposeStack("apps").WithServices(App("app", Route("app").WithMiddlewares(new ExternalMiddleware("authelia", "docker"))), App("open", Route("open")))));
    }

    /// <summary>Traefik in this stack, Authelia's labels in another project on the same engine: the declared docker middleware is defined there (no STK0401).</summary>
    [Fact]
    public void The_declared_docker_middleware_counts_as_defined_for_a_proxy_in_this_stack()
    {
        var proxy = new Service("traefik").WithImage("traefik:v3.1").WithRestart(RestartPolicy.Always).WithNetworks(Shared)
            .WithVolume(new Volume("certificates").WithBackup(VolumeBackup.Files()), "/letsencrypt");
        ComposeStack Stack() => new ComposeStack("apps").WithTraefik(new TraefikProxy(proxy, Shared).WithEntryPoints(Https))
            .WithServices(proxy, App("app", Route("app").WithMiddlewares(new ExternalMiddleware("authelia", "docker"))));

        Assert.Contains(StackValidator.Validate(Stack()), d => d.Id == "STK0401" && d.Message.Contains("'authelia@docker', which nothing defines", StringComparison.Ordinal));
        Assert.DoesNotContain(StackValidator.Validate(Stack().WithForwardAuth(new ExternalMiddleware("authelia", "docker"))), d => d.Id is "STK0401" or "STK0004");
    }
}
