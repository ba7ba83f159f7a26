using Stack.Dsl.Compose;

// A helper returns two services as a tuple, deconstructed into locals: the app without a restart policy.
static class Definition
{
    static readonly Network Net = new("web");

    static (Service App, Service Db) Pair() => (
        new Service("app").WithImage("nginx:1.27").WithNetworks(Net), // finding: STK0001
        new Service("db").WithImage("mariadb:11.4").WithNetworks(Net).WithRestart(RestartPolicy.Always));

    public static ComposeStack Build()
    {
        var (app, db) = Pair();
        return new ComposeStack("s").WithServices(app, db);
    }
}
