using Stack.Dsl.Compose;

// An optional service: null when switched off, otherwise one without a restart policy.
static class Definition
{
    static readonly Network Net = new("web");
    const bool WithAdminer = true;

    static Service? Adminer(bool enabled) =>
        enabled ? new Service("adminer").WithImage("adminer:4.8.1").WithNetworks(Net) : null;

    public static ComposeStack Build() => new ComposeStack("s").WithServices(Adminer(WithAdminer)!); // finding: STK0001
}
