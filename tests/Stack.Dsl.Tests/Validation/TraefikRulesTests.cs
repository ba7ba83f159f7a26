using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Validation;

/// <summary>STK0400: the forward-auth service's own router must not use that middleware.</summary>
public sealed class TraefikRulesTests
{
    private static readonly ForwardAuthMiddleware Sso = new("sso-proxy", $"http://authelia:9091/api/verify?rd=https://auth.{new Stack.Dsl.Values.Variable("BASE_HOST")}");

    private static List<StackDiagnostic> Loops(Service service) =>
        [.. StackValidator.Validate(new ComposeStack("s").WithServices(service)).Where(d => d.Id == "STK0400")];

    private static Router Portal(string name = "portal") => new Router(name).WithHost("auth.example.org").WithPort(9091).WithMiddlewares(Sso);

    [Fact]
    public void The_portal_behind_its_own_middleware_is_STK0400_at_the_router()
    {
        var router = new Router("portal").WithHost("auth.example.org").WithPort(9091).WithMiddlewares(Sso); var line = ThisLine();

        var loop = Assert.Single(Loops(Emit.Minimal("authelia").WithRouter(router)));

        Assert.Contains("Router 'portal' of service 'authelia' uses the forward-auth middleware 'sso-proxy', which calls 'authelia' itself", loop.Message, StringComparison.Ordinal);
        Assert.Equal(line, loop.Location.Line);
    }

    [Fact]
    public void A_container_name_counts_as_the_same_service() =>
        Assert.Single(Loops(Emit.Minimal("sso").WithContainerName("authelia").WithRouter(Portal())));

    [Theory]
    [InlineData("http://Authelia:9091/api/verify")]
    [InlineData("http://authelia.:9091/api/verify")]
    [InlineData("http://user:secret@authelia:9091/api/verify")]
    [InlineData("https://authelia/api/verify")]
    public void Case_a_trailing_dot_and_userinfo_do_not_hide_the_loop(string address)
    {
        var sso = new ForwardAuthMiddleware("sso", address);

        Assert.Single(Loops(Emit.Minimal("authelia").WithRouter(new Router("a").WithHost("a.example.org").WithPort(1).WithMiddlewares(sso))));
    }

    [Fact]
    public void Other_services_behind_the_middleware_are_fine() =>
        Assert.Empty(Loops(Emit.Minimal("whoami").WithRouter(Portal("whoami"))));

    [Fact]
    public void An_address_whose_host_is_a_variable_is_not_judged()
    {
        var sso = new ForwardAuthMiddleware("sso", $"http://{new Stack.Dsl.Values.Variable("SSO_HOST")}:9091/api/verify");

        Assert.Empty(Loops(Emit.Minimal("authelia").WithRouter(new Router("a").WithHost("a.example.org").WithPort(1).WithMiddlewares(sso))));
    }

    private static int ThisLine([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;
}
