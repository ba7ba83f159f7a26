using Stack.Analyzers.CodeFixes;
using Verifier = Stack.Analyzers.Tests.Infrastructure.Verify<Stack.Analyzers.Backups.BackupAnalyzer>;

namespace Stack.Analyzers.Tests.Backups;

/// <summary>STK0300's fix: back the volume's files up, where the volume is made (applied one by one and with Fix All).</summary>
public sealed class BackupCodeFixTests
{
    [Fact]
    public Task Appends_a_files_backup_where_the_volume_is_made_naming_a_target_typed_new() => Verifier.CodeFix<ChecklistCodeFixProvider>(
        ["""
        using Stack.Dsl.Compose;

        static class Definition
        {
            static readonly Network Net = new("n");
            static readonly Volume Data = new("data");

            public static ComposeStack Build() => new ComposeStack("s").WithServices(
                new Service("a").WithImage("nginx:1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .WithVolume({|STK0300:Data|}, "/data")
                    .WithVolume({|STK0300:new Volume("logs")|}, "/logs"));
        }
        """],
        ["""
        using Stack.Dsl.Backups;
        using Stack.Dsl.Compose;

        static class Definition
        {
            static readonly Network Net = new("n");
            static readonly Volume Data = new Volume("data").WithBackup(VolumeBackup.Files());

            public static ComposeStack Build() => new ComposeStack("s").WithServices(
                new Service("a").WithImage("nginx:1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .WithVolume(Data, "/data")
                    .WithVolume(new Volume("logs").WithBackup(VolumeBackup.Files()), "/logs"));
        }
        """],
        [],
        prependUsings: false);
}
