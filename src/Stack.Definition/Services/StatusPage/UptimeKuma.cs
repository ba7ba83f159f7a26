using Stack.Definition.Services.ReverseProxy;
using Stack.Definition.Common;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;

namespace Stack.Definition.Services.StatusPage;

/// <summary>services/status-page: Uptime Kuma, behind Authelia; it watches containers through the Docker socket.</summary>
public static class UptimeKuma
{
    public static readonly Volume Data = new Volume("uptime-kuma-data")
        // Uptime Kuma keeps old copies of its database beside it; they need not be backed up twice.
        .WithBackup(VolumeBackup.Files(prepare: "sh -c 'rm -f data/*.db.bak*'"));

    public static readonly Service Service = new Service("uptime-kuma")
        .WithImage("louislam/uptime-kuma:1.23.15-alpine")
        .WithContainerName("uptime-kuma")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithHealthcheck(Healthchecks.HttpGet("http://localhost:3001/status") with { StartPeriod = TimeSpan.FromSeconds(60) })
        .WithNetworks(Networks.Public, Networks.Private)
        .WithVolume(Data, "/app/data")
        // Read-only (the reference mounted it writable: STK0101): docker monitors only read container state.
        .WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock", readOnly: true)
        .AcceptRisk(SecurityRisk.DaemonSocket, "docker container monitors read container state")
        .WithRouter(WebRouters.ForSubdomain("uptime-kuma", "up")
            .WithMiddlewares(Middlewares.Authelia)
            .WithPort(3001));
}
