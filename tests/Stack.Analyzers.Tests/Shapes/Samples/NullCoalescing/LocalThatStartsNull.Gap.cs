using Stack.Dsl.Compose;

// A local filled in by `??=`: it starts null, so the service is the one assigned, without a restart policy.
static class Definition
{
    public static ComposeStack Build()
    {
        var net = new Network("web");
        Service? web = null;
        web ??= new Service("web").WithImage("nginx:1.27").WithNetworks(net); // finding: STK0001
        return new ComposeStack("s").WithServices(web);
    }
}
