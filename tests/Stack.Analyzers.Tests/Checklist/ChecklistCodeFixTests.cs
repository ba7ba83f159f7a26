using Stack.Analyzers.CodeFixes;
using Verifier = Stack.Analyzers.Tests.Infrastructure.Verify<Stack.Analyzers.Checklist.ChecklistAnalyzer>;

namespace Stack.Analyzers.Tests.Checklist;

/// <summary>Each checklist fix, applied one by one and with Fix All (the testing package runs both).</summary>
public sealed class ChecklistCodeFixTests
{
    private static Task Fix(string[] before, string[] after, string? equivalenceKey = null, bool prependUsings = true) =>
        Verifier.CodeFix<ChecklistCodeFixProvider>(before, after, [], equivalenceKey, prependUsings);

    [Fact]
    public Task STK0001_appends_a_restart_policy_in_the_chain_layout() => Fix(
        ["""
        static class Definition
        {
            static readonly Network Net = new("n");
            public static ComposeStack Build() => new ComposeStack("s").WithServices(
                {|STK0001:new Service("a")|}
                    .WithImage("nginx:1")
                    .WithNetworks(Net),
                {|STK0001:new Service("b")|}.WithImage("nginx:1").WithNetworks(Net));
        }
        """],
        ["""
        static class Definition
        {
            static readonly Network Net = new("n");
            public static ComposeStack Build() => new ComposeStack("s").WithServices(
                new Service("a")
                    .WithImage("nginx:1")
                    .WithNetworks(Net)
                    .WithRestart(RestartPolicy.UnlessStopped),
                new Service("b").WithImage("nginx:1").WithNetworks(Net).WithRestart(RestartPolicy.UnlessStopped));
        }
        """]);

    [Fact]
    public Task STK0001_fixes_the_field_in_the_file_that_declares_it() => Fix(
        ["""
        public static class Services
        {
            static readonly Network Net = new("n");
            public static readonly Service Gc = {|STK0001:new Service("gc")|}.WithImage("docker-gc:1").WithNetworks(Net);
        }
        """, """
        static class Definition
        {
            public static ComposeStack Build() => new ComposeStack("s").WithServices(Services.Gc);
        }
        """],
        ["""
        public static class Services
        {
            static readonly Network Net = new("n");
            public static readonly Service Gc = new Service("gc").WithImage("docker-gc:1").WithNetworks(Net).WithRestart(RestartPolicy.UnlessStopped);
        }
        """, """
        static class Definition
        {
            public static ComposeStack Build() => new ComposeStack("s").WithServices(Services.Gc);
        }
        """]);

    [Fact]
    public Task STK0001_parenthesizes_a_conditional() => Fix(
        ["""
        static class Definition
        {
            static readonly Network Net = new("n");
            public static ComposeStack Build(bool big) => new ComposeStack("s").WithServices(
                {|STK0001:big ? new Service("a").WithImage("app:2").WithNetworks(Net) : new Service("a").WithImage("app:1").WithNetworks(Net)|});
        }
        """],
        ["""
        static class Definition
        {
            static readonly Network Net = new("n");
            public static ComposeStack Build(bool big) => new ComposeStack("s").WithServices(
                (big ? new Service("a").WithImage("app:2").WithNetworks(Net) : new Service("a").WithImage("app:1").WithNetworks(Net)).WithRestart(RestartPolicy.UnlessStopped));
        }
        """]);

    [Fact]
    public Task STK0002_joins_the_chosen_network_and_imports_its_namespace() => Fix(
        ["""
        using Stack.Dsl.Compose;

        namespace App
        {
            public static class Networks
            {
                public static readonly Network Public = new("public");
                public static readonly Network Private = new("private");
            }
        }

        static class Definition
        {
            public static ComposeStack Build() => new ComposeStack("s").WithServices(
                {|STK0002:new Service("prune")|}.WithImage("restic:1").WithRestart(RestartPolicy.Always),
                new Service("web").WithImage("nginx:1").WithRestart(RestartPolicy.Always).WithNetworks(App.Networks.Public));
        }
        """],
        ["""
        using App;
        using Stack.Dsl.Compose;

        namespace App
        {
            public static class Networks
            {
                public static readonly Network Public = new("public");
                public static readonly Network Private = new("private");
            }
        }

        static class Definition
        {
            public static ComposeStack Build() => new ComposeStack("s").WithServices(
                new Service("prune").WithImage("restic:1").WithRestart(RestartPolicy.Always).WithNetworks(Networks.Private),
                new Service("web").WithImage("nginx:1").WithRestart(RestartPolicy.Always).WithNetworks(App.Networks.Public));
        }
        """],
        "STK0002",
        prependUsings: false);

    [Fact]
    public Task STK0003_adds_the_entrypoint_to_the_router_helper() => Fix(
        ["""
        static class EntryPoints
        {
            public static readonly EntryPoint Https = new("https", 443);
            public static readonly TraefikProxy Proxy = new TraefikProxy(new Service("traefik"), new Network("n")).WithEntryPoints(Https);
        }

        static class Definition
        {
            static readonly Network Net = new("n");
            static readonly ForwardAuthMiddleware Sso = new("sso", "http://authelia:9091/api/verify");
            static Router Site => {|STK0003:new Router("site")|}.WithHost("example.org").WithPort(80).WithMiddlewares(Sso);
            public static ComposeStack Build() => new ComposeStack("s").WithServices(
                new Service("site").WithImage("nginx:1").WithRestart(RestartPolicy.Always).WithNetworks(Net).WithRouter(Site));
        }
        """],
        ["""
        static class EntryPoints
        {
            public static readonly EntryPoint Https = new("https", 443);
            public static readonly TraefikProxy Proxy = new TraefikProxy(new Service("traefik"), new Network("n")).WithEntryPoints(Https);
        }

        static class Definition
        {
            static readonly Network Net = new("n");
            static readonly ForwardAuthMiddleware Sso = new("sso", "http://authelia:9091/api/verify");
            static Router Site => new Router("site").WithHost("example.org").WithPort(80).WithMiddlewares(Sso).WithEntryPoints(EntryPoints.Https);
            public static ComposeStack Build() => new ComposeStack("s").WithServices(
                new Service("site").WithImage("nginx:1").WithRestart(RestartPolicy.Always).WithNetworks(Net).WithRouter(Site));
        }
        """]);

    [Fact]
    public Task STK0004_adds_a_forward_auth_middleware_even_when_typed_as_Middleware() => Fix(
        ["""
        static class Middlewares
        {
            public static readonly Middleware Authelia = new ForwardAuthMiddleware("sso-proxy", "http://authelia:9091/api/verify");
            public static readonly Middleware Limit = new RateLimitMiddleware("limit", 5, 5, System.TimeSpan.FromSeconds(1));
        }

        static class Definition
        {
            static readonly Network Net = new("n");
            static readonly EntryPoint Https = new("https", 443);
            public static ComposeStack Build() => new ComposeStack("s").WithServices(
                new Service("whoami").WithImage("traefik/whoami:1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .WithRouter({|STK0004:new Router("whoami")|}.WithHost("whoami.example.org").WithPort(80).WithEntryPoints(Https)));
        }
        """],
        ["""
        static class Middlewares
        {
            public static readonly Middleware Authelia = new ForwardAuthMiddleware("sso-proxy", "http://authelia:9091/api/verify");
            public static readonly Middleware Limit = new RateLimitMiddleware("limit", 5, 5, System.TimeSpan.FromSeconds(1));
        }

        static class Definition
        {
            static readonly Network Net = new("n");
            static readonly EntryPoint Https = new("https", 443);
            public static ComposeStack Build() => new ComposeStack("s").WithServices(
                new Service("whoami").WithImage("traefik/whoami:1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .WithRouter(new Router("whoami").WithHost("whoami.example.org").WithPort(80).WithEntryPoints(Https).WithMiddlewares(Middlewares.Authelia)));
        }
        """]);

    private const string DependencyCommon = """
        static readonly Network Net = new("n");
        static readonly Service Db = new Service("db").WithImage("mysql:8").WithRestart(RestartPolicy.Always).WithNetworks(Net)
            .WithHealthcheck(new Healthcheck(HealthcheckTest.Shell("mysqladmin ping")));
        static readonly Service Cache = new Service("cache").WithImage("redis:7").WithRestart(RestartPolicy.Always).WithNetworks(Net);
        """;

    /// <summary>What both ways to Cache's missing healthcheck end in: Cache gets redis's readiness probe from the shared table, app waits until it is healthy.</summary>
    private const string CacheWaitedOnWithRedisProbe = """
        static class Definition
        {
            static readonly Network Net = new("n");
        static readonly Service Db = new Service("db").WithImage("mysql:8").WithRestart(RestartPolicy.Always).WithNetworks(Net)
            .WithHealthcheck(new Healthcheck(HealthcheckTest.Shell("mysqladmin ping")));
        static readonly Service Cache = new Service("cache").WithImage("redis:7").WithRestart(RestartPolicy.Always).WithNetworks(Net).WithHealthcheck(new Healthcheck(HealthcheckTest.Shell("redis-cli ping | grep -q PONG")));
            public static ComposeStack Build() => new ComposeStack("s").WithServices(Db, Cache,
                new Service("app").WithImage("app:1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .DependsOn(Cache, DependencyCondition.ServiceHealthy));
        }
        """;

    [Fact]
    public Task STK0005_switches_the_condition_to_healthy() => Fix(
        [$$"""
        static class Definition
        {
            {{DependencyCommon}}
            public static ComposeStack Build() => new ComposeStack("s").WithServices(Db, Cache,
                new Service("app").WithImage("app:1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .{|STK0005:DependsOn(Db, DependencyCondition.ServiceStarted)|});
        }
        """],
        [$$"""
        static class Definition
        {
            {{DependencyCommon}}
            public static ComposeStack Build() => new ComposeStack("s").WithServices(Db, Cache,
                new Service("app").WithImage("app:1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .DependsOn(Db, DependencyCondition.ServiceHealthy));
        }
        """]);

    [Fact]
    public Task STK0219_adds_the_known_probe_of_the_targets_image() => Fix(
        [$$"""
        static class Definition
        {
            {{DependencyCommon}}
            public static ComposeStack Build() => new ComposeStack("s").WithServices(Db, Cache,
                new Service("app").WithImage("app:1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .{|STK0219:DependsOn(Cache, DependencyCondition.ServiceHealthy)|});
        }
        """],
        [CacheWaitedOnWithRedisProbe]);

    [Fact]
    public Task STK0219_on_an_image_without_a_known_probe_waits_for_the_start_with_the_reason() => Fix(
        ["""
        static class Definition
        {
            static readonly Network Net = new("n");
            public static ComposeStack Build()
            {
                var api = new Service("api").WithImage("example/api:2.1").WithRestart(RestartPolicy.Always).WithNetworks(Net);
                var app = new Service("app").WithImage("app:1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .{|STK0219:DependsOn(api, DependencyCondition.ServiceHealthy)|};
                return new ComposeStack("s").WithServices(api, app);
            }
        }
        """],
        ["""
        static class Definition
        {
            static readonly Network Net = new("n");
            public static ComposeStack Build()
            {
                var api = new Service("api").WithImage("example/api:2.1").WithRestart(RestartPolicy.Always).WithNetworks(Net);
                var app = new Service("app").WithImage("app:1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .DependsOn(api, DependencyCondition.ServiceStarted, reason: "api has no healthcheck, and Compose refuses to wait for the health of a service without one: add .WithHealthcheck(...) to it and wait with DependencyCondition.ServiceHealthy");
                return new ComposeStack("s").WithServices(api, app);
            }
        }
        """]);

    [Fact]
    public Task STK0219_keeps_a_reason_the_call_already_gives() => Fix(
        [$$"""
        static class Definition
        {
            {{DependencyCommon}}
            public static ComposeStack Build() => new ComposeStack("s").WithServices(Db, Cache,
                new Service("app").WithImage("app:1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .{|STK0219:DependsOn(Cache, DependencyCondition.ServiceHealthy, reason: "mine")|});
        }
        """],
        [$$"""
        static class Definition
        {
            {{DependencyCommon}}
            public static ComposeStack Build() => new ComposeStack("s").WithServices(Db, Cache,
                new Service("app").WithImage("app:1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .DependsOn(Cache, DependencyCondition.ServiceStarted, reason: "mine"));
        }
        """],
        "STK0219:started");

    [Fact]
    public Task STK0005_on_service_started_adds_the_known_probe_and_waits_for_it() => Fix(
        [$$"""
        static class Definition
        {
            {{DependencyCommon}}
            public static ComposeStack Build() => new ComposeStack("s").WithServices(Db, Cache,
                new Service("app").WithImage("app:1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .{|STK0005:DependsOn(Cache, DependencyCondition.ServiceStarted)|});
        }
        """],
        [CacheWaitedOnWithRedisProbe]);

    [Fact]
    public Task STK0005_on_service_started_offers_no_healthcheck_for_an_unknown_image() => Fix(
        ["""
        static class Definition
        {
            static readonly Network Net = new("n");
            public static ComposeStack Build()
            {
                var api = new Service("api").WithImage("example/api:2.1").WithRestart(RestartPolicy.Always).WithNetworks(Net);
                var app = new Service("app").WithImage("app:1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .{|STK0005:DependsOn(api, DependencyCondition.ServiceStarted)|};
                return new ComposeStack("s").WithServices(api, app);
            }
        }
        """],
        ["""
        static class Definition
        {
            static readonly Network Net = new("n");
            public static ComposeStack Build()
            {
                var api = new Service("api").WithImage("example/api:2.1").WithRestart(RestartPolicy.Always).WithNetworks(Net);
                var app = new Service("app").WithImage("app:1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .{|STK0005:DependsOn(api, DependencyCondition.ServiceStarted)|};
                return new ComposeStack("s").WithServices(api, app);
            }
        }
        """]);

    [Fact]
    public Task STK0001_on_a_job_another_service_awaits_offers_one_shot_first() => Fix(
        ["""
        static class Definition
        {
            static readonly Network Net = new("n");
            public static ComposeStack Build()
            {
                var migrate = {|STK0001:new Service("migrate")|}.WithImage("app:1").WithCommand("migrate").WithNetworks(Net);
                var app = new Service("app").WithImage("app:1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .{|STK0005:DependsOn(migrate, DependencyCondition.ServiceCompletedSuccessfully)|};
                return new ComposeStack("s").WithServices(migrate, app);
            }
        }
        """],
        ["""
        static class Definition
        {
            static readonly Network Net = new("n");
            public static ComposeStack Build()
            {
                var migrate = new Service("migrate").WithImage("app:1").WithCommand("migrate").WithNetworks(Net).AsOneShot();
                var app = new Service("app").WithImage("app:1").WithRestart(RestartPolicy.Always).WithNetworks(Net)
                    .DependsOn(migrate, DependencyCondition.ServiceCompletedSuccessfully);
                return new ComposeStack("s").WithServices(migrate, app);
            }
        }
        """],
        "STK0001");

    [Fact]
    public Task STK0002_offers_a_network_declared_as_a_local_where_the_service_is_built() => Fix(
        ["""
        static class Definition
        {
            public static ComposeStack Build()
            {
                var backend = new Network("backend");
                var db = new Service("db").WithImage("mysql:8").WithRestart(RestartPolicy.Always).WithNetworks(backend);
                var worker = {|STK0002:new Service("worker")|}.WithImage("app:1").WithRestart(RestartPolicy.Always);
                return new ComposeStack("s").WithServices(db, worker);
            }
        }
        """],
        ["""
        static class Definition
        {
            public static ComposeStack Build()
            {
                var backend = new Network("backend");
                var db = new Service("db").WithImage("mysql:8").WithRestart(RestartPolicy.Always).WithNetworks(backend);
                var worker = new Service("worker").WithImage("app:1").WithRestart(RestartPolicy.Always).WithNetworks(backend);
                return new ComposeStack("s").WithServices(db, worker);
            }
        }
        """],
        "STK0002");
}
