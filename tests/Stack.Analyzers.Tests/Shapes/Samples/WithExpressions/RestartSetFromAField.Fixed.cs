using Stack.Dsl.Compose;

// A copy of a base service whose policy is set from a field that holds one.
static class Definition
{
    static readonly Network Net = new("web");
    static readonly RestartPolicy? Policy = RestartPolicy.UnlessStopped;
    static readonly Service Base = new Service("web").WithImage("nginx:1.27").WithNetworks(Net);

    public static ComposeStack Build() => new ComposeStack("s").WithServices(
        Base with { Restart = Policy });
}
