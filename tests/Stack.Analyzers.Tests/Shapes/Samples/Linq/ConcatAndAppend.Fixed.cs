using System.Linq;
using Stack.Dsl.Compose;

// Literal collections joined with Concat, Append and Prepend: every service on a network with a restart policy.
static class Definition
{
    public static ComposeStack Build()
    {
        var net = new Network("web");
        Service[] apps = [new Service("wiki").WithImage("nginx:1.27").WithNetworks(net).WithRestart(RestartPolicy.Always)];
        var db = new Service("db").WithImage("mariadb:11.4").WithNetworks(net).WithRestart(RestartPolicy.Always);
        var proxy = new Service("proxy").WithImage("traefik:3.3").WithNetworks(net).WithRestart(RestartPolicy.Always);
        return new ComposeStack("s").WithServices(apps.Concat(new[] { db }).Append(proxy));
    }
}
