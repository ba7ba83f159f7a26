using Stack.Definition.Common;
using Stack.Dsl.Traefik;

namespace Stack.Definition.Services.ReverseProxy;

/// <summary>The middlewares of Traefik's dynamic config that routers use.</summary>
public static class Middlewares
{
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
