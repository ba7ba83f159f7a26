using Stack.Dsl.Compose;

// A static constructor that adds the restart policy to a field from its own initial value.
static class Definition
{
    static readonly Network Net = new("web");
    static readonly Service Web = new Service("web").WithImage("nginx:1.27").WithNetworks(Net);

    static Definition()
    {
        Web = Web.WithRestart(RestartPolicy.UnlessStopped);
    }

    public static ComposeStack Build() => new ComposeStack("s").WithServices(Web);
}
