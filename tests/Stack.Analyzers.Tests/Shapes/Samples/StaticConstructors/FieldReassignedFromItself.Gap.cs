using Stack.Dsl.Compose;

// A static constructor that finishes a field from its own initial value, without a restart policy.
static class Definition
{
    static readonly Network Net = new("web");
    static readonly Service Web = new Service("web").WithImage("nginx:1.27"); // finding: STK0001

    static Definition()
    {
        Web = Web.WithNetworks(Net);
    }

    public static ComposeStack Build() => new ComposeStack("s").WithServices(Web);
}
