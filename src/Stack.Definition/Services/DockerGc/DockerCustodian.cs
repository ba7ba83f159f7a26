using Stack.Definition.Common;
using Stack.Dsl.Compose;

namespace Stack.Definition.Services.DockerGc;

/// <summary>services/docker-gc: removes old containers, images and dangling volumes.</summary>
public static class DockerCustodian
{
    /// <summary>Containers with this label are never removed (gc keeps itself).</summary>
    private const string KeepLabel = "com.docker.keep-container";

    // dcgc removes what is old and exits: a one-shot job, run on each `up`. The reference set no
    // restart policy (STK0001); AsOneShot states the choice (restart: "no"; see README).
    public static readonly Service Gc = new Service("gc")
        .WithImage("yelp/docker-custodian:0.7.4")
        .WithContainerName("gc")
        .AsOneShot()
        .WithCommand(
            "--max-container-age", "7days",
            "--max-image-age", "30days",
            "--dangling-volumes",
            "--exclude-container-label", $"{KeepLabel}=true")
        .WithNetworks(Networks.Private)
        .WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock")
        .AcceptRisk(SecurityRisk.WritableDockerSocket, "removes old containers, images and volumes")
        .WithLabel(KeepLabel, "true");
}
