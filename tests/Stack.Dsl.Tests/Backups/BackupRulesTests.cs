using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Backups;

/// <summary>STK0300-0303: volumes' backup decisions, checked at run time.</summary>
public sealed class BackupRulesTests
{
    private static readonly Service Runner = Emit.Minimal("backup").WithBind(HostPath.Absolute("/var/lib/docker/volumes"), "/docker/volumes");

    private static List<StackDiagnostic> Found(string id, ComposeStack stack) =>
        [.. StackValidator.Validate(stack).Where(d => d.Id == id)];

    private static ComposeStack WithRunner(params Service[] services) =>
        new ComposeStack("s").WithBackups(new BackupPlan(Runner)).WithServices([Runner, .. services]);

    [Fact]
    public void A_volume_without_a_decision_is_an_STK0300_warning_where_it_was_created()
    {
        var volume = new Volume("data"); var line = ThisLine();

        var finding = Assert.Single(Found("STK0300", new ComposeStack("s").WithServices(Emit.Minimal().WithVolume(volume, "/data"))));

        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Equal(line, finding.Location.Line);
        Assert.StartsWith("Volume 'data' has no backup decision; add .WithBackup(VolumeBackup.Files())", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("files")]
    [InlineData("never")]
    [InlineData("external")]
    public void A_decision_or_an_external_volume_satisfies_STK0300(string kind)
    {
        var volume = kind switch
        {
            "files" => new Volume("data").WithBackup(VolumeBackup.Files()),
            "never" => new Volume("data").WithBackup(VolumeBackup.Never("a cache")),
            _ => new Volume("data") { External = true },
        };

        Assert.Empty(Found("STK0300", new ComposeStack("s").WithServices(Emit.Minimal().WithVolume(volume, "/data"))));
    }

    [Fact]
    public void Never_needs_a_reason() =>
        Assert.Throws<ArgumentException>(() => VolumeBackup.Never(" "));

    [Fact]
    public void A_dump_into_a_volume_that_is_not_backed_up_is_STK0301()
    {
        var dump = new Volume("dump").WithBackup(VolumeBackup.Never("oops"));
        var data = new Volume("data").WithBackup(VolumeBackup.ThroughDump("dump", "restore", dump));

        var finding = Assert.Single(Found("STK0301", WithRunner(Emit.Minimal("db").WithVolume(data, "/data").WithVolume(dump, "/dump"))));

        Assert.Contains("Volume 'data' is dumped into 'dump', which is never backed up: the dump would never reach the backup", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dump_into_the_live_volume_itself_is_STK0301()
    {
        var raw = new Volume("data");
        var data = raw.WithBackup(VolumeBackup.ThroughDump("dump", "restore", raw));

        Assert.Contains("is the live data volume itself", Assert.Single(Found("STK0301", WithRunner(Emit.Minimal("db").WithVolume(data, "/data")))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_on_a_volume_two_services_mount_is_STK0302()
    {
        var shared = new Volume("shared").WithBackup(VolumeBackup.Files(prepare: "sync"));

        var finding = Assert.Single(Found("STK0302", WithRunner(Emit.Minimal("a").WithVolume(shared, "/s"), Emit.Minimal("b").WithVolume(shared, "/s"))));

        Assert.Contains("has the backup command 'sync', but 2 services mount it ('a', 'b')", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dump_whose_service_does_not_mount_the_dump_volume_is_STK0302()
    {
        var dump = new Volume("dump").WithBackup(VolumeBackup.Files());
        var data = new Volume("data").WithBackup(VolumeBackup.ThroughDump("dump", "restore", dump));

        var finding = Assert.Single(Found("STK0302", WithRunner(Emit.Minimal("db").WithVolume(data, "/data"), Emit.Minimal("other").WithVolume(dump, "/dump"))));

        Assert.Contains("by service 'db', which does not mount 'dump'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backup_commands_without_a_runner_are_STK0303()
    {
        var data = new Volume("data").WithBackup(VolumeBackup.Files(prepare: "save"));

        Assert.Contains("Volumes 'data' have backup commands, but the stack declares no backup runner", Assert.Single(Found("STK0303", new ComposeStack("s").WithServices(Emit.Minimal().WithVolume(data, "/data")))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runner_that_does_not_see_the_volume_folder_is_STK0303()
    {
        var blind = Emit.Minimal("backup");

        var finding = Assert.Single(Found("STK0303", new ComposeStack("s").WithBackups(new BackupPlan(blind)).WithServices(blind)));

        Assert.Contains("does not mount the host's /var/lib/docker/volumes at '/docker/volumes'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runner_that_mounts_the_excludes_path_or_sets_the_commands_itself_is_refused()
    {
        var handWired = Runner.WithBind(HostPath.InProject("excludes.txt"), "/etc/restic/excludes.txt").WithEnvironment("PRE_COMMANDS", "docker exec db dump");
        var stack = new ComposeStack("s").WithBackups(new BackupPlan(handWired)).WithServices(handWired);

        Assert.Contains("mounts something at '/etc/restic/excludes.txt', where the generator mounts the excludes file", Assert.Single(Found("STK0209", stack)).Message, StringComparison.Ordinal);
        Assert.Contains("sets PRE_COMMANDS itself, but the generator writes it", Assert.Single(Found("STK0303", stack)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runner_missing_from_the_stack_is_STK0203() =>
        Assert.Contains("backup runner is service 'backup', which the stack does not contain",
            Assert.Single(Found("STK0203", new ComposeStack("s").WithBackups(new BackupPlan(Runner)).WithServices(Emit.Minimal()))).Message, StringComparison.Ordinal);

    private static int ThisLine([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;
}
