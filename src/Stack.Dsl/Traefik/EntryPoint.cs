using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;
using Stack.Dsl.Locations;

namespace Stack.Dsl.Traefik;

/// <summary>
/// A Traefik entrypoint. Declare each one once (for example in a static class) and hand the object
/// to routers and to the <see cref="TraefikProxy"/>, so every router names an entrypoint that exists
/// and Traefik's static config is written from the same objects.
/// </summary>
public sealed record EntryPoint
{
    // Not part of equality (see Equals): the same declaration written twice is one entrypoint.
    private readonly Origin origin;

    /// <summary>Declares an entrypoint.</summary>
    /// <param name="Name">The entrypoint's name in Traefik's static config.</param>
    /// <param name="Port">The port it listens on inside the Traefik container.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
#pragma warning disable SA1313 // Named as the positional record it was, so callers' named arguments keep working.
    public EntryPoint(string Name, int Port, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
#pragma warning restore SA1313
    {
        this.Name = Name;
        this.Port = Port;
        origin = Origin.Capture(filePath, line);
    }

    /// <summary>The entrypoint's name in Traefik's static config.</summary>
    public string Name { get; init; }

    /// <summary>The port it listens on inside the Traefik container.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Where the entrypoint was declared: the line of its <c>new</c>, or the user's call into the
    /// helper with parameters that made it. Its findings are reported here, wherever it is added.
    /// </summary>
    public SourceLocation Location => origin.Location;

    /// <summary>Splits the entrypoint into its name and port.</summary>
    /// <param name="Name">The name.</param>
    /// <param name="Port">The port.</param>
#pragma warning disable SA1313
    public void Deconstruct(out string Name, out int Port) => (Name, Port) = (this.Name, this.Port);
#pragma warning restore SA1313

    /// <summary>Where every request is redirected (permanently, scheme https), if anywhere.</summary>
    public EntryPoint? RedirectTo { get; init; }

    /// <summary>Whether routers that name no entrypoint listen here (<c>asDefault</c>).</summary>
    public bool IsDefault { get; init; }

    /// <summary>Middlewares applied to every request on this entrypoint, before the router's.</summary>
    public ImmutableArray<Middleware> Middlewares { get; init; } = [];

    /// <summary>Proxies whose <c>X-Forwarded-*</c> headers are trusted (<c>forwardedHeaders.trustedIPs</c>).</summary>
    public ImmutableArray<string> TrustedForwarders { get; init; } = [];

    /// <summary>Whether it listens for UDP (<c>address: ":53/udp"</c>), for UDP routers; otherwise TCP.</summary>
    public bool Udp { get; init; }

    /// <summary>Addresses whose PROXY protocol header is trusted (<c>proxyProtocol.trustedIPs</c>), for a load balancer in front.</summary>
    public ImmutableArray<string> ProxyProtocolTrustedIps { get; init; } = [];

    /// <summary>Whether HTTP/3 is served too (<c>http3</c>; publish the port for UDP as well).</summary>
    public bool Http3 { get; init; }

    /// <summary>How long reading a request may take (<c>transport.respondingTimeouts.readTimeout</c>); unset is Traefik's 60s.</summary>
    public TimeSpan? ReadTimeout { get; init; }

    /// <summary>How long writing a response may take (<c>transport.respondingTimeouts.writeTimeout</c>); unset is none.</summary>
    public TimeSpan? WriteTimeout { get; init; }

    /// <summary>How long an idle keep-alive connection stays open (<c>transport.respondingTimeouts.idleTimeout</c>); unset is 180s.</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>Redirects every request to <paramref name="target"/> over https (the http→https redirect).</summary>
    public EntryPoint RedirectingTo(EntryPoint target) => this with { RedirectTo = target ?? throw new ArgumentNullException(nameof(target)) };

    /// <summary>Makes routers that name no entrypoint listen here.</summary>
    public EntryPoint AsDefault() => this with { IsDefault = true };

    /// <summary>Applies <paramref name="middlewares"/> to every request on this entrypoint.</summary>
    public EntryPoint WithMiddlewares(params IEnumerable<Middleware> middlewares) => this with { Middlewares = Middlewares.AddRange(middlewares) };

    /// <summary>Trusts the <c>X-Forwarded-*</c> headers set by proxies in <paramref name="ranges"/> (for example a CDN).</summary>
    public EntryPoint TrustingForwardedHeadersFrom(params IEnumerable<string> ranges) => this with { TrustedForwarders = TrustedForwarders.AddRange(ranges) };

    /// <summary>Whether two entrypoints are the same declaration (name, port and settings).</summary>
    public bool Equals(EntryPoint? other) =>
        other is not null && Name == other.Name && Port == other.Port && IsDefault == other.IsDefault
        && Equals(RedirectTo, other.RedirectTo) && Middlewares.SequenceEqual(other.Middlewares)
        && TrustedForwarders.SequenceEqual(other.TrustedForwarders, StringComparer.Ordinal)
        && ProxyProtocolTrustedIps.SequenceEqual(other.ProxyProtocolTrustedIps, StringComparer.Ordinal)
        && Udp == other.Udp && Http3 == other.Http3 && ReadTimeout == other.ReadTimeout && WriteTimeout == other.WriteTimeout && IdleTimeout == other.IdleTimeout;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Port);
}
