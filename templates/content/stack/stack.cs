#:package Stack.Dsl@0.1.0
// A docker-compose stack in one C# file. `dotnet run stack.cs` writes generated/ beside it;
// `dotnet run stack.cs -- --check` fails when generated/ is stale. The build shows the stack's
// checklist and security findings (STKnnnn) at the line that causes them.
using System.Net;
using Stack.Dsl.Cli;
using Stack.Dsl.Compose;

return StackCli.Run(args, Build);

static ComposeStack Build()
{
    var web = new Network("web");

    // A first service that passes every rule: a pinned image, a restart policy, a named network,
    // and a port published on loopback only. Replace it with yours.
    var whoami = new Service("whoami")
        .WithImage("traefik/whoami:v1.10.3")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithNetworks(web)
        .WithPort(8080, 80, IPAddress.Loopback);

    return new ComposeStack("my-stack").WithServices(whoami);
}
