using Stack.Definition.Common;
using Stack.Definition.Services.Database;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Values;

namespace Stack.Samples.Drill;

/// <summary>
/// The restore drill's stack. Its database is the reference stack's MySQL service as written
/// (healthcheck, dump and restore scripts, volumes and their backup decisions), on a MariaDB image;
/// a migration job and an app wait on it; restic backs the volumes up into a local repository.
/// </summary>
public static class DrillStack
{
    public const string ProjectName = "drill";

    /// <summary>Images built from Debian packages by tests/Stack.Engine.Tests/Images/build-images.sh (no registry is reachable).</summary>
    public static class Images
    {
        /// <summary>MariaDB's server and clients (mysql, mysqldump), started like the official image.</summary>
        public const string MariaDb = "stack-drill/mariadb:1";

        /// <summary>A shell, restic, the docker client, nc and MariaDB's clients.</summary>
        public const string Tools = "stack-drill/tools:1";
    }

    public static readonly Variable BackupRepositoryDirectory = new Variable("BACKUP_REPOSITORY_DIR", "Host folder holding the restic repository; outside Docker's volumes, so it outlives them.");

    /// <summary>What users upload: backed up as files.</summary>
    public static readonly Volume Uploads = new Volume("uploads").WithBackup(VolumeBackup.Files());

    /// <summary>Rebuilt on demand: never backed up, empty after a restore.</summary>
    public static readonly Volume Cache = new Volume("cache").WithBackup(VolumeBackup.Never("thumbnails, rebuilt on demand"));

    /// <summary>The reference's database on MariaDB; its own container name, so the drill never meets a real `mysql` container.</summary>
    public static readonly Service Database = Mysql.Service
        .WithImage(Images.MariaDb)
        .WithContainerName("drill-mysql");

    private const string MysqlClient = "mysql --host=mysql --user=root --password=\"$MYSQL_ROOT_PASSWORD\"";

    /// <summary>Creates the schema once the database is healthy, then exits.</summary>
    public static readonly Service Migrate = new Service("migrate")
        .WithImage(Images.Tools)
        .AsOneShot()
        .WithNetworks(Networks.Private)
        .DependsOn(Database, DependencyCondition.ServiceHealthy)
        .WithEnvironment("MYSQL_ROOT_PASSWORD", Variables.MysqlRootPassword)
        .WithCommand("sh", "-c", $"{MysqlClient} --execute 'CREATE DATABASE IF NOT EXISTS drill; CREATE TABLE IF NOT EXISTS drill.notes (id INT PRIMARY KEY, body TEXT)'");

    /// <summary>Starts only after the schema exists: it reads the table once, then stays up.</summary>
    public static readonly Service App = new Service("app")
        .WithImage(Images.Tools)
        .WithContainerName("drill-app")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithNetworks(Networks.Private)
        .DependsOn(Database, DependencyCondition.ServiceHealthy)
        .DependsOn(Migrate, DependencyCondition.ServiceCompletedSuccessfully)
        .WithVolume(Uploads, "/uploads")
        .WithVolume(Cache, "/cache")
        .WithEnvironment("MYSQL_ROOT_PASSWORD", Variables.MysqlRootPassword)
        .WithCommand("sh", "-c", $"{MysqlClient} --execute 'SELECT COUNT(*) FROM drill.notes' && exec sleep infinity");

    /// <summary>restic over Docker's volume folder, as the reference's runner, into a local repository.</summary>
    public static readonly Service Backup = new Service("backup")
        .WithImage(Images.Tools)
        .WithContainerName("drill-backup")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithNetworks(Networks.Private)
        .WithBind(HostPath.InProject("Scripts/wait-for"), "/usr/local/bin/wait-for", readOnly: true)
        .WithBind(HostPath.Absolute("/var/lib/docker/volumes"), "/docker/volumes")
        .WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock")
        .AcceptRisk(SecurityRisk.WritableDockerSocket, "runs `docker exec` in the database to dump it before each snapshot")
        .WithBind(HostPath.Absolute($"{BackupRepositoryDirectory}"), "/repository")
        .WithEnvironment("RESTIC_REPOSITORY", "/repository")
        .WithEnvironment("RESTIC_PASSWORD", Variables.ResticPassword)
        .WithEnvironment("RESTIC_BACKUP_SOURCES", "/docker/volumes")
        .WithEnvironment("RESTIC_BACKUP_ARGS", "--tag docker-volumes --exclude-file=/etc/restic/excludes.txt");

    public static ComposeStack Build() => new ComposeStack(ProjectName)
        .WithVariables(Variables.MysqlRootPassword, Variables.ResticPassword, BackupRepositoryDirectory)
        .WithBackups(new BackupPlan(Backup))
        .WithServices(Database, Migrate, App, Backup);
}
