using Stack.Definition.Services.ReverseProxy;
using Stack.Definition.Common;
using Stack.Dsl.Compose;

namespace Stack.Definition.Services.Debug;

/// <summary>services/debug: whoami echoes requests, to debug routing.</summary>
public static class Whoami
{
    public static readonly Service Service = new Service("whoami")
        .WithImage("traefik/whoami:v1.10.3")
        .WithContainerName("whoami")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithNetworks(Networks.Public)
        // The reference had its Authelia middleware commented out (STK0004); a debug echo of
        // request headers is not for the public (see README).
        .WithRouter(WebRouters.ForSubdomain("whoami", "whoami")
            .WithMiddlewares(Middlewares.Authelia)
            .WithPort(80));
}
