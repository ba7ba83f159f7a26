using Stack.Dsl.Compose;

// A property built on first use with C# 14's `field` keyword.
static class Definition
{
    static readonly Network Net = new("web");

    static Service Web => field ??= new Service("web").WithImage("nginx:1.27").WithNetworks(Net); // finding: STK0001

    public static ComposeStack Build() => new ComposeStack("s").WithServices(Web);
}
