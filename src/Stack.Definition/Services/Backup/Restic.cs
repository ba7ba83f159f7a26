using Stack.Definition.Common;
using Stack.Dsl.Backups;
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
        // PRE_COMMANDS (each volume's dump or prepare command) and the excludes file at
        // /etc/restic/excludes.txt are generated from the volumes' backup decisions: see Plan.
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

    /// <summary>
    /// The stack's backups: the generator writes excludes.txt, PRE_COMMANDS and RESTORE.md from
    /// every volume's decision. Temporary files are skipped everywhere.
    /// </summary>
    public static readonly BackupPlan Plan = new BackupPlan(Backup).Excluding("*.tmp");

    /// <summary>Where the repository is and how to open it; the same for all three containers.</summary>
    private static Service WithResticRepository(this Service service) => service
        .WithEnvironment("RESTIC_REPOSITORY", $"b2:{Variables.B2Bucket}")
        .WithEnvironment("RESTIC_PASSWORD", Variables.ResticPassword)
        .WithEnvironment("B2_ACCOUNT_ID", Variables.B2ApplicationKeyId)
        .WithEnvironment("B2_ACCOUNT_KEY", Variables.B2ApplicationKey)
        .WithEnvironment("TZ", Variables.Timezone);
}
