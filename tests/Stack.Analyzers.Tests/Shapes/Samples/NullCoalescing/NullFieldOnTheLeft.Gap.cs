using Stack.Dsl.Compose;

// An override slot left empty: `??` always takes the right side, which has no restart policy.
static class Definition
{
    static readonly Network Net = new("web");
    static readonly Service? Override = null;

    public static ComposeStack Build() => new ComposeStack("s").WithServices(
        Override ?? new Service("web").WithImage("nginx:1.27").WithNetworks(Net)); // finding: STK0001
}
