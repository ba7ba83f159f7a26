using Stack.Definition.Services.ReverseProxy;
using Stack.Definition.Common;
using Stack.Dsl.Compose;

namespace Stack.Definition.Services.Monitoring;

/// <summary>services/monitoring: Dozzle, a log viewer for every container, behind Authelia.</summary>
public static class Dozzle
{
    public static readonly Service Service = new Service("dozzle")
        .WithImage("amir20/dozzle:v8.4.4")
        .WithContainerName("dozzle")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithHealthcheck(Healthchecks.Standard(HealthcheckTest.Exec("/dozzle", "healthcheck")))
        .WithNetworks(Networks.Public)
        .WithEnvironment("DOZZLE_NO_ANALYTICS", "true")
        .WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock", readOnly: true)
        .AcceptRisk(SecurityRisk.DaemonSocket, "the log viewer reads every container's logs")
        .WithRouter(WebRouters.ForSubdomain("dozzle", "dozzle")
            .WithMiddlewares(Middlewares.Authelia)
            .WithPort(8080));
}
