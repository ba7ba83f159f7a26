namespace Stack.Analyzers.Tests.Samples;

/// <summary>STK0300: a volume mounted or declared without a backup decision, however it was made.</summary>
internal static class BackupSamples
{
    private const string Common = """
        static readonly Network Net = new("n");
        static Service Base(string name) => new Service(name).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net);
        """;

    public static IEnumerable<Sample> All =>
    [
        new("backups: volumes without a decision, in a field, a local, inline and declared on the stack, once each however often mounted", [$$"""
            static class Definition
            {
                {{Common}}
                static readonly Volume Data = new("data");

                public static ComposeStack Build()
                {
                    var cache = new Volume("cache");
                    return new ComposeStack("s")
                        .WithVolumes({|STK0300:new Volume("spare")|})
                        .WithServices(
                            Base("a").WithVolume({|STK0300:Data|}, "/data").WithVolume({|STK0300:cache|}, "/cache").WithVolume({|STK0300:new Volume("logs")|}, "/logs"),
                            Base("b").WithVolume(cache, "/cache").WithVolume(Data, "/data").WithVolume(cache, "/cache2"));
                }
            }
            """], ["STK0300", "STK0300", "STK0300", "STK0300"]),

        new("backups: decided in the chain, by initializer, later through with, or external", [$$"""
            using Stack.Dsl.Backups;

            static class Definition
            {
                {{Common}}
                static readonly Volume Raw = new("data");
                static readonly Volume Data = Raw.WithBackup(VolumeBackup.Files());
                static readonly Volume Dump = new Volume("dump") { Backup = VolumeBackup.Files() };

                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    Base("a").WithVolume(Data, "/data").WithVolume(Dump, "/dump")
                        .WithVolume(new Volume("shared") { External = true }, "/shared")
                        .WithVolume(new Volume("cache").WithBackup(VolumeBackup.Never("rebuilt")), "/cache"));
            }
            """], []),

        new("backups: a volume from a parameter is left to the runtime", [$$"""
            static class Definition
            {
                {{Common}}
                static Service Mounting(Volume volume) => Base("a").WithVolume(volume, "/data");

                public static ComposeStack Build() => new ComposeStack("s").WithServices(Mounting(Pick()));

                static Volume Pick() => System.Environment.TickCount > 0 ? new Volume("x") : new Volume("y");
            }
            """], ["STK0300"]),
    ];
}
