using Stack.Dsl.Compose;

// The same empty override slot; the default on the right has its restart policy.
static class Definition
{
    static readonly Network Net = new("web");
    static readonly Service? Override = null;

    public static ComposeStack Build() => new ComposeStack("s").WithServices(
        Override ?? new Service("web").WithImage("nginx:1.27").WithNetworks(Net).WithRestart(RestartPolicy.UnlessStopped));
}
