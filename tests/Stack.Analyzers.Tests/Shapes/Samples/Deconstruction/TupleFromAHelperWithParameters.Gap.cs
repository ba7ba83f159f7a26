using Stack.Dsl.Compose;

// A helper with parameters returns a tuple: each call's services are reported where the helper is called.
static class Definition
{
    static (Service App, Service Db) Pair(string app, Network net)
    {
        var db = new Service(app + "-db").WithImage("mariadb:11.4").WithNetworks(net).WithRestart(RestartPolicy.Always);
        return (new Service(app).WithImage("nginx:1.27").WithNetworks(net), db);
    }

    public static ComposeStack Build()
    {
        var net = new Network("web");
        (var wiki, var wikiDb) = Pair("wiki", net); // finding: STK0001
        return new ComposeStack("s").WithServices(wiki, wikiDb);
    }
}
