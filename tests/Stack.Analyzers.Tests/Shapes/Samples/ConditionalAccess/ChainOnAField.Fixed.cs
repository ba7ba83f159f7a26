using Stack.Dsl.Compose;

// A chain continued with `?.` on a field that may be unset: the service as built, with a restart policy.
static class Definition
{
    static readonly Network Net = new("web");
    static readonly Service? Base = new Service("web").WithImage("nginx:1.27");

    public static ComposeStack Build() => new ComposeStack("s").WithServices(
        Base?.WithNetworks(Net).WithRestart(RestartPolicy.UnlessStopped)!);
}
