using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Testing;

namespace Stack.Dsl.Tests.Backups;

/// <summary>What the generator writes from the volumes' backup decisions.</summary>
public sealed class BackupFilesTests
{
    private static readonly Volume PostgresDump = new Volume("pg-dump").WithBackup(VolumeBackup.Files());
    private static readonly Volume PostgresData = new Volume("pg-data").WithBackup(VolumeBackup.ThroughDump(new BackupCommand("pg_dumpall -f /dump/all.sql") { WaitForPort = 5432 }, "psql -f /dump/all.sql", PostgresDump));
    private static readonly Volume SearchDump = new Volume("search-dump").WithBackup(VolumeBackup.Files());
    private static readonly Volume SearchData = new Volume("search-data").WithBackup(VolumeBackup.ThroughDump("snapshot", "load-snapshot", SearchDump));
    private static readonly Volume Uploads = new Volume("uploads").WithBackup(VolumeBackup.Files(prepare: "sync"));
    private static readonly Volume Cache = new Volume("cache").WithBackup(VolumeBackup.Never("rebuilt from the database on start"));

    private static readonly Service Postgres = Emit.Minimal("postgres").WithContainerName("pg").WithVolume(PostgresData, "/var/lib/postgresql/data").WithVolume(PostgresDump, "/dump")
        .WithHealthcheck(new Healthcheck(HealthcheckTest.Shell("pg_isready")));

    // The search index depends on the database, so the runbook restores it second whatever the stack order.
    private static readonly Service Search = Emit.Minimal("search").WithVolume(SearchData, "/index").WithVolume(SearchDump, "/snapshots")
        .DependsOn(Postgres, DependencyCondition.ServiceHealthy);

    private static readonly Service App = Emit.Minimal("app").WithVolume(Uploads, "/uploads").WithVolume(Cache, "/cache").DependsOn(Postgres, DependencyCondition.ServiceHealthy);

    private static readonly Service Runner = Emit.Minimal("backup").WithBind(HostPath.Absolute("/var/lib/docker/volumes"), "/docker/volumes");

    private static IReadOnlyDictionary<string, string> Files() =>
        Emit.Files(new ComposeStack("shop").WithBackups(new BackupPlan(Runner).Excluding("*.tmp", "*.log")).WithServices(Runner, Search, App, Postgres));

    [Fact]
    public void Excludes_file()
    {
        Snapshot.Match(Files()["excludes.txt"], "txt");
    }

    [Fact]
    public void Restore_runbook()
    {
        Snapshot.Match(Files()["RESTORE.md"], "md");
    }

    [Fact]
    public void Restore_script()
    {
        Snapshot.Match(Files()["restore.sh"], "sh");
    }

    [Fact]
    public void The_script_runs_exactly_the_compose_commands_the_runbook_shows()
    {
        var files = Files();
        static string OneLine(string text) => text.Replace(" \\\n  ", " ", StringComparison.Ordinal);

        // The runbook's `up -d --wait X` is the script's `up -d X` then wait_healthy X (--wait is Compose v2 only).
        var runbook = OneLine(files["RESTORE.md"]).Replace(" --wait", string.Empty, StringComparison.Ordinal);
        var commands = OneLine(files["restore.sh"]).Split('\n').Where(line => line.StartsWith("compose ", StringComparison.Ordinal)).ToList();

        Assert.Equal(7, commands.Count);
        Assert.All(commands, command => Assert.Contains($"`docker {command}`", runbook.Replace("```sh\ndocker ", "`docker ", StringComparison.Ordinal).Replace("\n```", "`", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public void A_reason_with_a_line_break_or_quote_stays_one_echo_in_the_script()
    {
        var volume = new Volume("scratch").WithBackup(VolumeBackup.Never("line one\nrm -rf / # it's gone"));
        var script = Emit.Files(new ComposeStack("s").WithBackups(new BackupPlan(Runner)).WithServices(Runner, Emit.Minimal().WithVolume(volume, "/scratch")))["restore.sh"];

        Assert.Contains("echo 'scratch: line one rm -rf / # it'\\''s gone'\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_runner_mounts_the_excludes_and_runs_each_command_in_stack_order()
    {
        var compose = Files()["docker-compose.yml"];

        Assert.Contains("- ./excludes.txt:/etc/restic/excludes.txt:ro", compose, StringComparison.Ordinal);
        Assert.Contains(
            """
                  PRE_COMMANDS: |-
                    docker exec shop-search-1 snapshot
                    docker exec shop-app-1 sync
                    wait-for postgres:5432 --timeout=60 -- docker exec pg pg_dumpall -f /dump/all.sql
            """,
            compose,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_plan_nothing_is_written_for_backups() =>
        Assert.DoesNotContain("excludes.txt", Emit.Files(new ComposeStack("s").WithServices(Emit.Minimal().WithVolume(Cache, "/c"))).Keys);
}
