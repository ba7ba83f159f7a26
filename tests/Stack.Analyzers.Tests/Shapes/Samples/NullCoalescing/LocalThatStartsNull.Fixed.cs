using Stack.Dsl.Compose;

// A local filled in by `??=` with a service that has its restart policy.
static class Definition
{
    public static ComposeStack Build()
    {
        var net = new Network("web");
        Service? web = null;
        web ??= new Service("web").WithImage("nginx:1.27").WithNetworks(net).WithRestart(RestartPolicy.Always);
        return new ComposeStack("s").WithServices(web);
    }
}
