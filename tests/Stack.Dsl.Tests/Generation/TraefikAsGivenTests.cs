using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Generation;

/// <summary>What real label sets say, held by the model as given: no option added, names checked against Traefik's grammar.</summary>
public sealed class TraefikAsGivenTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public void A_redirect_scheme_writes_permanent_only_when_given(bool? permanent, string? written)
    {
        var redirect = new RedirectSchemeMiddleware("to-https", "https", permanent).ViaDockerLabels();

        var yaml = Emit.Yaml(new ComposeStack("s").WithServices(Emit.Minimal("app").WithMiddlewareLabels(redirect)));

        Assert.Contains("traefik.http.middlewares.to-https.redirectscheme.scheme: https", yaml, StringComparison.Ordinal);
        if (written is null)
        {
            Assert.DoesNotContain("permanent", yaml, StringComparison.Ordinal);
        }
        else
        {
            var line = Assert.Single(yaml.Split('\n'), l => l.Contains("redirectscheme.permanent", StringComparison.Ordinal));
            Assert.Equal(written, line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('"', '\''));
        }
    }

    /// <summary>With a second service defined by a hand-written label, Traefik pairs no router by itself: the router names its own.</summary>
    [Fact]
    public void A_router_names_its_service_when_a_label_defines_another()
    {
        var app = Emit.Minimal("app").WithRouter(new Router("app").WithHost("a.example.org").WithPort(80));

        Assert.DoesNotContain("traefik.http.routers.app.service", Emit.Yaml(new ComposeStack("s").WithServices(app)), StringComparison.Ordinal);
        Assert.Contains(
            "traefik.http.routers.app.service: app",
            Emit.Yaml(new ComposeStack("s").WithServices(app.WithLabel("traefik.http.services.other.loadbalancer.server.port", "81"))),
            StringComparison.Ordinal);
    }

    /// <summary>Only a second service by name counts: labels about the router's own service, or several about one other, are one more at most.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(false, "traefik.http.services.app.loadbalancer.server.scheme")]
    [InlineData(false, "traefik.http.services.app.loadbalancer.server.scheme", "Traefik.HTTP.Services.app.loadbalancer.passhostheader")]
    [InlineData(false, "traefik.http.routers.app.tls", "traefik.http.services")]
    [InlineData(true, "traefik.http.services.other.loadbalancer.server.port")]
    [InlineData(true, "traefik.http.services.app.loadbalancer.server.scheme", "traefik.http.services.other.loadbalancer.server.port")]
    [InlineData(true, "traefik.http.services.other.loadbalancer.server.port", "traefik.http.services.third.loadbalancer.server.port")]
    [InlineData(true, "traefik.http.services.App.loadbalancer.server.scheme")]
    public void A_router_names_its_service_only_when_the_labels_define_a_second_one(bool named, params string[] labels)
    {
        var app = Emit.Minimal("app").WithRouter(new Router("app").WithHost("a.example.org").WithPort(80));
        foreach (var label in labels)
        {
            app = app.WithLabel(label, label.EndsWith("port", StringComparison.Ordinal) ? "81" : "http");
        }

        Assert.Equal(named, Emit.Yaml(new ComposeStack("s").WithServices(app)).Contains("traefik.http.routers.app.service: app", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("auth.x", "file")]
    [InlineData("auth", "fi,le")]
    [InlineData("a@b", "docker")]
    [InlineData("a b", "file")]
    public void A_middleware_name_outside_traefiks_grammar_is_STK0201(string name, string provider)
    {
        var router = new Router("app").WithHost("a.example.org").WithPort(80).WithMiddlewares(new ExternalMiddleware(name, provider));

        var finding = Assert.Single(StackValidator.Validate(new ComposeStack("s").WithServices(Emit.Minimal("app").WithRouter(router))), d => d.Id == "STK0201");

        Assert.Contains($"middleware of router 'app' '{name}@{provider}' is not valid", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_middleware_defined_by_labels_with_a_dot_in_its_name_is_STK0201()
    {
        var service = Emit.Minimal("app").WithMiddlewareLabels(new CompressMiddleware("gzip.all"));

        Assert.Contains(StackValidator.Validate(new ComposeStack("s").WithServices(service)), d => d.Id == "STK0201" && d.Message.Contains("'gzip.all'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rate_limit_made_without_a_period_writes_none_and_one_with_writes_it()
    {
        var bare = new RateLimitMiddleware("bare", 50, 100).ViaDockerLabels();
        var timed = new RateLimitMiddleware("timed", 50, 100, TimeSpan.FromMinutes(1)).ViaDockerLabels();

        var yaml = Emit.Yaml(new ComposeStack("s").WithServices(Emit.Minimal("app").WithMiddlewareLabels(bare, timed)));

        Assert.Contains("traefik.http.middlewares.bare.ratelimit.average: '50'", yaml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("traefik.http.middlewares.bare.ratelimit.period", yaml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("traefik.http.middlewares.timed.ratelimit.period: 1m", yaml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Custom_headers_are_written_by_name()
    {
        var headers = new HeadersMiddleware("hdr").WithRequestHeader("X-Forwarded-Proto", "https").WithResponseHeader("X-Robots-Tag", "none").ViaDockerLabels();

        var yaml = Emit.Yaml(new ComposeStack("s").WithServices(Emit.Minimal("app").WithMiddlewareLabels(headers)));

        Assert.Contains("traefik.http.middlewares.hdr.headers.customRequestHeaders.X-Forwarded-Proto: https", yaml, StringComparison.Ordinal);
        Assert.Contains("traefik.http.middlewares.hdr.headers.customResponseHeaders.X-Robots-Tag: none", yaml, StringComparison.Ordinal);
    }
}
