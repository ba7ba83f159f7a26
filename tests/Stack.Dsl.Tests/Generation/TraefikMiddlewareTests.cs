using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;
using Stack.Testing;
using YamlDotNet.RepresentationModel;

namespace Stack.Dsl.Tests.Generation;

/// <summary>
/// Every typed middleware, written by both providers from one definition: the dynamic file, and
/// docker labels on a service (how Authelia's documentation wires Traefik).
/// </summary>
public sealed class TraefikMiddlewareTests
{
    private static readonly Network Edge = new("edge");
    private static readonly EntryPoint Https = new("websecure", 443);
    private static readonly Secret Htpasswd = Secret.FromFile("htpasswd", HostPath.Absolute("/srv/secrets/htpasswd"));
    private static readonly Variable Host = new("BASE_HOST");

    private static IReadOnlyList<Middleware> All()
    {
        var headers = HeadersMiddleware.Secure("secure") with
        {
            ContentSecurityPolicy = "default-src 'self'",
            CustomRequestHeaders = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("X-Forwarded-Proto", "https")]),
            AccessControlAllowOriginList = ["https://app.example.org", "https://admin.example.org"],
            AccessControlAllowMethods = ["GET", "POST"],
            AccessControlMaxAge = 600,
        };
        var strip = new StripPrefixMiddleware("strip", "/app", "/legacy");
        return
        [
            new ForwardAuthMiddleware("authelia", $"http://authelia:9091/api/authz/forward-auth?rd=https://auth.{Host}")
            {
                TrustForwardHeader = true,
                AuthResponseHeaders = ["Remote-User", "Remote-Groups", "Remote-Email", "Remote-Name"],
                MaxResponseBodySize = 1048576,
            },
            headers,
            new BasicAuthMiddleware("basic", Htpasswd) { Realm = "admin", RemoveHeader = true },
            strip,
            new AddPrefixMiddleware("prefix", "/api"),
            new RedirectSchemeMiddleware("to-https") { Port = 8443 },
            new ChainMiddleware("chain", headers, strip),
            new InFlightRequestsMiddleware("in-flight", 10),
            new RetryMiddleware("retry", 3) { InitialInterval = TimeSpan.FromMilliseconds(200) },
            new BufferingMiddleware("buffering") { MaxRequestBodyBytes = 10_000_000, MemRequestBodyBytes = 2_000_000 },
            new ErrorsMiddleware("errors", ["500-599"], new TraefikService("error-pages", 8080), "/{status}.html"),
            new CompressMiddleware("gzip"),
        ];
    }

    private static Service Proxy => Emit.Minimal("traefik").WithNetworks(Edge);

    private static ComposeStack FileStack() => new ComposeStack("demo")
        .WithTraefik(new TraefikProxy(Proxy, Edge).WithEntryPoints(Https))
        .WithSecrets(Htpasswd)
        .WithServices(Proxy, Emit.Minimal("app").WithNetworks(Edge).WithRouter(
            new Router("app").WithHost("app.example.org").WithEntryPoints(Https).WithMiddlewares(All()).WithPort(80)));

    private static ComposeStack DockerStack()
    {
        var auth = Emit.Minimal("auth").WithNetworks(Edge).WithMiddlewareLabels(All());
        return new ComposeStack("demo")
            .WithTraefik(new TraefikProxy(Proxy, Edge).WithEntryPoints(Https))
            .WithSecrets(Htpasswd)
            .WithServices(Proxy, auth, Emit.Minimal("app").WithNetworks(Edge).WithRouter(
                new Router("app").WithHost("app.example.org").WithEntryPoints(Https).WithMiddlewares(auth.DefinedMiddlewares).WithPort(80)));
    }

    [Fact]
    public void In_the_dynamic_file() => Snapshot.Match(Emit.Files(FileStack())["traefik.dynamic.yml"]);

    [Fact]
    public void As_docker_labels()
    {
        var compose = new YamlStream();
        compose.Load(new StringReader(Emit.Files(DockerStack())["docker-compose.yml"]));
        var labels = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)compose.Documents[0].RootNode)["services"])["auth"])["labels"];
        Snapshot.Match(string.Join('\n', labels.Children.Select(l => $"{l.Key}={l.Value}")) + "\n");
    }

    [Fact]
    public void Both_providers_say_the_same_options()
    {
        var files = Emit.Files(FileStack());
        var dynamic = new YamlStream();
        dynamic.Load(new StringReader(files["traefik.dynamic.yml"]));
        var fromFile = Flatten((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)dynamic.Documents[0].RootNode)["http"])["middlewares"], "traefik.http.middlewares");

        var compose = new YamlStream();
        compose.Load(new StringReader(Emit.Files(DockerStack())["docker-compose.yml"]));
        var labels = ((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)compose.Documents[0].RootNode)["services"])["auth"])["labels"]).Children
            .Where(l => ((YamlScalarNode)l.Key).Value!.StartsWith("traefik.http.middlewares.", StringComparison.Ordinal))
            .ToDictionary(l => ((YamlScalarNode)l.Key).Value!.ToLowerInvariant(), l => ((YamlScalarNode)l.Value).Value!);

        // Traefik reads label keys without case; the file's Go template actions and compose's ${VAR} stand for the same variable.
        Assert.Equal(
            fromFile.ToDictionary(e => e.Key.ToLowerInvariant(), e => e.Value.Replace("{{ env \"BASE_HOST\" }}", "${BASE_HOST}", StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal),
            labels.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void The_proxy_is_granted_the_basic_auth_users_file_it_reads()
    {
        var compose = Emit.Files(DockerStack())["docker-compose.yml"];
        var proxy = compose[compose.IndexOf("  traefik:", StringComparison.Ordinal)..];

        Assert.Contains("secrets:\n      - htpasswd", proxy, StringComparison.Ordinal);
        Assert.Contains("basicauth.usersFile=/run/secrets/htpasswd", string.Join('\n', Emit.Files(DockerStack())["docker-compose.yml"].Split('\n').Select(l => l.Trim().Replace(": ", "=", StringComparison.Ordinal))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_users_file_secret_the_stack_does_not_declare_is_STK0203()
    {
        var stack = FileStack() with { Secrets = [] };

        Assert.Contains(Stack.Dsl.Validation.StackValidator.Validate(stack), d => d.Id == "STK0203" && d.Message.Contains("reads its users from secret 'htpasswd'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_list_item_with_a_comma_cannot_become_two_labels()
    {
        var auth = Emit.Minimal("auth").WithNetworks(Edge).WithMiddlewareLabels(new StripPrefixMiddleware("strip", "/a,/b"));
        var stack = new ComposeStack("demo").WithTraefik(new TraefikProxy(Proxy, Edge).WithEntryPoints(Https)).WithServices(Proxy, auth);

        Assert.Contains(Stack.Dsl.Validation.StackValidator.Validate(stack), d => d.Id == "STK0401" && d.Message.Contains("lists '/a,/b', which holds ','", StringComparison.Ordinal));
    }

    [Fact]
    public void A_forward_auth_middleware_defined_by_docker_labels_counts_for_the_checklist()
    {
        var authelia = Emit.Minimal("authelia").WithNetworks(Edge).WithMiddlewareLabels(new ForwardAuthMiddleware("authelia", "http://authelia:9091/api/authz/forward-auth"));
        var sso = authelia.DefinedMiddlewares[0];
        var stack = new ComposeStack("demo")
            .WithTraefik(new TraefikProxy(Proxy, Edge).WithEntryPoints(Https))
            .WithServices(Proxy, authelia,
                Emit.Minimal("app").WithNetworks(Edge).WithRouter(new Router("app").WithHost("app.example.org").WithEntryPoints(Https).WithMiddlewares(sso).WithPort(80)),
                Emit.Minimal("open").WithNetworks(Edge).WithRouter(new Router("open").WithHost("open.example.org").WithEntryPoints(Https).WithPort(80)));

        var findings = Stack.Dsl.Validation.StackValidator.Validate(stack);

        Assert.Equal("authelia@docker", sso.Reference);
        Assert.DoesNotContain(findings, d => d.Id == "STK0401");
        Assert.Single(findings, d => d.Id == "STK0004");
        Assert.Contains(findings, d => d.Id == "STK0004" && d.Message.Contains("'open'", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Flatten(YamlNode node, string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (node)
        {
            case YamlMappingNode { Children.Count: 0 }:
                result[path] = "true";
                break;
            case YamlMappingNode mapping:
                foreach (var (key, child) in mapping.Children)
                {
                    foreach (var entry in Flatten(child, $"{path}.{((YamlScalarNode)key).Value}"))
                    {
                        result[entry.Key] = entry.Value;
                    }
                }

                break;
            case YamlSequenceNode sequence:
                result[path] = string.Join(',', sequence.Children.Cast<YamlScalarNode>().Select(s => s.Value));
                break;
            case YamlScalarNode scalar:
                result[path] = scalar.Value!;
                break;
        }

        return result;
    }
}
