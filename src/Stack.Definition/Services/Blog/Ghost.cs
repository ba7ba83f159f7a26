using Stack.Definition.Services.Database;
using Stack.Definition.Services.ReverseProxy;
using Stack.Definition.Common;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;

namespace Stack.Definition.Services.Blog;

/// <summary>services/blog: a public Ghost blog, rate-limited instead of behind Authelia.</summary>
public static class Ghost
{
    public static readonly Volume Content = new Volume("ghost-devblog-content").WithBackup(VolumeBackup.Files());

    public static readonly Service DevBlog = new Service("devblog")
        .WithImage("ghost:5.94.2-alpine")
        .WithContainerName("ghost-devblog")
        .WithRestart(RestartPolicy.UnlessStopped)
        .DependsOn(Mysql.Service, DependencyCondition.ServiceHealthy)
        // Ghost answers plain HTTP with a redirect unless told the request came in over HTTPS
        // (https://github.com/TryGhost/Ghost/issues/11181).
        .WithHealthcheck(Healthchecks.Standard(HealthcheckTest.Shell(
            "wget --no-verbose --tries=1 --spider --header='X-Forwarded-Proto: https' http://localhost:2368/ghost/api/admin/site/ || exit 1")))
        .WithNetworks(Networks.Public, Networks.Private)
        .WithVolume(Content, "/var/lib/ghost/content")
        .WithBind(HostPath.InProject("Services/Blog/config.json"), "/var/lib/ghost/config.production.json", readOnly: true)
        .WithEnvironment("url", $"https://{Variables.BlogHost}")
        .WithEnvironment("database__connection__user", "ghost-devblog")
        .WithEnvironment("database__connection__password", Variables.GhostDatabasePassword)
        .WithEnvironment("database__connection__database", "devblog")
        .WithEnvironment("mail__from", Variables.SmtpSender)
        .WithEnvironment("mail__options__auth__user", Variables.SmtpUser)
        .WithEnvironment("mail__options__auth__pass", Variables.SmtpPass)
        .WithRouter(new Router("devblog")
            .WithHost(Variables.BlogHost)
            .WithEntryPoints(EntryPoints.Https)
            .WithTls(CertResolvers.LetsEncrypt)
            .WithMiddlewares(Middlewares.RateLimitBurst, Middlewares.RateLimitWindow)
            .WithPublicAccess("the public blog: rate limited instead of signed in")
            .WithPort(2368));
}
