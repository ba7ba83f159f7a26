using System.Diagnostics;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Environments;

namespace Stack.Dsl.Tests.Generation.Swarm;

/// <summary>
/// The backup files of the Swarm target: the runner's pre-backup commands find a task's container
/// by its label (Swarm gives no container a name to exec by), and swarm/restore.sh, run by a real
/// sh against a stand-in docker that keeps which services are scaled to zero, does the restore's
/// steps in order on the right tasks. The real swarm runs it in SwarmRestoreDrillTests.
/// </summary>
public sealed class SwarmBackupFilesTests : IDisposable
{
    private static readonly Volume PostgresDump = new Volume("pg-dump").WithBackup(VolumeBackup.Files());
    private static readonly Volume PostgresData = new Volume("pg-data").WithBackup(VolumeBackup.ThroughDump(new BackupCommand("pg_dumpall -f /dump/all.sql") { WaitForPort = 5432 }, "psql -f /dump/all.sql", PostgresDump));
    private static readonly Volume SearchDump = new Volume("search-dump").WithBackup(VolumeBackup.Files());
    private static readonly Volume SearchData = new Volume("search-data").WithBackup(VolumeBackup.ThroughDump("snapshot", "load-snapshot", SearchDump));
    private static readonly Volume Uploads = new Volume("uploads").WithBackup(VolumeBackup.Files(prepare: "sync"));
    private static readonly Volume Cache = new Volume("cache").WithBackup(VolumeBackup.Never("rebuilt, it's only thumbnails"));

    private static readonly Service Postgres = Emit.Minimal("postgres").WithContainerName("pg").WithVolume(PostgresData, "/var/lib/postgresql/data").WithVolume(PostgresDump, "/dump")
        .WithHealthcheck(new Healthcheck(HealthcheckTest.Shell("pg_isready")));

    // Depends on the database: restored second, though added first.
    private static readonly Service Search = Emit.Minimal("search").WithVolume(SearchData, "/index").WithVolume(SearchDump, "/snapshots")
        .DependsOn(Postgres, DependencyCondition.ServiceHealthy);

    private static readonly Service App = Emit.Minimal("app").WithVolume(Uploads, "/uploads").WithVolume(Cache, "/cache").WithReplicas(2);

    private static readonly Service Web = Emit.Minimal("web");

    private static readonly Service Runner = Emit.Minimal("backup").WithBind(HostPath.Absolute("/var/lib/docker/volumes"), "/docker/volumes");

    private readonly string _root = Directory.CreateTempSubdirectory("stack-swarm-restore-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static ComposeStack Shop() =>
        new ComposeStack("shop").WithBackups(new BackupPlan(Runner)).WithServices(Runner, Search, Web, App, Postgres);

    [Fact]
    public void The_runner_finds_each_database_task_by_its_label_after_waiting_not_by_a_container_name()
    {
        var files = SwarmEmit.Files(Shop());
        var commands = SwarmEmit.Parse(files[SwarmEmit.FileName]).Text("services", "backup", "environment", "PRE_COMMANDS")!.Replace("$$", "$", StringComparison.Ordinal).Split('\n');

        Assert.Equal(3, commands.Length);
        Assert.Equal(
            "wait-for postgres:5432 --timeout=60 && task=$(docker ps -q --filter label=com.docker.swarm.service.name=shop_postgres | head -n1) && docker exec \"${task:?no running task of shop_postgres on this node: pin the backup runner to its node, see STK0506}\" pg_dumpall -f /dump/all.sql",
            commands[2]);
        Assert.StartsWith("task=$(docker ps -q --filter label=com.docker.swarm.service.name=shop_search | head -n1) && ", commands[0], StringComparison.Ordinal);
        Assert.StartsWith("task=$(docker ps -q --filter label=com.docker.swarm.service.name=shop_app | head -n1) && ", commands[1], StringComparison.Ordinal);
        Assert.All(commands, c => Assert.DoesNotContain("docker exec pg ", c, StringComparison.Ordinal));
        Assert.All(commands, c => Assert.DoesNotContain("docker exec shop-", c, StringComparison.Ordinal));
        Assert.EndsWith("\" snapshot", commands[0], StringComparison.Ordinal);
        Assert.EndsWith("\" sync", commands[1], StringComparison.Ordinal);

        // Compose keeps its names.
        Assert.Contains("-- docker exec pg pg_dumpall", files["docker-compose.yml"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_lookup_runs_in_a_shell_after_the_wait_and_a_missing_task_stops_the_backup_with_why()
    {
        var line = SwarmEmit.Parse(SwarmEmit.Files(Shop())[SwarmEmit.FileName]).Text("services", "backup", "environment", "PRE_COMMANDS")!.Replace("$$", "$", StringComparison.Ordinal).Split('\n')[2];
        var bin = StandIns(dockerPs: "echo \"docker $*\" >>\"$STATE/log\"; exit 0");
        File.WriteAllText(Path.Combine(bin, "wait-for"), "#!/bin/sh\necho \"wait-for $*\" >>\"$STATE/log\"\n");
        Executable(Path.Combine(bin, "wait-for"));

        var (code, output) = Run(bin, "/bin/sh", ["-c", line]);

        Assert.NotEqual(0, code);
        Assert.Contains("no running task of shop_postgres on this node: pin the backup runner to its node, see STK0506", output, StringComparison.Ordinal);
        Assert.Equal(
            ["wait-for postgres:5432 --timeout=60", "docker ps -q --filter label=com.docker.swarm.service.name=shop_postgres"],
            File.ReadAllLines(Path.Combine(_root, "log")));
    }

    [Fact]
    public void Restore_script_deploys_scales_the_writers_down_restores_in_the_runner_task_loads_dumps_in_order_and_redeploys()
    {
        var script = Write(Shop());

        var (code, output) = Run(StandIns(), script, [], ("DEPLOY", "docker stack deploy -c docker-stack.yml shop"));

        Assert.True(code == 0, output);
        Assert.Equal(
            [
                "docker stack deploy -c docker-stack.yml shop",
                "docker service scale --detach shop_search=0 shop_app=0 shop_postgres=0",
                "docker exec id-shop_backup sh -c for v in \"$@\"; do [ ! -d \"$v/_data\" ] || find \"$v/_data\" -mindepth 1 -delete; done empty /docker/volumes/shop_cache /docker/volumes/shop_pg-data /docker/volumes/shop_pg-dump /docker/volumes/shop_search-data /docker/volumes/shop_search-dump /docker/volumes/shop_uploads",
                "docker exec id-shop_backup restic restore latest --target / --include /docker/volumes/shop_pg-dump --include /docker/volumes/shop_search-dump --include /docker/volumes/shop_uploads",
                "docker service scale --detach shop_postgres=1",
                "docker exec id-shop_postgres psql -f /dump/all.sql",
                "docker service scale --detach shop_search=1",
                "docker exec id-shop_search load-snapshot",
                "docker stack deploy -c docker-stack.yml shop",
            ],
            Actions());
        Assert.Contains("cache: rebuilt, it's only thumbnails", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_script_hands_a_restore_command_with_shell_syntax_to_the_task_whole()
    {
        var marker = Path.Combine(_root, "ran-on-the-host");
        var data = new Volume("pg-data").WithBackup(VolumeBackup.ThroughDump(new BackupCommand("pg_dumpall -f /dump/all.sql") { WaitForPort = 5432 }, $"psql -f /dump/all.sql; echo hacked > {marker}", PostgresDump));
        var stack = new ComposeStack("shop").WithBackups(new BackupPlan(Runner))
            .WithServices(Runner, Emit.Minimal("postgres").WithVolume(data, "/var/lib/postgresql/data").WithVolume(PostgresDump, "/dump"));
        var script = Write(stack);

        var (code, output) = Run(StandIns(), script, [], ("DEPLOY", "docker stack deploy"));

        Assert.True(code == 0, output);
        Assert.Contains($"docker exec id-shop_postgres sh -c psql -f /dump/all.sql; echo hacked > {marker}", Actions());
        Assert.False(File.Exists(marker), "the restore command's second half ran in restore.sh's shell");
    }

    [Fact]
    public void Restore_script_with_environments_takes_one_and_passes_it_to_the_deploy()
    {
        var stack = Shop().WithEnvironments(new StackEnvironment("prod", s => s), new StackEnvironment("test", s => s));
        var script = Write(stack);

        var (refused, usage) = Run(StandIns(), script, ["stage"]);
        var (code, output) = Run(StandIns(), script, ["prod"], ("DEPLOY", "docker stack deploy"));

        Assert.Equal(2, refused);
        Assert.Contains("usage:", usage, StringComparison.Ordinal);
        Assert.True(code == 0, output);
        Assert.Equal("docker stack deploy prod", Actions()[0]);
        Assert.Equal("docker stack deploy prod", Actions()[^1]);
    }

    [Fact]
    public void Restore_script_stops_when_the_runner_has_no_task_on_this_node()
    {
        var script = Write(Shop());
        var bin = StandIns(missing: "shop_backup");

        var (code, output) = Run(bin, script, [], ("DEPLOY", "docker stack deploy"));

        Assert.NotEqual(0, code);
        Assert.Contains("restore: shop_backup has no running task on this node (run this on the node it is pinned to) after 300s", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Actions(), a => a.Contains("restic", StringComparison.Ordinal));
    }

    [Fact]
    public void The_runbook_shows_every_command_the_script_runs()
    {
        var files = SwarmEmit.Files(Shop());
        static string OneLine(string text) => text.Replace(" \\\n  ", " ", StringComparison.Ordinal);
        var runbook = OneLine(files["swarm/RESTORE.md"]);
        var script = OneLine(files["swarm/restore.sh"]).Split('\n');

        var scaling = script.Where(l => l.StartsWith("docker service scale", StringComparison.Ordinal)).ToList();
        var inRunner = script.Where(l => l.StartsWith("docker exec \"$runner\" ", StringComparison.Ordinal)).Select(l => l.Replace("\"$runner\"", "TASK(shop_backup)", StringComparison.Ordinal)).ToList();
        var loads = script.Where(l => l.StartsWith("docker exec \"$(task_of ", StringComparison.Ordinal)).Select(l => l.Replace("\"$(task_of ", "TASK(", StringComparison.Ordinal).Replace(")\"", ")", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, scaling.Count);
        Assert.Equal(2, inRunner.Count); // emptying, restic
        Assert.Equal(2, loads.Count);
        Assert.All([.. scaling, .. inRunner, .. loads], command => Assert.Contains(command, runbook, StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_restore_files_are_untouched_by_the_swarm_target()
    {
        var both = SwarmEmit.Files(Shop());
        var composeOnly = Emit.Files(Shop());

        foreach (var name in new[] { "restore.sh", "RESTORE.md", "excludes.txt", "docker-compose.yml" })
        {
            Assert.Equal(composeOnly[name], both[name]);
        }

        Assert.False(composeOnly.ContainsKey("swarm/restore.sh"));
    }

    /// <summary>Writes the Swarm files and returns swarm/restore.sh's path.</summary>
    private string Write(ComposeStack stack)
    {
        foreach (var (name, text) in SwarmEmit.Files(stack).Where(f => f.Key.StartsWith("swarm/", StringComparison.Ordinal)))
        {
            var path = Path.Combine(_root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        return Path.Combine(_root, "swarm", "restore.sh");
    }

    /// <summary>
    /// A folder that is the whole PATH: a stand-in docker that logs what it is asked and keeps
    /// which services are scaled to zero (a deploy starts them all), its tasks are "id-SERVICE"
    /// and healthy; sleep does nothing, so the script's bounded waits end at once.
    /// </summary>
    private string StandIns(string? missing = null, string? dockerPs = null)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName;
        var docker = $$"""
            #!/bin/sh
            case "$1 $2" in
              "ps -q") {{dockerPs ?? "name=${4##*=}; [ \"$name\" = '" + missing + "' ] || [ -e \"$STATE/down.$name\" ] || echo \"id-$name\"; exit 0"}} ;;
              "inspect --format") echo healthy; exit 0 ;;
              "service ps") echo 'Running 1 second ago'; exit 0 ;;
              "stack deploy") rm -f "$STATE"/down.* ;;
              "service scale") for a in "$@"; do case $a in *=0) touch "$STATE/down.${a%=0}" ;; *=*) rm -f "$STATE/down.${a%=*}" ;; esac; done ;;
            esac
            echo "docker $*" >>"$STATE/log"

            """;
        File.WriteAllText(Path.Combine(bin, "docker"), docker.Replace("\r", string.Empty, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(bin, "sleep"), "#!/bin/sh\n");
        Executable(Path.Combine(bin, "docker"));
        Executable(Path.Combine(bin, "sleep"));

        foreach (var tool in new[] { "dirname", "head", "grep", "rm", "touch" })
        {
            var link = Path.Combine(bin, tool);
            if (!File.Exists(link))
            {
                File.CreateSymbolicLink(link, File.Exists($"/usr/bin/{tool}") ? $"/usr/bin/{tool}" : $"/bin/{tool}");
            }
        }

        File.Delete(Path.Combine(_root, "log"));
        return bin;
    }

    private static void Executable(string file)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
    }

    private (int Code, string Output) Run(string bin, string file, string[] arguments, params (string Name, string Value)[] environment)
    {
        // Through sh, as a file without its execute bit (OutputFolder sets it when writing for real).
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (file != "/bin/sh")
        {
            start.ArgumentList.Add(file);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = bin;
        start.Environment["STATE"] = _root;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the script did not end");
        return (process.ExitCode, output.Result + error);
    }

    /// <summary>What the stand-in docker was asked to do, besides looking.</summary>
    private string[] Actions() => File.Exists(Path.Combine(_root, "log")) ? File.ReadAllLines(Path.Combine(_root, "log")) : [];
}
