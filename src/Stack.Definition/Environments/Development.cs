using System.Net;
using Stack.Definition.Services.ReverseProxy;
using Stack.Dsl.Compose;
using Stack.Dsl.Environments;
using Stack.Dsl.Traefik;

namespace Stack.Definition.Environments;

/// <summary>
/// A developer's machine: published ports on localhost only, and no TLS (no certificates to get
/// for a laptop): Traefik listens on plain HTTP and every router uses it.
/// Run: <c>docker compose -f docker-compose.yml -f dc.dev.yml up -d</c>. Compose only: a Swarm
/// port cannot stay on localhost (STK0500), and a laptop runs docker compose anyway.
/// </summary>
public static class Development
{
    /// <summary>Plain HTTP as the only entrypoint: no redirect to https, no Cloudflare-only list.</summary>
    private static readonly EntryPoint Http = EntryPoints.Http with { RedirectTo = null, IsDefault = true, Middlewares = [Middlewares.Gzip] };

    public static readonly StackEnvironment Environment = new("dev", stack => stack
        .WithTargets(DeployTarget.Compose)
        .MapTraefik(proxy => proxy with { EntryPoints = [Http], CertResolvers = [] })
        .MapServices(service => service
            .MapRouters(router => router.WithoutTls().OnlyOnEntryPoints(Http))
            .MapPorts(port => port.Target.Start == EntryPoints.Https.Port ? null : port with { HostIp = IPAddress.Loopback })));
}
