using Stack.Definition.Services.ReverseProxy;
using Stack.Definition.Common;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;

namespace Stack.Definition.Services.Sso;

/// <summary>services/sso: lldap, the user directory Authelia authenticates against.</summary>
public static class Lldap
{
    public static readonly Volume Data = new Volume("lldap-data").WithBackup(VolumeBackup.Files());

    public static readonly Service Service = new Service("lldap")
        .WithImage("nitnelave/lldap:v0.5.0")
        .WithContainerName("lldap")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithHealthcheck(Healthchecks.HttpGet("http://localhost:17170/health"))
        .WithNetworks(Networks.Public)
        .WithVolume(Data, "/data")
        .WithBind(HostPath.InProject("Services/Sso/config.toml"), "/data/lldap_config.toml", readOnly: true)
        .WithEnvironment("LLDAP_JWT_SECRET", Variables.LldapJwtSecret)
        .WithEnvironment("LLDAP_LDAP_USER_PASS", Variables.LldapLdapUserPass)
        // Behind Authelia too, if only to force 2FA on the admin UI.
        .WithRouter(WebRouters.ForSubdomain("lldap", "ldap")
            .WithMiddlewares(Middlewares.Authelia)
            .WithPort(17170));
}
