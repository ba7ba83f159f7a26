using Stack.Dsl.Traefik;

namespace Stack.Definition.Services.ReverseProxy;

/// <summary>Traefik's entrypoints: the one place their names, ports and settings are written.</summary>
public static class EntryPoints
{
    /// <summary>
    /// HTTPS, the default entrypoint (<c>asDefault</c>): compressed, no-www, reachable only from
    /// Cloudflare, whose forwarded headers it trusts.
    /// </summary>
    public static readonly EntryPoint Https = new EntryPoint("https", 443)
        .AsDefault()
        .WithMiddlewares(Middlewares.Gzip, Middlewares.NoWww, Middlewares.CloudflareOnly)
        .TrustingForwardedHeadersFrom(Cloudflare.IpRanges);

    /// <summary>Plain HTTP, redirected to <see cref="Https"/>.</summary>
    public static readonly EntryPoint Http = new EntryPoint("http", 80).RedirectingTo(Https);
}
