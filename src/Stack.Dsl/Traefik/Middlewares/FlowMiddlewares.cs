using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Stack.Dsl.Locations;

namespace Stack.Dsl.Traefik;

/// <summary>Runs other middlewares in order, under one name (<c>chain</c>).</summary>
public sealed record ChainMiddleware : Middleware
{
    /// <summary>Creates the chain.</summary>
    public ChainMiddleware(string name, params IEnumerable<Middleware> middlewares)
        : base(name, "file", Origin.AtParamsCall("ChainMiddleware"))
    {
        Middlewares = [.. middlewares];
        if (Middlewares.IsEmpty)
        {
            throw new ArgumentException("A chain needs at least one middleware.", nameof(middlewares));
        }
    }

    /// <summary>The middlewares, in order.</summary>
    public ImmutableArray<Middleware> Middlewares { get; }

    internal override MiddlewareDefinition Definition(MiddlewareText text) =>
        new("chain", new MiddlewareOptions(text).AddList("middlewares", Middlewares.Select(m => m.Reference)).Build());
}

/// <summary>Caps simultaneous requests per client (<c>inFlightReq</c>).</summary>
public sealed record InFlightRequestsMiddleware : Middleware
{
    /// <summary>Creates the middleware.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="amount">The most requests served at once.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public InFlightRequestsMiddleware(string name, int amount, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : base(name, "file", Origin.Capture(filePath, line))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        Amount = amount;
    }

    /// <summary>How many requests may be in flight at once.</summary>
    public int Amount { get; }

    internal override MiddlewareDefinition Definition(MiddlewareText text) =>
        new("inFlightReq", new MiddlewareOptions(text).Add("amount", Amount).Build());
}

/// <summary>Retries a request that failed to reach the service (<c>retry</c>).</summary>
public sealed record RetryMiddleware : Middleware
{
    /// <summary>Creates the middleware.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="attempts">How many times a request is tried.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public RetryMiddleware(string name, int attempts, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : base(name, "file", Origin.Capture(filePath, line))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempts);
        Attempts = attempts;
    }

    /// <summary>How many attempts in all.</summary>
    public int Attempts { get; }

    /// <summary>The first wait between attempts (it doubles after each); unset is 100ms.</summary>
    public TimeSpan? InitialInterval { get; init; }

    internal override MiddlewareDefinition Definition(MiddlewareText text) => new("retry", new MiddlewareOptions(text)
        .Add("attempts", Attempts)
        .Add("initialInterval", InitialInterval is { } interval ? Generation.DurationFormat.Format(interval) : null)
        .Build());
}

/// <summary>Reads whole requests or responses before passing them on, with size limits (<c>buffering</c>).</summary>
public sealed record BufferingMiddleware : Middleware
{
    /// <summary>Creates the middleware.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public BufferingMiddleware(string name, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : base(name, "file", Origin.Capture(filePath, line))
    {
    }

    /// <summary>The largest request body accepted, in bytes (<c>maxRequestBodyBytes</c>).</summary>
    public long? MaxRequestBodyBytes { get; init; }

    /// <summary>Request bytes kept in memory before spilling to disk (<c>memRequestBodyBytes</c>).</summary>
    public long? MemRequestBodyBytes { get; init; }

    /// <summary>The largest response body passed on, in bytes (<c>maxResponseBodyBytes</c>).</summary>
    public long? MaxResponseBodyBytes { get; init; }

    /// <summary>Response bytes kept in memory (<c>memResponseBodyBytes</c>).</summary>
    public long? MemResponseBodyBytes { get; init; }

    internal override MiddlewareDefinition Definition(MiddlewareText text) => new("buffering", new MiddlewareOptions(text)
        .Add("maxRequestBodyBytes", MaxRequestBodyBytes)
        .Add("memRequestBodyBytes", MemRequestBodyBytes)
        .Add("maxResponseBodyBytes", MaxResponseBodyBytes)
        .Add("memResponseBodyBytes", MemResponseBodyBytes)
        .Build());
}

/// <summary>Serves error pages from another service for some status codes (<c>errors</c>).</summary>
public sealed record ErrorsMiddleware : Middleware
{
    /// <summary>Creates the middleware.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="status">Status codes or ranges, such as <c>500-599</c>.</param>
    /// <param name="service">The Traefik service serving the pages.</param>
    /// <param name="query">The path asked of it, with <c>{status}</c> for the code.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public ErrorsMiddleware(string name, IEnumerable<string> status, TraefikService service, string query, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : base(name, "file", Origin.Capture(filePath, line))
    {
        Status = [.. status];
        Service = service ?? throw new ArgumentNullException(nameof(service));
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        Query = query;
        if (Status.IsEmpty)
        {
            throw new ArgumentException("Give at least one status code or range.", nameof(status));
        }
    }

    /// <summary>The status codes or ranges.</summary>
    public ImmutableArray<string> Status { get; }

    /// <summary>The service serving the pages.</summary>
    public TraefikService Service { get; }

    /// <summary>The path asked of it.</summary>
    public string Query { get; }

    internal override MiddlewareDefinition Definition(MiddlewareText text) => new("errors", new MiddlewareOptions(text)
        .AddList("status", Status)
        // Stack's load balancers are docker labels: named with their provider, so the file provider finds them too.
        .Add("service", Service.Provider is null ? Service.Name + "@docker" : Service.Reference)
        .Add("query", Query)
        .Build());
}
