using Stack.Definition.Services.ReverseProxy;
using Stack.Definition.Common;
using Stack.Dsl.Compose;

namespace Stack.Definition.Services.Notification;

/// <summary>services/notification: Apprise's notification API, behind Authelia.</summary>
public static class Apprise
{
    public static readonly Service Service = new Service("apprise")
        .WithImage("caronc/apprise:1.1")
        .WithContainerName("apprise")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithHealthcheck(Healthchecks.Standard(HealthcheckTest.Shell("curl -f http://localhost:8000 || exit 1")) with { Retries = 5 })
        .WithNetworks(Networks.Public)
        .WithEnvironment("APPRISE_WORKER_COUNT", 1)
        .WithEnvironment("APPRISE_STATEFUL_MODE", "disabled")
        .WithRouter(WebRouters.ForSubdomain("apprise", "apprise")
            .WithMiddlewares(Middlewares.Authelia)
            .WithPort(8000));
}
