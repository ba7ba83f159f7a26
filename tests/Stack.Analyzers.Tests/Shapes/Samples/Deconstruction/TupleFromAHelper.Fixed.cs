using Stack.Dsl.Compose;

// A helper returns two services as a tuple, deconstructed into locals: the caller adds the restart policy.
static class Definition
{
    static readonly Network Net = new("web");

    static (Service App, Service Db) Pair() => (
        new Service("app").WithImage("nginx:1.27").WithNetworks(Net),
        new Service("db").WithImage("mariadb:11.4").WithNetworks(Net));

    public static ComposeStack Build()
    {
        var (app, db) = Pair();
        return new ComposeStack("s").WithServices(app.WithRestart(RestartPolicy.Always), db.WithRestart(RestartPolicy.Always));
    }
}
