using Stack.Definition.Common;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;

namespace Stack.Definition.Services.Cache;

/// <summary>services/cache: Redis for Authelia's sessions.</summary>
public static class Redis
{
    /// <summary>Redis's data folder, where <c>redis-cli save</c> writes dump.rdb.</summary>
    /// Backed up as files, after <c>redis-cli save</c> (dump.sh) has written a consistent dump.rdb.
    public static readonly Volume Dump = new Volume("redis-dump")
        .WithBackup(VolumeBackup.Files(prepare: new BackupCommand("dump") { WaitForPort = 6379 }));

    public static readonly Service Service = new Service("redis")
        .WithImage("redis:7.4.1-alpine")
        .WithContainerName("redis")
        .WithRestart(RestartPolicy.UnlessStopped)
        // https://stackoverflow.com/a/71504657
        .WithHealthcheck(Healthchecks.Standard(HealthcheckTest.Shell("redis-cli ping | grep PONG || exit 1")))
        .WithNetworks(Networks.Private)
        .WithVolume(Dump, "/data")
        .WithBind(HostPath.InProject("Services/Cache/dump.sh"), "/usr/local/bin/dump", readOnly: true)
        .WithBind(HostPath.InProject("Services/Cache/restore.sh"), "/usr/local/bin/restore", readOnly: true);
}
