// A definition that misses every checklist rule a code fix can mend: .ci/format-check copies it
// into a project referencing Stack's analyzers and code fixes, runs
//   dotnet format analyzers --diagnostics STK0001 STK0002 STK0003 STK0004 STK0005 STK0219 STK0300
// STK0100 and STK0106 once, as users do, and expects every line of Fixed.txt, with no STK diagnostic left.
using Stack.Dsl.Cli;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;

return StackCli.Run(args, Build);

static ComposeStack Build()
{
    var net = new Network("n");
    var data = new Volume("data");   // STK0300: no backup decision
    var cache = new Volume("cache"); // STK0300, mounted twice: one decision
    var db = new Service("db").WithImage("postgres:17.2").WithNetworks(net).WithVolume(data, "/var/lib/postgresql/data"); // STK0001
    var app = new Service("app").WithImage("example/app:1.0").WithNetworks(net) // STK0001
        .WithVolume(cache, "/cache").WithVolume(cache, "/cache2")
        .DependsOn(db, DependencyCondition.ServiceStarted); // STK0005: db has no healthcheck yet
    var web = new Service("web").WithImage("nginx:1.27.3").WithRestart(RestartPolicy.Always) // STK0002: net is a local
        .WithRouter(new Router("web").WithHost("example.org").WithPort(80))
        .WithPort(8080, 80); // STK0106: every interface
    var migrate = new Service("migrate").WithImage("example/app:1.0").WithCommand("migrate").WithNetworks(net); // STK0001
    var redis = new Service("redis").WithImage("redis:7.4.1").WithNetworks(net).WithRestart(RestartPolicy.Always);
    var worker = new Service("worker").WithImage("example/app:1.0").WithNetworks(net).WithRestart(RestartPolicy.Always)
        .WithEnvironment("API_TOKEN", "abc123") // STK0100: a literal secret
        .DependsOn(migrate, DependencyCondition.ServiceCompletedSuccessfully) // STK0005: migrate is not one-shot
        .DependsOn(redis, DependencyCondition.ServiceHealthy) // STK0219: redis without a healthcheck
        .DependsOn(web, DependencyCondition.ServiceHealthy); // STK0219: nginx, no known probe
    return new ComposeStack("fixes").WithServices(db, app, web, migrate, worker, redis);
}
