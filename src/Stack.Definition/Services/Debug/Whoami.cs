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
        // The reference has its Authelia middleware commented out; kept so (see README).
        .WithRouter(WebRouters.ForSubdomain("whoami", "whoami")
            .WithPort(80));
}
