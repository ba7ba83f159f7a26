using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;
using Stack.Dsl.Locations;
using Stack.Dsl.Values;

namespace Stack.Dsl.Traefik;

/// <summary>
/// A Traefik HTTP middleware. Routers refer to it as <c>name@provider</c>; by default the
/// provider is <c>file</c>, Traefik's dynamic configuration file.
/// </summary>
public abstract record Middleware
{
    private protected Middleware(string name, string provider, Origin origin)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        Name = name;
        Provider = provider;
        this.origin = origin;
    }

    // Not part of equality (an origin equals every other): one middleware written on two lines is one middleware.
    private readonly Origin origin;

    /// <summary>
    /// Where the middleware was written: the line of its <c>new</c>, or the user's call into the
    /// helper with parameters that made it. Its findings are reported here, wherever it is added.
    /// </summary>
    public SourceLocation Location => origin.Location;

    /// <summary>The middleware's name.</summary>
    public string Name { get; }

    /// <summary>The provider that defines it.</summary>
    public string Provider { get; private init; }

    /// <summary>How routers refer to it: <c>name@provider</c>.</summary>
    public string Reference => $"{Name}@{Provider}";

    /// <summary>
    /// The same middleware defined by docker labels on a service (<see cref="Compose.Service.WithMiddlewareLabels"/>)
    /// instead of Traefik's dynamic file, and referred to as <c>name@docker</c>: how Authelia's
    /// documentation wires Traefik.
    /// </summary>
    public Middleware ViaDockerLabels() => this is ExternalMiddleware
        ? throw new InvalidOperationException($"'{Reference}' is defined elsewhere; only a typed middleware can be written as labels.")
        : this with { Provider = "docker" };

    /// <summary>Traefik's type name (<c>forwardAuth</c>) and options, or null for a middleware defined elsewhere.</summary>
    internal virtual MiddlewareDefinition? Definition(MiddlewareText text) => null;
}

/// <summary>
/// Forward authentication: Traefik asks an SSO service (Authelia) whether each request may pass.
/// This is the middleware that puts a service behind single sign-on.
/// </summary>
public sealed record ForwardAuthMiddleware : Middleware
{
    internal override MiddlewareDefinition Definition(MiddlewareText text)
    {
        var options = new MiddlewareOptions(text)
            .Add("address", text.Templated(Address))
            .Add("trustForwardHeader", TrustForwardHeader)
            .AddList("authResponseHeaders", AuthResponseHeaders)
            .AddList("authRequestHeaders", AuthRequestHeaders)
            .Add("maxResponseBodySize", MaxResponseBodySize)
            .Add("tls", InsecureSkipVerify ? new MiddlewareOptions(text).Add("insecureSkipVerify", true).Build() : null);
        return new("forwardAuth", options.Build());
    }

    /// <summary>Creates a forward-auth middleware.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="address">The verification endpoint Traefik calls.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public ForwardAuthMiddleware(string name, ComposeString address, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : base(name, "file", Origin.Capture(filePath, line)) => Address = address ?? throw new ArgumentNullException(nameof(address));

    /// <summary>The verification endpoint.</summary>
    public ComposeString Address { get; }

    /// <summary>Whether to trust the <c>X-Forwarded-*</c> headers of incoming requests.</summary>
    public bool TrustForwardHeader { get; init; }

    /// <summary>Headers copied from the SSO answer into the forwarded request.</summary>
    public ImmutableArray<string> AuthResponseHeaders { get; init; } = [];

    /// <summary>Request headers passed to the auth server; unset passes all (<c>authRequestHeaders</c>).</summary>
    public ImmutableArray<string> AuthRequestHeaders { get; init; } = [];

    /// <summary>The largest auth response body read, in bytes; unset is Traefik's default, no limit (<c>maxResponseBodySize</c>).</summary>
    public long? MaxResponseBodySize { get; init; }

    /// <summary>Whether the auth server's certificate goes unchecked (<c>tls.insecureSkipVerify</c>); only for a self-signed server on a private network.</summary>
    public bool InsecureSkipVerify { get; init; }
}

/// <summary>A rate limiter: <see cref="Average"/> requests per <see cref="Period"/>, bursts up to <see cref="Burst"/>.</summary>
public sealed record RateLimitMiddleware : Middleware
{
    internal override MiddlewareDefinition Definition(MiddlewareText text) => new("rateLimit", new MiddlewareOptions(text)
        .Add("average", Average)
        .Add("burst", Burst)
        .Add("period", WritesPeriod ? text.Literal(Generation.DurationFormat.Format(Period)) : null)
        .Add("sourceCriterion", SourceIpDepth is { } depth ? new MiddlewareOptions(text).Add("ipStrategy", new MiddlewareOptions(text).Add("depth", depth).Build()).Build() : null)
        .Build());

    /// <summary>Creates a rate limiter over Traefik's default period, one second, which it does not write (as labels that give no period say).</summary>
    /// <param name="name">Its name.</param>
    /// <param name="average">Allowed requests per second, on average.</param>
    /// <param name="burst">Allowed requests in one burst.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public RateLimitMiddleware(string name, int average, int burst, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : this(name, average, burst, TimeSpan.FromSeconds(1), filePath, line)
    {
        WritesPeriod = false;
    }

    /// <summary>Creates a rate limiter.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="average">Allowed requests per period, on average.</param>
    /// <param name="burst">Allowed requests in one burst.</param>
    /// <param name="period">The period the average is measured over.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public RateLimitMiddleware(string name, int average, int burst, TimeSpan period, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : base(name, "file", Origin.Capture(filePath, line))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(average);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        Average = average;
        Burst = burst;
        Period = period;
    }

    /// <summary>Allowed requests per period, on average.</summary>
    public int Average { get; }

    /// <summary>Allowed requests in one burst.</summary>
    public int Burst { get; }

    /// <summary>The period the average is measured over.</summary>
    public TimeSpan Period { get; }

    /// <summary>Whether the period is written; not for a limiter made without one (Traefik's default, 1s).</summary>
    public bool WritesPeriod { get; private init; } = true;

    /// <summary>Which <c>X-Forwarded-For</c> entry identifies the client (from the right); unset uses the remote address.</summary>
    public int? SourceIpDepth { get; init; }
}

/// <summary>
/// A middleware defined elsewhere (another provider, such as a dynamic file Stack does not write,
/// or labels by hand), referred to by name only: Stack trusts the name and cannot see the options.
/// </summary>
public sealed record ExternalMiddleware : Middleware
{
    /// <summary>Refers to <c>name@provider</c>.</summary>
    /// <param name="name">The middleware's name in its provider (Traefik's grammar: no <c>@</c>, <c>.</c> or space; checked as STK0215).</param>
    /// <param name="provider">The provider that defines it: <c>file</c>, <c>docker</c>, or another.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public ExternalMiddleware(string name, string provider, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : base(name, provider, Origin.Capture(filePath, line))
    {
    }

    /// <summary>
    /// Whether it is the stack's forward-auth (single sign-on, Authelia) middleware, as said by
    /// <see cref="AsForwardAuth"/>: Stack cannot read its type, so the checklist (STK0004) trusts
    /// this. Default false.
    /// </summary>
    public bool IsForwardAuth { get; init; }

    /// <summary>
    /// Says this middleware is a forward-auth one (Authelia's <c>authelia@file</c>, say), so the
    /// checklist (STK0004) counts the routers that use it as behind single sign-on.
    /// </summary>
    public ExternalMiddleware AsForwardAuth() => this with { IsForwardAuth = true };
}
