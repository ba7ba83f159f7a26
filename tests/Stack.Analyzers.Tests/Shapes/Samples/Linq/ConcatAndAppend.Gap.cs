using System.Linq;
using Stack.Dsl.Compose;

// Literal collections joined with Concat, Append and Prepend: the one service without a network.
static class Definition
{
    public static ComposeStack Build()
    {
        var net = new Network("web");
        Service[] apps = [new Service("wiki").WithImage("nginx:1.27").WithNetworks(net).WithRestart(RestartPolicy.Always)];
        var db = new Service("db").WithImage("mariadb:11.4").WithRestart(RestartPolicy.Always); // finding: STK0002
        var proxy = new Service("proxy").WithImage("traefik:3.3").WithNetworks(net).WithRestart(RestartPolicy.Always);
        var cache = new Service("cache").WithImage("redis:7.4").WithNetworks(net); // finding: STK0001
        return new ComposeStack("s").WithServices(apps.Concat(new[] { db }).Append(proxy).Prepend(cache));
    }
}
