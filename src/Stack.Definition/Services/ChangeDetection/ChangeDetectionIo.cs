using Stack.Definition.Services.ReverseProxy;
using Stack.Definition.Common;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;

namespace Stack.Definition.Services.ChangeDetection;

/// <summary>services/change-detection: changedetection.io, behind Authelia.</summary>
public static class ChangeDetectionIo
{
    public static readonly Volume Datastore = new Volume("change-detection-datastore").WithBackup(VolumeBackup.Files());

    public static readonly Service Service = new Service("change-detection")
        .WithImage("ghcr.io/dgtlmoon/changedetection.io:0.46.04")
        .WithContainerName("change-detection")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithNetworks(Networks.Public)
        .WithVolume(Datastore, "/datastore")
        .WithEnvironment("BASE_URL", $"https://change-detection.{Variables.BaseHost}")
        .WithRouter(WebRouters.ForSubdomain("change-detection", "change-detection")
            .WithMiddlewares(Middlewares.Authelia)
            .WithPort(5000));
}
