using Stack.Definition.Services.ReverseProxy;
using Stack.Definition.Common;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;

namespace Stack.Definition.Services.Adblock;

/// <summary>services/adblock: AdGuard Home, with its web UI behind Authelia and DNS-over-HTTPS open.</summary>
public static class AdGuard
{
    public static readonly Volume Work = new Volume("adguard-work").WithBackup(VolumeBackup.Files());
    public static readonly Volume Conf = new Volume("adguard-conf").WithBackup(VolumeBackup.Files());

    /// <summary>The web UI's port, shared by both routers.</summary>
    public static readonly TraefikService Web = new("adguard", 3000);

    public static readonly Service AdGuardHome = new Service("adguardhome")
        .WithImage("adguard/adguardhome:v0.107.54")
        .WithContainerName("adguardhome")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithHealthcheck(Healthchecks.HttpGet("http://localhost:3000"))
        .WithNetworks(Networks.Public)
        .WithVolume(Work, "/opt/adguardhome/work")
        .WithVolume(Conf, "/opt/adguardhome/conf")
        .WithRouter(WebRouters.ForSubdomain("adguard", "adguard")
            .WithMiddlewares(Middlewares.Authelia)
            .WithService(Web))
        .WithRouter(new Router("adguard-doh")
            .WithRule(RouterRule.Host($"dns.{Variables.BaseHost}").And(RouterRule.PathPrefix("/dns-query")))
            .WithEntryPoints(EntryPoints.Https)
            .WithTls(CertResolvers.LetsEncrypt)
            .WithPublicAccess("DNS-over-HTTPS clients (phones, browsers) cannot answer Authelia's login")
            .WithService(Web));
}
