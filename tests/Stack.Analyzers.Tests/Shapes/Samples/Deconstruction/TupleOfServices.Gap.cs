using Stack.Dsl.Compose;

// Two services made in one tuple and deconstructed into locals: the app without a restart policy.
static class Definition
{
    public static ComposeStack Build()
    {
        var net = new Network("web");
        var (app, db) = (
            new Service("app").WithImage("nginx:1.27").WithNetworks(net), // finding: STK0001
            new Service("db").WithImage("mariadb:11.4").WithNetworks(net).WithRestart(RestartPolicy.Always));
        return new ComposeStack("s").WithServices(app, db);
    }
}
