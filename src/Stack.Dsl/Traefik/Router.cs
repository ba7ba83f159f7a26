using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;
using Stack.Dsl.Values;

namespace Stack.Dsl.Traefik;

/// <summary>
/// A Traefik HTTP router on a service: which requests it takes (rule), on which entrypoints,
/// with which TLS resolver and middlewares, and which port it forwards to. The DSL writes the
/// <c>traefik.*</c> labels; a service may have several routers.
/// </summary>
public sealed record Router
{
    /// <summary>Creates a router.</summary>
    /// <param name="name">The router's name in Traefik (unique across the stack).</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Router(string name, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        createdAt = new SourceLocation(filePath, line, "new");
        helperCall = Locations.HelperCallSite.Capture(createdAt);
    }

    private readonly SourceLocation createdAt;
    private readonly Locations.HelperCallSite? helperCall;

    /// <summary>The router's name.</summary>
    public string Name { get; }

    /// <summary>
    /// Where the router was created: the line of <c>new Router(...)</c>, or, when a helper with
    /// parameters made it (<c>ForSubdomain("a", "apps")</c>), the line that called the helper.
    /// </summary>
    public SourceLocation Location => helperCall?.Location ?? createdAt;

    /// <summary>Which requests the router takes.</summary>
    public RouterRule? Rule { get; init; }

    /// <summary>The entrypoints it listens on; empty means Traefik's default entrypoints.</summary>
    public ImmutableArray<EntryPoint> EntryPoints { get; init; } = [];

    /// <summary>The resolver that issues its TLS certificate; unset means no TLS section.</summary>
    public CertResolver? CertResolver { get; init; }

    /// <summary>Middlewares, applied in order.</summary>
    public ImmutableArray<Middleware> Middlewares { get; init; } = [];

    /// <summary>The load-balancer service it forwards to.</summary>
    public TraefikService? Service { get; init; }

    /// <summary>Whether TLS is served with a certificate Traefik already has (<c>tls: true</c>; see <see cref="WithTls()"/>).</summary>
    public bool TlsFromStore { get; init; }

    /// <summary>The TLS options set (<c>tls.options</c>).</summary>
    public string? TlsOptions { get; init; }

    /// <summary>The domains to get certificates for (<c>tls.domains</c>).</summary>
    public ImmutableArray<TlsDomain> TlsDomains { get; init; } = [];

    /// <summary>The router's priority (<c>priority</c>).</summary>
    public int? Priority { get; init; }

    /// <summary>Whether the router serves TLS at all.</summary>
    public bool ServesTls => CertResolver is not null || TlsFromStore || TlsOptions is not null || !TlsDomains.IsDefaultOrEmpty;

    /// <summary>Why the router relies on Traefik's default entrypoints (STK0003); labels are unchanged.</summary>
    public string? DefaultEntryPointsReason { get; init; }

    /// <summary>Why the router serves without forward-auth (STK0004); labels are unchanged.</summary>
    public string? PublicAccessReason { get; init; }

    /// <summary>Relies on Traefik's default entrypoints (<c>asDefault</c>) on purpose, instead of naming them.</summary>
    /// <param name="reason">Why; kept in the model, so the runtime check sees the choice too.</param>
    public Router OnDefaultEntryPoints(string reason) => this with { DefaultEntryPointsReason = RequireReason(reason) };

    /// <summary>Serves without the forward-auth (Authelia) middleware on purpose: a login portal, a public site.</summary>
    /// <param name="reason">Why; kept in the model, so the runtime check sees the choice too.</param>
    public Router WithPublicAccess(string reason) => this with { PublicAccessReason = RequireReason(reason) };

    /// <summary>Sets the rule.</summary>
    public Router WithRule(RouterRule rule) => this with { Rule = rule ?? throw new ArgumentNullException(nameof(rule)) };

    /// <summary>Sets the rule to <c>Host(`host`)</c>.</summary>
    public Router WithHost(ComposeString host) => WithRule(RouterRule.Host(host));

    /// <summary>Adds entrypoints.</summary>
    public Router WithEntryPoints(params IEnumerable<EntryPoint> entryPoints) => this with { EntryPoints = EntryPoints.AddRange(entryPoints) };

    /// <summary>Listens on exactly <paramref name="entryPoints"/>, replacing any named before (for an environment).</summary>
    public Router OnlyOnEntryPoints(params IEnumerable<EntryPoint> entryPoints) => this with { EntryPoints = [.. entryPoints] };

    /// <summary>Serves without TLS: no certificate resolver (for a local environment).</summary>
    public Router WithoutTls() => this with { CertResolver = null, TlsFromStore = false, TlsOptions = null, TlsDomains = [] };

    /// <summary>Issues the router's certificate through <paramref name="resolver"/>.</summary>
    public Router WithTls(CertResolver resolver) => this with { CertResolver = resolver ?? throw new ArgumentNullException(nameof(resolver)) };

    /// <summary>
    /// Serves TLS with a certificate Traefik already has (its default store, or a file-provider
    /// certificate such as a wildcard), not one a resolver fetches (<c>tls: true</c>).
    /// </summary>
    public Router WithTls() => this with { TlsFromStore = true };

    /// <summary>Uses a named TLS options set (minimum version, cipher suites) defined in Traefik's dynamic config (<c>tls.options</c>).</summary>
    public Router WithTlsOptions(string options) => this with { TlsOptions = options ?? throw new ArgumentNullException(nameof(options)) };

    /// <summary>Asks the resolver for a certificate for <paramref name="main"/> and its alternative names (<c>tls.domains</c>): a wildcard through a DNS challenge, say.</summary>
    public Router WithTlsDomain(string main, params IEnumerable<string> sans) =>
        this with { TlsDomains = TlsDomains.Add(new TlsDomain(main ?? throw new ArgumentNullException(nameof(main))) { Sans = [.. sans] }) };

    /// <summary>Decides between routers whose rules both match (<c>priority</c>; higher wins; unset is the rule's length).</summary>
    public Router WithPriority(int priority) => this with { Priority = priority };

    /// <summary>Adds middlewares, applied in the order given.</summary>
    public Router WithMiddlewares(params IEnumerable<Middleware> middlewares) => this with { Middlewares = Middlewares.AddRange(middlewares) };

    /// <summary>Forwards to container port <paramref name="port"/> through a service named after the router.</summary>
    public Router WithPort(int port) => WithService(new TraefikService(Name, port));

    /// <summary>Forwards to <paramref name="service"/> (for example one shared with another router).</summary>
    public Router WithService(TraefikService service) => this with { Service = service ?? throw new ArgumentNullException(nameof(service)) };

    private static string RequireReason(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("A reason must say something.", nameof(reason)) : reason;
}
