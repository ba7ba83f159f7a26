using Stack.Definition.Common;
using Stack.Dsl.Traefik;

namespace Stack.Definition.Services.ReverseProxy;

/// <summary>The middlewares of Traefik's dynamic config that routers and entrypoints use.</summary>
public static class Middlewares
{
    /// <summary>Compresses responses.</summary>
    public static readonly CompressMiddleware Gzip = new("gzip");

    /// <summary>Strips <c>www.</c>: https://www.example.org → https://example.org.</summary>
    public static readonly RedirectRegexMiddleware NoWww = new("no-www", regex: @"^https://(?:www\.)?(.+)", replacement: "https://${1}", permanent: true);

    /// <summary>Only Cloudflare may connect, so nobody bypasses it.</summary>
    public static readonly IpAllowListMiddleware CloudflareOnly = new("whitelist-cloudflare", Cloudflare.IpRanges);

    /// <summary>Authelia's forward auth: every request must carry an Authelia session.</summary>
    public static readonly ForwardAuthMiddleware Authelia = new("sso-proxy", $"http://authelia:9091/api/verify?rd=https://auth.{Variables.BaseHost}")
    {
        TrustForwardHeader = true,
        AuthResponseHeaders = ["Remote-User", "Remote-Groups", "Remote-Name", "Remote-Email"],
    };

    /// <summary>Short window against bursts (spamming): 5 requests per second.</summary>
    public static readonly RateLimitMiddleware RateLimitBurst = new("ratelimit-burst", average: 5, burst: 5, period: TimeSpan.FromSeconds(1))
    {
        // All traffic comes through Cloudflare, so the rightmost X-Forwarded-For entry is the client.
        SourceIpDepth = 1,
    };

    /// <summary>Long window against resource abuse: 60 requests per minute.</summary>
    public static readonly RateLimitMiddleware RateLimitWindow = new("ratelimit-window", average: 60, burst: 60, period: TimeSpan.FromMinutes(1))
    {
        SourceIpDepth = 1,
    };
}
