using Stack.Definition.Common;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;

namespace Stack.Definition.Services.Database;

/// <summary>services/database: MySQL for Ghost and Authelia. Backed up through dumps, not its data volume.</summary>
public static class Mysql
{
    /// <summary>Where dump.sh writes <c>mysqldump --all-databases</c> before each backup.</summary>
    public static readonly Volume Dump = new Volume("mysql-dump").WithBackup(VolumeBackup.Files());

    /// <summary>
    /// The live data: excluded from backups, because copying a running database's files is not a
    /// consistent backup. Before each backup dump.sh dumps into <see cref="Dump"/>; restoring
    /// starts MySQL on an empty volume and runs restore.sh.
    /// </summary>
    public static readonly Volume Data = new Volume("mysql-data")
        .WithBackup(VolumeBackup.ThroughDump(new BackupCommand("dump") { WaitForPort = 3306 }, restore: "restore", into: Dump));

    public static readonly Service Service = new Service("mysql")
        .WithImage("mysql:8.4.3")
        .WithContainerName("mysql")
        .WithRestart(RestartPolicy.UnlessStopped)
        // https://stackoverflow.com/a/51641089
        .WithHealthcheck(Healthchecks.Standard(HealthcheckTest.Shell("mysql --user=root --password=\"$MYSQL_ROOT_PASSWORD\" --execute 'SHOW DATABASES;'")))
        .WithNetworks(Networks.Private)
        .WithVolume(Data, "/var/lib/mysql")
        .WithVolume(Dump, "/mnt/dump")
        .WithBind(HostPath.InProject("Services/Database/init"), "/docker-entrypoint-initdb.d", readOnly: true)
        .WithBind(HostPath.InProject("Services/Database/my.cnf"), "/etc/mysql/conf.d/my.cnf", readOnly: true)
        .WithBind(HostPath.InProject("Services/Database/dump.sh"), "/usr/local/bin/dump", readOnly: true)
        .WithBind(HostPath.InProject("Services/Database/restore.sh"), "/usr/local/bin/restore", readOnly: true)
        .WithEnvironment("MYSQL_ROOT_PASSWORD", Variables.MysqlRootPassword)
        // mbind: Operation not permitted otherwise (https://stackoverflow.com/questions/55559386).
        .WithCapAdd("SYS_NICE");
}
