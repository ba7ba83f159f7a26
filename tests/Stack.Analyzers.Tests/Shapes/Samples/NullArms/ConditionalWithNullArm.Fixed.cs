using Stack.Dsl.Compose;

// An optional service: null when switched off, otherwise one with its restart policy.
static class Definition
{
    static readonly Network Net = new("web");
    const bool WithAdminer = true;

    static Service? Adminer(bool enabled) =>
        enabled ? new Service("adminer").WithImage("adminer:4.8.1").WithNetworks(Net).WithRestart(RestartPolicy.UnlessStopped) : null;

    public static ComposeStack Build() => new ComposeStack("s").WithServices(Adminer(WithAdminer)!);
}
