using Stack.Dsl.Compose;

// A helper that takes the services as `params` and hands them straight to the stack: both have a restart policy.
static class Definition
{
    static ComposeStack Assemble(string name, params Service[] services) => new ComposeStack(name).WithServices(services);

    public static ComposeStack Build()
    {
        var net = new Network("web");
        var app = new Service("app").WithImage("nginx:1.27").WithNetworks(net).WithRestart(RestartPolicy.UnlessStopped);
        return Assemble("s",
            app,
            new Service("db").WithImage("mariadb:11.4").WithNetworks(net).WithRestart(RestartPolicy.Always));
    }
}
