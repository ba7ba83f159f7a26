using Stack.Dsl.Compose;

// A property built on first use into a backing field of its own.
static class Definition
{
    static readonly Network Net = new("web");
    static Service? _web;

    static Service Web => _web ??= new Service("web").WithImage("nginx:1.27").WithNetworks(Net); // finding: STK0001

    public static ComposeStack Build() => new ComposeStack("s").WithServices(Web);
}
