using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Stack.Dsl.Locations;

namespace Stack.Dsl.Traefik;

/// <summary>Removes path prefixes before forwarding (<c>stripPrefix</c>): <c>/app/x</c> reaches the service as <c>/x</c>.</summary>
public sealed record StripPrefixMiddleware : Middleware
{
    /// <summary>Creates the middleware.</summary>
    public StripPrefixMiddleware(string name, params IEnumerable<string> prefixes)
        : base(name, "file", Origin.AtParamsCall("StripPrefixMiddleware"))
    {
        Prefixes = [.. prefixes];
        if (Prefixes.IsEmpty)
        {
            throw new ArgumentException("Give at least one prefix to strip.", nameof(prefixes));
        }
    }

    /// <summary>The prefixes.</summary>
    public ImmutableArray<string> Prefixes { get; }

    internal override MiddlewareDefinition Definition(MiddlewareText text) =>
        new("stripPrefix", new MiddlewareOptions(text).AddList("prefixes", Prefixes).Build());
}

/// <summary>Adds a path prefix before forwarding (<c>addPrefix</c>).</summary>
public sealed record AddPrefixMiddleware : Middleware
{
    /// <summary>Creates the middleware.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="prefix">The prefix to add.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public AddPrefixMiddleware(string name, string prefix, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : base(name, "file", Origin.Capture(filePath, line)) => Prefix = string.IsNullOrEmpty(prefix) ? throw new ArgumentException("Give the prefix to add.", nameof(prefix)) : prefix;

    /// <summary>The prefix, such as <c>/api</c>.</summary>
    public string Prefix { get; }

    internal override MiddlewareDefinition Definition(MiddlewareText text) =>
        new("addPrefix", new MiddlewareOptions(text).Add("prefix", Prefix).Build());
}

/// <summary>Redirects to another scheme (<c>redirectScheme</c>), typically HTTP to HTTPS.</summary>
public sealed record RedirectSchemeMiddleware : Middleware
{
    /// <summary>Creates the middleware.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="scheme">The scheme to redirect to; default <c>https</c>.</param>
    /// <param name="permanent">Whether the redirect is permanent (301/308); default true. Null writes no <c>permanent</c>
    /// option, which Traefik reads as false (302/307): how a label set without the option says it.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public RedirectSchemeMiddleware(string name, string scheme = "https", bool? permanent = true, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : base(name, "file", Origin.Capture(filePath, line))
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        Scheme = scheme;
        Permanent = permanent;
    }

    /// <summary>The scheme to redirect to.</summary>
    public string Scheme { get; }

    /// <summary>Whether the redirect is permanent (301/308); null leaves the option out (Traefik's default, temporary).</summary>
    public bool? Permanent { get; }

    /// <summary>The port to redirect to; unset keeps the scheme's default.</summary>
    public int? Port { get; init; }

    internal override MiddlewareDefinition Definition(MiddlewareText text) => new("redirectScheme", new MiddlewareOptions(text)
        .Add("scheme", Scheme)
        .Add("permanent", Permanent)
        .Add("port", Port is { } port ? port.ToString(System.Globalization.CultureInfo.InvariantCulture) : null)
        .Build());
}
