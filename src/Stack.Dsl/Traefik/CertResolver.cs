using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;
using Stack.Dsl.Locations;

namespace Stack.Dsl.Traefik;

/// <summary>
/// A Traefik certificate resolver, as named in Traefik's static config. Routers name it; the
/// <see cref="TraefikProxy"/> that declares it writes its ACME settings.
/// </summary>
public sealed record CertResolver
{
    // Not part of equality (an origin equals every other): the same resolver written twice is one resolver.
    private readonly Origin origin;

    /// <summary>Declares a resolver.</summary>
    /// <param name="Name">The resolver's name, for example <c>letsencrypt</c>.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
#pragma warning disable SA1313 // Named as the positional record it was, so callers' named arguments keep working.
    public CertResolver(string Name, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
#pragma warning restore SA1313
    {
        this.Name = Name;
        origin = Origin.Capture(filePath, line);
    }

    /// <summary>The resolver's name, for example <c>letsencrypt</c>.</summary>
    public string Name { get; init; }

    /// <summary>
    /// Where the resolver was declared: the line of its <c>new</c>, or the user's call into the
    /// helper with parameters that made it. Its findings are reported here, wherever it is added.
    /// </summary>
    public SourceLocation Location => origin.Location;

    /// <summary>Gives the resolver's name.</summary>
    /// <param name="Name">The name.</param>
#pragma warning disable SA1313
    public void Deconstruct(out string Name) => Name = this.Name;
#pragma warning restore SA1313

    /// <summary>Let's Encrypt's production directory.</summary>
    public const string LetsEncryptProduction = "https://acme-v02.api.letsencrypt.org/directory";

    /// <summary>Let's Encrypt's staging directory: untrusted certificates, generous rate limits. Use it to test.</summary>
    public const string LetsEncryptStaging = "https://acme-staging-v02.api.letsencrypt.org/directory";

    /// <summary>The ACME directory; unset means Traefik's default (Let's Encrypt production).</summary>
    public string? CaServer { get; init; }

    /// <summary>The account email; Traefik reads its static config literally, so this is text, not a variable.</summary>
    public string? Email { get; init; }

    /// <summary>Where Traefik keeps certificates, inside its container (mount a volume there).</summary>
    public string Storage { get; init; } = "/letsencrypt/acme.json";

    /// <summary>The DNS provider of the DNS-01 challenge (<c>cloudflare</c>); its credentials come from Traefik's environment.</summary>
    public string? DnsChallengeProvider { get; init; }

    /// <summary>The entrypoint of the HTTP-01 challenge, when not using DNS.</summary>
    public EntryPoint? HttpChallengeEntryPoint { get; init; }

    /// <summary>Whether the TLS-ALPN challenge is used (<c>tlsChallenge</c>): port 443 must reach Traefik.</summary>
    public bool TlsChallenge { get; init; }

    /// <summary>DNS servers asked to confirm the DNS challenge's record (<c>dnsChallenge.resolvers</c>), such as <c>1.1.1.1:53</c>.</summary>
    public System.Collections.Immutable.ImmutableArray<string> DnsResolvers { get; init; } = [];
}
