using System.Diagnostics;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation.Backups;
using YamlDotNet.RepresentationModel;

namespace Stack.Dsl.Tests.Backups;

/// <summary>
/// A dump, prepare or restore command runs in the service's container. Plain words stay as
/// written (no shell needed in the container); a line with shell syntax is handed to the
/// container's sh as one word, so the shell that runs docker exec (the backup runner's, or
/// restore.sh's on the host) never reads its ';', '>' or '$(...)'. Checked by running the written
/// lines with a real sh against stand-in docker and compose commands that record their arguments.
/// </summary>
public sealed class ContainerCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("stack-container-command-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("dump")]
    [InlineData("pg_dumpall -U postgres -f /dump/all.sql")]
    [InlineData("sh -c 'rm -f data/*.db.bak*'")] // the reference stack's: quoted, so the runner's shell passes it on
    [InlineData("mysqldump \"--result-file=/dump/all db.sql\" --user=root")]
    [InlineData("redis-cli -a '$ecret;x' save")]
    public void Plain_words_and_quoted_strings_stay_as_written(string command)
    {
        Assert.Equal(command, ContainerShell.Arguments(command));
    }

    [Theory]
    [InlineData("restore; rm -rf /")]
    [InlineData("dump > /dump/all.sql")]
    [InlineData("mysql < /dump/all.sql")]
    [InlineData("dump | gzip")]
    [InlineData("dump && sync")]
    [InlineData("dump $(id)")]
    [InlineData("dump `id`")]
    [InlineData("dump $HOME")]
    [InlineData("dump \"$HOME\"")]
    [InlineData("rm -f *.bak")]
    [InlineData("dump ~/x")]
    [InlineData("dump # note")]
    [InlineData("dump 'unclosed")]
    [InlineData("dump\tx")]
    public void A_line_with_shell_syntax_is_one_word_for_the_containers_sh(string command)
    {
        Assert.Equal("sh -c '" + command.Replace("'", "'\\''", StringComparison.Ordinal) + "'", ContainerShell.Arguments(command));
    }

    [Fact]
    public void Restore_sh_hands_a_restore_command_with_shell_syntax_to_the_container_whole()
    {
        var marker = Path.Combine(_root, "ran-on-the-host");
        var files = Emit.Files(Stack(dump: "pg_dumpall -f /dump/all.sql", restore: $"psql -f /dump/all.sql; echo hacked > {marker}"));
        var line = files["restore.sh"].Split('\n').Single(l => l.StartsWith("compose exec -T db ", StringComparison.Ordinal));

        var arguments = RunWithStandIn("compose", line);

        Assert.Equal(["exec", "-T", "db", "sh", "-c", $"psql -f /dump/all.sql; echo hacked > {marker}"], arguments);
        Assert.False(File.Exists(marker), "the restore command's second half ran in restore.sh's shell");
        Assert.Contains($"`docker {line}`", files["RESTORE.md"].Replace(" \\\n  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_runner_hands_a_dump_command_with_a_redirect_to_the_container_whole()
    {
        var marker = Path.Combine(_root, "dump-in-the-runner.sql");
        var compose = Emit.Files(Stack(dump: $"pg_dumpall > {marker}", restore: "psql -f /dump/all.sql"))["docker-compose.yml"];
        var line = PreCommands(compose).Single(l => l.Contains("docker exec", StringComparison.Ordinal));

        var arguments = RunWithStandIn("docker", line, "wait-for");

        Assert.Equal(["exec", "pg", "sh", "-c", $"pg_dumpall > {marker}"], arguments);
        Assert.False(File.Exists(marker), "the dump was redirected into the runner's file system");
    }

    private static ComposeStack Stack(string dump, string restore)
    {
        var dumps = new Volume("dumps").WithBackup(VolumeBackup.Files());
        var data = new Volume("data").WithBackup(VolumeBackup.ThroughDump(new BackupCommand(dump) { WaitForPort = 5432 }, restore, dumps));
        var db = Emit.Minimal("db").WithContainerName("pg").WithVolume(data, "/var/lib/postgresql/data").WithVolume(dumps, "/dump");
        var runner = Emit.Minimal("backup").WithBind(HostPath.Absolute("/var/lib/docker/volumes"), "/docker/volumes");
        return new ComposeStack("shop").WithBackups(new BackupPlan(runner)).WithServices(runner, db);
    }

    private static string[] PreCommands(string compose)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(compose));
        var environment = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"])["backup"])["environment"];

        // Compose reads $$ as $ before the runner's shell sees the value.
        return ((YamlScalarNode)environment["PRE_COMMANDS"]).Value!.Replace("$$", "$", StringComparison.Ordinal).Split('\n');
    }

    /// <summary>Runs <paramref name="line"/> in sh, where <paramref name="command"/> only records its arguments (and <paramref name="passThrough"/> runs what follows its --); returns the recorded ones.</summary>
    private string[] RunWithStandIn(string command, string line, string? passThrough = null)
    {
        var recorded = Path.Combine(_root, "arguments");
        var bin = Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName;
        StandIn(Path.Combine(bin, command), $"printf '%s\\n' \"$@\" > '{recorded}'");
        if (passThrough is not null)
        {
            StandIn(Path.Combine(bin, passThrough), "while [ \"$1\" != -- ]; do shift; done; shift; exec \"$@\"");
        }

        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(line);
        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "sh did not end");
        Assert.True(process.ExitCode == 0, output.Result + error);
        return File.ReadAllLines(recorded);
    }

    private static void StandIn(string path, string body)
    {
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
    }
}
