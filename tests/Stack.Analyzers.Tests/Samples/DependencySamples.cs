namespace Stack.Analyzers.Tests.Samples;

/// <summary>STK0005 (depends_on waits on a healthcheck) and STK0219 (a healthy wait on no healthcheck) in every code shape a definition uses.</summary>
internal static class DependencySamples
{
    private const string Common = """
        static readonly Network Net = new("n");
        static readonly Healthcheck Ping = new(HealthcheckTest.Exec("mysqladmin", "ping"));
        static Service Internal(this Service service) => service.WithRestart(RestartPolicy.Always).WithNetworks(Net);
        static Service Checked(this Service service) => service.WithHealthcheck(Ping);
        """;

    public static IEnumerable<Sample> All =>
    [
        new("conditions and targets", [$$"""
            static class Definition
            {
                {{Common}}
                static readonly Service Db = new Service("db").WithImage("mysql:8").Internal().Checked();
                static readonly Service Cache = new Service("cache").WithImage("redis:7").Internal();
                static readonly Service Off = new Service("off").WithImage("redis:7").Internal().WithHealthcheck(Healthcheck.Disabled);
                static readonly Service Migrate = new Service("migrate").WithImage("app:1").WithNetworks(Net).AsOneShot();

                public static ComposeStack Build() => new ComposeStack("s").WithServices(Db, Cache, Off, Migrate,
                    new Service("app").WithImage("app:1").Internal()
                        .DependsOn(Db, DependencyCondition.ServiceHealthy)
                        .{|STK0219:DependsOn(Cache, DependencyCondition.ServiceHealthy)|}
                        .{|STK0219:DependsOn(Off, DependencyCondition.ServiceHealthy)|}
                        .DependsOn(Migrate, DependencyCondition.ServiceCompletedSuccessfully),
                    new Service("worker").WithImage("app:1").Internal()
                        .{|STK0005:DependsOn(Db, DependencyCondition.ServiceStarted)|}
                        .{|STK0005:DependsOn(Cache, DependencyCondition.ServiceCompletedSuccessfully)|}
                        .DependsOn(Cache, DependencyCondition.ServiceStarted, reason: "redis answers as soon as it listens"));
            }
            """], ["STK0219", "STK0219", "STK0005", "STK0005"]),

        new("targets from another file, helpers and conditionals", [$$"""
            public static class Databases
            {
                static readonly Network Net = new("n");
                public static readonly Service Mysql = new Service("mysql").WithImage("mysql:8").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .WithHealthcheck(new Healthcheck(HealthcheckTest.Shell("mysqladmin ping")));
                public static Service Plain(string name) => new Service(name).WithImage("redis:7").WithRestart(RestartPolicy.Always).WithNetworks(Net);
            }
            """, $$"""
            static class Definition
            {
                {{Common}}
                public static ComposeStack Build(bool cached = true)
                {
                    var cache = Databases.Plain("cache");
                    var either = cached ? cache : cache.Checked();
                    return new ComposeStack("s").WithServices(Databases.Mysql, cache, 
                        new Service("app").WithImage("app:1").Internal()
                            .DependsOn(Databases.Mysql, DependencyCondition.ServiceHealthy)
                            .{|STK0219:DependsOn(cache, DependencyCondition.ServiceHealthy)|}
                            .DependsOn(either, DependencyCondition.ServiceHealthy));
                }
            }
            """], ["STK0219", "STK0219"]),

        new("dependencies declared in a loop over targets built at run time", [$$"""
            static class Definition
            {
                {{Common}}
                public static ComposeStack Build()
                {
                    var targets = new List<Service>();
                    targets.Add(new Service("cache").WithImage("redis:7").Internal());
                    var app = new Service("app").WithImage("app:1").Internal();
                    foreach (var target in targets)
                    {
                        app = app.DependsOn(target, DependencyCondition.ServiceHealthy);
                    }

                    return new ComposeStack("s").WithServices([.. targets, app]);
                }
            }
            """], ["STK0219"]),
    ];
}
