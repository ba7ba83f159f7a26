using System.Collections.Immutable;
using Stack.Dsl.Values;

namespace Stack.Dsl.Traefik;

/// <summary>
/// A Traefik HTTP middleware. Routers refer to it as <c>name@provider</c>; by default the
/// provider is <c>file</c>, Traefik's dynamic configuration file.
/// </summary>
public abstract record Middleware
{
    private protected Middleware(string name, string provider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        Name = name;
        Provider = provider;
    }

    /// <summary>The middleware's name.</summary>
    public string Name { get; }

    /// <summary>The provider that defines it.</summary>
    public string Provider { get; }

    /// <summary>How routers refer to it: <c>name@provider</c>.</summary>
    public string Reference => $"{Name}@{Provider}";
}

/// <summary>
/// Forward authentication: Traefik asks an SSO service (Authelia) whether each request may pass.
/// This is the middleware that puts a service behind single sign-on.
/// </summary>
public sealed record ForwardAuthMiddleware : Middleware
{
    /// <summary>Creates a forward-auth middleware.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="address">The verification endpoint Traefik calls.</param>
    public ForwardAuthMiddleware(string name, ComposeString address)
        : base(name, "file") => Address = address ?? throw new ArgumentNullException(nameof(address));

    /// <summary>The verification endpoint.</summary>
    public ComposeString Address { get; }

    /// <summary>Whether to trust the <c>X-Forwarded-*</c> headers of incoming requests.</summary>
    public bool TrustForwardHeader { get; init; }

    /// <summary>Headers copied from the SSO answer into the forwarded request.</summary>
    public ImmutableArray<string> AuthResponseHeaders { get; init; } = [];
}

/// <summary>A rate limiter: <see cref="Average"/> requests per <see cref="Period"/>, bursts up to <see cref="Burst"/>.</summary>
public sealed record RateLimitMiddleware : Middleware
{
    /// <summary>Creates a rate limiter.</summary>
    public RateLimitMiddleware(string name, int average, int burst, TimeSpan period)
        : base(name, "file")
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

    /// <summary>Which <c>X-Forwarded-For</c> entry identifies the client (from the right); unset uses the remote address.</summary>
    public int? SourceIpDepth { get; init; }
}

/// <summary>A middleware defined elsewhere (another provider, or by hand), referred to by name only.</summary>
public sealed record ExternalMiddleware : Middleware
{
    /// <summary>Refers to <c>name@provider</c>.</summary>
    public ExternalMiddleware(string name, string provider)
        : base(name, provider)
    {
    }
}
