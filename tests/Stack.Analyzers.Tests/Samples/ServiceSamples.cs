namespace Stack.Analyzers.Tests.Samples;

/// <summary>STK0001 (restart policy) and STK0002 (networks) in every code shape a definition uses.</summary>
internal static class ServiceSamples
{
    private const string Net = "static readonly Network Net = new(\"n\");";

    public static IEnumerable<Sample> All =>
    [
        new("inline chain", [$$"""
            static class Definition
            {
                {{Net}}
                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    {|STK0001:new Service("web")|}.WithImage("nginx:1").WithNetworks(Net),
                    {|STK0002:new Service("db")|}.WithImage("mysql:8").WithRestart(RestartPolicy.Always),
                    new Service("ok").WithImage("nginx:1").WithNetworks(Net).WithRestart(RestartPolicy.UnlessStopped));
            }
            """], ["STK0001", "STK0002"]),

        new("a switch expression: the arm a constant picks, else what every arm agrees on", [$$"""
            static class Definition
            {
                {{Net}}
                static Service For(string kind) => kind switch
                {
                    "web" => new Service("web").WithImage("nginx:1").WithNetworks(Net),
                    _ => new Service("other").WithImage("nginx:1").WithNetworks(Net).WithRestart(RestartPolicy.Always),
                };

                static Service Both(string kind) => kind switch
                {
                    "a" => new Service("a").WithImage("nginx:1").WithNetworks(Net),
                    _ => new Service("b").WithImage("nginx:1").WithNetworks(Net),
                };

                public static ComposeStack Build() => new ComposeStack("s").WithServices({|STK0001:For("web")|}, {|STK0001:Both("a")|});
            }
            """], ["STK0001", "STK0001"]),

        new("a collection initializer passed to WithServices", [$$"""
            using System.Collections.Generic;

            static class Definition
            {
                {{Net}}
                public static ComposeStack Build() => new ComposeStack("s").WithServices(new List<Service>
                {
                    {|STK0001:new Service("web")|}.WithImage("nginx:1").WithNetworks(Net),
                    new Service("ok").WithImage("nginx:1").WithNetworks(Net).WithRestart(RestartPolicy.Always),
                });
            }
            """], ["STK0001"]),

        new("a list built in a local may grow later: its elements are left to the runtime", [$$"""
            using System.Collections.Generic;

            static class Definition
            {
                {{Net}}
                public static ComposeStack Build()
                {
                    var services = new List<Service> { new Service("ok").WithImage("nginx:1").WithNetworks(Net).WithRestart(RestartPolicy.Always) };
                    services.Add(new Service("late").WithImage("nginx:1").WithNetworks(Net));
                    return new ComposeStack("s").WithServices(services);
                }
            }
            """], ["STK0001"]),

        new("a deployment's restart policy (deploy.restart_policy) is a restart policy", [$$"""
            static class Definition
            {
                {{Net}}
                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    new Service("web").WithImage("nginx:1").WithNetworks(Net)
                        .WithDeployment(new Deployment { Replicas = 2, RestartPolicy = new DeployRestartPolicy { Condition = DeployRestartCondition.OnFailure } }),
                    {|STK0001:new Service("plain")|}.WithImage("nginx:1").WithNetworks(Net).WithDeployment(new Deployment { Replicas = 2 }));
            }
            """], ["STK0001"]),

        new("explicit choices: RestartPolicy.No, a network mode, AsOneShot", [$$"""
            static class Definition
            {
                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    new Service("a").WithImage("nginx:1").WithRestart(RestartPolicy.No).WithNetworkMode(NetworkMode.None),
                    new Service("b").WithImage("nginx:1").AsOneShot().WithNetworkMode(NetworkMode.Host)
                        .AcceptRisk(SecurityRisk.HostPrivilege, "a sample of an explicit network mode"));
            }
            """], []),

        new("field initializers", [$$"""
            static class Definition
            {
                {{Net}}
                static readonly Service Gc = {|STK0001:new Service("gc")|}.WithImage("docker-gc:1").WithNetworks(Net);
                static readonly Service Ok = new Service("ok").WithImage("nginx:1").WithNetworks(Net).WithRestart(RestartPolicy.Always);
                public static ComposeStack Build() => new ComposeStack("s").WithServices(Gc, Ok);
            }
            """], ["STK0001"]),

        new("property initializers: expression-bodied, get-only auto, getter block", [$$"""
            static class Definition
            {
                {{Net}}
                static Service Arrow => {|STK0002:new Service("arrow")|}.WithImage("nginx:1").WithRestart(RestartPolicy.Always);
                static Service Auto { get; } = {|STK0001:new Service("auto")|}.WithImage("nginx:1").WithNetworks(Net);
                static Service Block { get { return new Service("block").WithImage("nginx:1").WithNetworks(Net).WithRestart(RestartPolicy.Always); } }
                public static ComposeStack Build() => new ComposeStack("s").WithServices(Arrow, Auto, Block);
            }
            """], ["STK0002", "STK0001"]),

        new("a settable property is not provable", [$$"""
            static class Definition
            {
                {{Net}}
                public static Service Settable { get; set; } = new Service("settable").WithImage("nginx:1").WithNetworks(Net);
                public static ComposeStack Build() => new ComposeStack("s").WithServices(Settable);
            }
            """], ["STK0001"]),

        new("locals, including reassigned ones", [$$"""
            static class Definition
            {
                {{Net}}
                public static ComposeStack Build()
                {
                    var bare = {|STK0001:new Service("bare")|}.WithImage("nginx:1");
                    var grown = new Service("grown").WithImage("nginx:1");
                    grown = grown.WithRestart(RestartPolicy.Always).WithNetworks(Net);
                    var stack = new ComposeStack("s");
                    // grown's networks depend on which write counts (flow-insensitive: unknown),
                    // so the analyzer cannot prove the stack uses named networks: no STK0002 here.
                    return stack.WithServices(bare, grown);
                }
            }
            """], ["STK0001", "STK0002"]),

        new("declared in one file, used in another", [$$"""
            public static class Services
            {
                static readonly Network Net = new("n");
                public static readonly Service Gc = {|STK0001:new Service("gc")|}.WithImage("docker-gc:1").WithNetworks(Net);
                public static readonly Service Web = new Service("web").WithImage("nginx:1").WithNetworks(Net).WithRestart(RestartPolicy.Always);
            }
            """, """
            static class Definition
            {
                public static ComposeStack Build() => new ComposeStack("s").WithServices(Services.Gc, Services.Web);
            }
            """], ["STK0001"]),

        new("with expressions set and clear", [$$"""
            static class Definition
            {
                {{Net}}
                static readonly Service Base = new Service("base").WithImage("nginx:1").WithNetworks(Net);
                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    Base with { Restart = RestartPolicy.Always },
                    {|STK0001:new Service("cleared")|}.WithImage("nginx:1").WithNetworks(Net).WithRestart(RestartPolicy.Always) with { Restart = null });
            }
            """], ["STK0001"]),

        new("a helper extension that bundles settings", [$$"""
            static class Conventions
            {
                static readonly Network Private = new("private");
                public static Service Internal(this Service service) => service.WithRestart(RestartPolicy.UnlessStopped).WithNetworks(Private);
                public static Service Logged(this Service service) => service.WithLogging(new Logging("json-file"));
            }

            static class Definition
            {
                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    new Service("a").WithImage("nginx:1").Internal(),
                    new Service("b").Internal().WithImage("nginx:1"),
                    {|STK0001:{|STK0002:new Service("c")|}|}.WithImage("nginx:1").Logged());
            }
            """], ["STK0001", "STK0002"]),

        new("a C# 14 extension block that bundles settings, and a field-backed property", [$$"""
            static class Conventions
            {
                static readonly Network Private = new("private");

                extension(Service service)
                {
                    public Service Internal() => service.WithRestart(RestartPolicy.UnlessStopped).WithNetworks(Private);

                    public Service Logged() => service.WithLogging(new Logging("json-file"));
                }
            }

            static class Definition
            {
                static Service Web { get => field ??= new Service("w").WithImage("nginx:1").Internal(); }

                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    new Service("a").WithImage("nginx:1").Internal(),
                    Web,
                    {|STK0001:{|STK0002:new Service("c")|}|}.WithImage("nginx:1").Logged());
            }
            """], ["STK0001", "STK0002"]),

        new("a helper that builds a service from parameters", [$$"""
            static class Definition
            {
                static readonly Network Net = new("n");
                static Service App(string name, string image, bool restart)
                {
                    var service = new Service(name).WithImage(image).WithNetworks(Net);
                    return restart ? service.WithRestart(RestartPolicy.Always) : service;
                }

                static Service Sidecar(string name) => new Service(name).WithImage("busybox:1");

                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    App("a", "nginx:1", restart: true),
                    {|STK0001:App("b", "nginx:1", restart: false)|},
                    {|STK0001:{|STK0002:Sidecar("c")|}|});
            }
            """], ["STK0001", "STK0002", "STK0001"]), // App("b", restart: false): the constant argument picks the conditional's arm.

        new("conditional expressions", [$$"""
            static class Definition
            {
                {{Net}}
                public static ComposeStack Build(bool production = true) => new ComposeStack("s").WithServices(
                    production
                        ? new Service("a").WithImage("nginx:1").WithNetworks(Net).WithRestart(RestartPolicy.Always)
                        : new Service("a").WithImage("nginx:1").WithNetworks(Net),
                    {|STK0001:production ? new Service("b").WithImage("nginx:1").WithNetworks(Net) : new Service("b").WithImage("nginx:2").WithNetworks(Net)|});
            }
            """], ["STK0001"]),

        new("added in a loop over a known collection", [$$"""
            static class Definition
            {
                {{Net}}
                public static ComposeStack Build()
                {
                    Service[] services =
                    [
                        new Service("a").WithImage("nginx:1").WithNetworks(Net).WithRestart(RestartPolicy.Always),
                        {|STK0001:new Service("b")|}.WithImage("nginx:1").WithNetworks(Net),
                    ];
                    var stack = new ComposeStack("s");
                    foreach (var service in services)
                    {
                        stack = stack.WithServices(service);
                    }

                    return stack;
                }
            }
            """], ["STK0001"]),

        new("a loop over a visible array that filters with if: which are added is not proven", [$$"""
            static class Definition
            {
                {{Net}}
                public static ComposeStack Build()
                {
                    var stack = new ComposeStack("s");
                    foreach (var service in new[] { new Service("kept").WithImage("nginx:1").WithNetworks(Net), new Service("skipped").WithImage("nginx:1").WithNetworks(Net) })
                    {
                        if (service.Name == "kept")
                        {
                            stack = stack.WithServices(service);
                        }
                    }

                    return stack;
                }
            }
            """], ["STK0001"]),

        new("added in a loop over a list the analyzer cannot see into", [$$"""
            static class Definition
            {
                public static ComposeStack Build()
                {
                    var services = new List<Service>();
                    foreach (var name in new[] { "a", "b" })
                    {
                        services.Add(new Service(name).WithImage("nginx:1"));
                    }

                    var stack = new ComposeStack("s");
                    foreach (var service in services)
                    {
                        stack = stack.WithServices(service);
                    }

                    return stack;
                }
            }
            """], ["STK0001", "STK0001"]),

        new("services made in a LINQ lambda over a literal collection: each element, named (Samples/Constants has more)", [$$"""
            using System.Linq;

            static class Definition
            {
                {{Net}}
                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    new[] { "a", "b" }.Select(name => {|STK0001:{|STK0001:new Service(name)|}|}.WithImage("nginx:1").WithNetworks(Net)));
            }
            """], ["STK0001", "STK0001"]),

        new("the stack assembled in a helper taking params: each call's arguments", [$$"""
            static class Definition
            {
                {{Net}}
                static ComposeStack Assemble(params Service[] services) => new ComposeStack("s").WithServices(services);

                public static ComposeStack Build() => Assemble(
                    {|STK0001:new Service("a")|}.WithImage("nginx:1").WithNetworks(Net),
                    new Service("b").WithImage("nginx:1").WithNetworks(Net).WithRestart(RestartPolicy.Always));
            }
            """], ["STK0001"]),

        new("a record that wraps a service, and init properties, and a copy made with `with`", [$$"""
            record App(Service Service)
            {
                public string Owner { get; init; } = "ops";
            }

            static class Definition
            {
                {{Net}}
                public static ComposeStack Build()
                {
                    var app = new App({|STK0001:new Service("a")|}.WithImage("nginx:1").WithNetworks(Net)) { Owner = "web" };
                    var restarted = app with { Service = app.Service.WithRestart(RestartPolicy.Always) };
                    return new ComposeStack("s").WithServices(app.Service, restarted.Service);
                }
            }
            """], ["STK0001"]),

        new("deconstruction of a helper's tuple; ?. on a parameter is not followed", [$$"""
            static class Definition
            {
                {{Net}}
                static (Service Web, Service Worker) Pair() => (
                    {|STK0001:new Service("web")|}.WithImage("nginx:1").WithNetworks(Net),
                    new Service("worker").WithImage("app:1").WithNetworks(Net).WithRestart(RestartPolicy.Always));

                public static ComposeStack Build(Service? extra = null)
                {
                    var (web, worker) = Pair();
                    var maybe = extra?.WithRestart(RestartPolicy.Always);
                    return new ComposeStack("s").WithServices(web, worker).WithServices(maybe ?? new Service("spare").WithImage("app:1").WithNetworks(Net).WithRestart(RestartPolicy.Always));
                }
            }
            """], ["STK0001"]),

        // A readonly field or get-only property is searched for writes only where C# allows them:
        // constructors and init accessors. A write there that the walk missed would leave only the
        // initializer, which has no restart policy: a false STK0001.
        new("a static readonly field reassigned in the static constructor: both values count", [$$"""
            static class Definition
            {
                {{Net}}
                static readonly Service Web = new Service("web").WithImage("nginx:1").WithNetworks(Net);
                static readonly Service Worker = {|STK0001:new Service("worker")|}.WithImage("app:1").WithNetworks(Net);

                static Definition()
                {
                    Web = new Service("web").WithImage("nginx:1").WithNetworks(Net).WithRestart(RestartPolicy.Always);
                }

                public static ComposeStack Build() => new ComposeStack("s").WithServices(Web, Worker);
            }
            """], ["STK0001"]),

        new("a readonly field written in an init accessor, a get-only property in a constructor: both values count", [$$"""
            sealed class Parts
            {
                private readonly Service _web = new Service("web").WithImage("nginx:1").WithNetworks(Definition.Net);

                public Parts(bool restart)
                {
                    if (restart)
                    {
                        Worker = new Service("worker").WithImage("app:1").WithNetworks(Definition.Net).WithRestart(RestartPolicy.Always);
                    }
                }

                public string Owner { get => "ops"; init => _web = new Service("web").WithImage("nginx:1").WithNetworks(Definition.Net).WithRestart(RestartPolicy.Always); }

                public Service Web => _web;

                public Service Worker { get; } = new Service("worker").WithImage("app:1").WithNetworks(Definition.Net);

                public Service Spare { get; } = {|STK0001:new Service("spare")|}.WithImage("app:1").WithNetworks(Definition.Net);
            }

            static class Definition
            {
                public {{Net}}

                public static ComposeStack Build()
                {
                    var parts = new Parts(true) { Owner = "web" };
                    return new ComposeStack("s").WithServices(parts.Web, parts.Worker, parts.Spare);
                }
            }
            """], ["STK0001"]),
    ];
}
