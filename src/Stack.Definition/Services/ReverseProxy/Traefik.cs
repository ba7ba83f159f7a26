using Stack.Definition.Common;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;

namespace Stack.Definition.Services.ReverseProxy;

/// <summary>services/reverse-proxy: Traefik, the only service that publishes ports.</summary>
public static class Traefik
{
    public static readonly Volume Data = new Volume("traefik-data").WithBackup(VolumeBackup.Files());

    public static readonly Service Service = new Service("traefik")
        .WithImage("traefik:v3.1.6")
        .WithContainerName("traefik")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithHealthcheck(Healthchecks.Standard(HealthcheckTest.Shell("traefik healthcheck --ping")))
        .WithNetworks(Networks.Public)
        .WithPort(EntryPoints.Http.Port, EntryPoints.Http.Port)
        .WithPort(EntryPoints.Https.Port, EntryPoints.Https.Port)
        .AcceptRisk(SecurityRisk.PortOnAllInterfaces, "the reverse proxy: 80 and 443 are the stack's front door")
        .WithVolume(Data, "/mnt/traefik")
        // Read-only (the reference mounted it writable: STK0101): the docker provider only reads labels.
        .WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock", readOnly: true)
        .AcceptRisk(SecurityRisk.DaemonSocket, "the docker provider discovers routers from container labels")
        // The static and dynamic config files are generated from Proxy and mounted by the generator,
        // the static one at /etc/traefik/traefik.yml, where Traefik reads it without --configFile.
        .WithEnvironment("CF_DNS_API_TOKEN", Variables.CloudflareDnsApiToken)
        .WithEnvironment("CF_ZONE_API_TOKEN", Variables.CloudflareZoneApiToken)
        // The dashboard is Traefik's own API service: routed to api@internal, with no port (the
        // reference named a load balancer "api@internal" on port 8080 instead; see the README).
        .WithRouter(WebRouters.ForSubdomain("traefik", "traefik")
            .WithService(TraefikService.Api)
            .WithMiddlewares(Middlewares.Authelia));

    /// <summary>
    /// The stack's Traefik: the generator writes traefik.static.yml and traefik.dynamic.yml from it
    /// (replacing the reference's Jinja templates) and checks every router against it.
    /// </summary>
    public static readonly TraefikProxy Proxy = new TraefikProxy(Service, Networks.Public)
        .WithEntryPoints(EntryPoints.Http, EntryPoints.Https)
        .WithCertResolvers(CertResolvers.LetsEncrypt) with
    {
        Dashboard = true,
        // As the reference: the API on port 8080, never published ("always internal").
        ApiOnInternalPort = true,
        AccessLog = true,
    };
}
