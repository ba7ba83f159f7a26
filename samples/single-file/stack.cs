#:package Stack.Dsl@0.1.0
// A whole stack in one file: `dotnet run stack.cs` writes generated/ beside it, and
// `dotnet run stack.cs -- --check` tells whether generated/ is up to date. The build shows the
// analyzers' findings (STKnnnn) at the line that causes them.
using System.Net;
using Stack.Dsl.Backups;
using Stack.Dsl.Cli;
using Stack.Dsl.Compose;

return StackCli.Run(args, Build);

static ComposeStack Build()
{
    var monitoring = new Network("monitoring");
    var data = new Volume("kuma-data").WithBackup(VolumeBackup.Files());

    var kuma = new Service("uptime-kuma")
        .WithImage("louislam/uptime-kuma:1.23.15-alpine")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithNetworks(monitoring)
        .WithVolume(data, "/app/data")
        // A file beside stack.cs: bind-mounted files resolve relative to the definition.
        .WithBind(HostPath.InProject("config/notifications.json"), "/app/notifications.json", readOnly: true)
        // Loopback only: reach it through an SSH tunnel or a reverse proxy.
        .WithPort(3001, 3001, IPAddress.Loopback)
        .WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("node", "extra/healthcheck.js"))
        {
            Interval = TimeSpan.FromSeconds(30),
            Timeout = TimeSpan.FromSeconds(5),
            Retries = 3,
        });

    return new ComposeStack("single-file").WithServices(kuma);
}
