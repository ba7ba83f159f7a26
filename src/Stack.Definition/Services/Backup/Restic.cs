using Stack.Definition.Common;
using Stack.Dsl.Compose;

namespace Stack.Definition.Services.Backup;

/// <summary>
/// services/backup: restic snapshots every Docker volume to Backblaze B2 nightly; two more
/// containers prune and check the repository.
/// </summary>
public static class Restic
{
    private const string Image = "mazzolino/restic:1.7.2";

    public static readonly Service Backup = new Service("backup")
        .WithImage(Image)
        .WithContainerName("restic-backup")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithNetworks(Networks.Private)
        .WithHostname("docker")
        .WithBind(HostPath.InProject("Services/Backup/excludes.txt"), "/etc/restic/excludes.txt")
        .WithBind(HostPath.InProject("Scripts/wait-for"), "/usr/local/bin/wait-for", readOnly: true)
        .WithBind(HostPath.Absolute("/var/lib/docker/volumes"), "/docker/volumes")
        .WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock")
        .AcceptRisk(SecurityRisk.WritableDockerSocket, "runs `docker exec` in the databases to dump them before each snapshot")
        .WithResticRepository()
        .WithEnvironment("RUN_ON_STARTUP", "true")
        .WithEnvironment("BACKUP_CRON", "0 30 3 * * *")
        .WithEnvironment("RESTIC_BACKUP_SOURCES", "/docker/volumes")
        .WithEnvironment("RESTIC_BACKUP_ARGS", "--tag docker-volumes --exclude-file=/etc/restic/excludes.txt --verbose")
        .WithEnvironment("RESTIC_FORGET_ARGS", "--keep-last 10 --keep-daily 7 --keep-weekly 5 --keep-monthly 12")
        // Each database dumps itself before the snapshot; see Database/dump.sh and Cache/dump.sh.
        .WithEnvironment("PRE_COMMANDS", """
            wait-for redis:6379 --timeout=60 -- docker exec redis dump
            wait-for mysql:3306 --timeout=60 -- docker exec mysql dump
            docker exec uptime-kuma sh -c 'rm -f data/*.db.bak*'
            """)
        .WithEnvironment("POST_COMMANDS_FAILURE", $$"""curl -X POST -H 'Content-type: application/json' --data '{"text": "Backup failed!"}' {{Variables.SlackAlertsEndpoint}}""");

    public static readonly Service Prune = new Service("prune")
        .WithImage(Image)
        .WithContainerName("restic-prune")
        .WithRestart(RestartPolicy.UnlessStopped)
        // The reference joined no network (STK0002); B2 is reached through the private network, as for backup.
        .WithNetworks(Networks.Private)
        .WithHostname("docker")
        .WithResticRepository()
        .WithEnvironment("RUN_ON_STARTUP", "false")
        .WithEnvironment("PRUNE_CRON", "0 0 4 * * *");

    public static readonly Service Check = new Service("check")
        .WithImage(Image)
        .WithContainerName("restic-check")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithNetworks(Networks.Private)
        .WithHostname("docker")
        .WithResticRepository()
        .WithEnvironment("RUN_ON_STARTUP", "false")
        .WithEnvironment("CHECK_CRON", "0 30 4 * * *")
        .WithEnvironment("RESTIC_CHECK_ARGS", "--read-data-subset=10%");

    /// <summary>Where the repository is and how to open it; the same for all three containers.</summary>
    private static Service WithResticRepository(this Service service) => service
        .WithEnvironment("RESTIC_REPOSITORY", $"b2:{Variables.B2Bucket}")
        .WithEnvironment("RESTIC_PASSWORD", Variables.ResticPassword)
        .WithEnvironment("B2_ACCOUNT_ID", Variables.B2ApplicationKeyId)
        .WithEnvironment("B2_ACCOUNT_KEY", Variables.B2ApplicationKey)
        .WithEnvironment("TZ", Variables.Timezone);
}
