using Stack.Dsl.Compose;

// Static initializers run before the static constructor's body: All holds Web as first built, with its
// restart policy, although the constructor clears the policy on Web afterwards.
static class Definition
{
    static readonly Network Net = new("web");
    static readonly Service Web = new Service("web").WithImage("nginx:1.27").WithNetworks(Net).WithRestart(RestartPolicy.Always);
    static readonly Service[] All = [Web];

    static Definition()
    {
        Web = Web with { Restart = null };
    }

    public static ComposeStack Build() => new ComposeStack("s").WithServices(All);
}
