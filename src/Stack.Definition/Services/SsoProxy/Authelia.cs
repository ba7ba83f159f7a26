using Stack.Definition.Services.Cache;
using Stack.Definition.Services.Database;
using Stack.Definition.Services.ReverseProxy;
using Stack.Definition.Services.Sso;
using Stack.Definition.Common;
using Stack.Dsl.Compose;

namespace Stack.Definition.Services.SsoProxy;

/// <summary>services/sso-proxy: Authelia, the single sign-on portal behind the forward-auth middleware.</summary>
public static class Authelia
{
    public static readonly Service Service = new Service("authelia")
        .WithImage("authelia/authelia:4.38.17")
        .WithContainerName("authelia")
        .WithRestart(RestartPolicy.UnlessStopped)
        .DependsOn(Mysql.Service, DependencyCondition.ServiceHealthy)
        .DependsOn(Redis.Service, DependencyCondition.ServiceHealthy)
        .DependsOn(Lldap.Service, DependencyCondition.ServiceHealthy)
        .WithNetworks(Networks.Public, Networks.Private)
        .WithBind(HostPath.InProject("Services/SsoProxy/config.yml"), "/config/configuration.yml", readOnly: true)
        .WithEnvironment("TZ", Variables.Timezone)
        // The reference put the portal behind its own middleware (STK0400): a login loop.
        .WithRouter(WebRouters.ForSubdomain("authelia", "auth")
            .WithPublicAccess("the login portal itself")
            .WithPort(9091));
}
