using Stack.Dsl.Compose;

// A copy of a base service whose policy is overwritten from a field that is null: the policy is cleared.
static class Definition
{
    static readonly Network Net = new("web");
    static readonly RestartPolicy? NoPolicyYet = null;
    static readonly Service Base = new Service("web").WithImage("nginx:1.27").WithNetworks(Net).WithRestart(RestartPolicy.Always); // finding: STK0001

    public static ComposeStack Build() => new ComposeStack("s").WithServices(
        Base with { Restart = NoPolicyYet });
}
