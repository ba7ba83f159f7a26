using Stack.Definition.Services.ReverseProxy;
using Stack.Definition.Common;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;

namespace Stack.Definition.Services.DockerManagement;

/// <summary>services/docker-management: Portainer, behind Authelia.</summary>
public static class Portainer
{
    public static readonly Volume Data = new Volume("portainer-data").WithBackup(VolumeBackup.Files());

    public static readonly Service Service = new Service("portainer")
        .WithImage("portainer/portainer-ce:2.21.2-alpine")
        .WithContainerName("portainer")
        .WithRestart(RestartPolicy.UnlessStopped)
        // https://github.com/portainer/portainer/issues/3572
        .WithHealthcheck(Healthchecks.HttpGet("http://localhost:9000"))
        .WithNetworks(Networks.Public)
        .WithVolume(Data, "/data")
        .WithBind(HostPath.Absolute("/etc/localtime"), "/etc/localtime", readOnly: true)
        .WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock")
        .AcceptRisk(SecurityRisk.WritableDockerSocket, "Portainer manages this Docker host")
        .WithRouter(WebRouters.ForSubdomain("portainer", "portainer")
            .WithMiddlewares(Middlewares.Authelia)
            .WithPort(9000));
}
