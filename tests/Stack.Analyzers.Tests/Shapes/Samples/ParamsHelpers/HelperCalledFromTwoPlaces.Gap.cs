using Stack.Dsl.Compose;

// The `params` helper called twice, once with an array in a local: each call's services are checked.
static class Definition
{
    static readonly Network Net = new("web");

    static ComposeStack Add(ComposeStack stack, params Service[] services)
    {
        return stack.WithServices(services);
    }

    public static ComposeStack Build()
    {
        Service[] tools = [new Service("tools").WithImage("busybox:1.37").WithNetworks(Net)]; // finding: STK0001
        var stack = Add(new ComposeStack("s"), new Service("web").WithImage("nginx:1.27").WithNetworks(Net)); // finding: STK0001
        return Add(stack, tools);
    }
}
