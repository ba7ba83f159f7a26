using Stack.Dsl.Compose;

// A record copied with `with`: the copy replaces the service with one that has its restart policy.
sealed record Hosted(Service Service, string Owner);

static class Definition
{
    static readonly Network Net = new("web");
    static readonly Hosted Wiki = new(new Service("wiki").WithImage("nginx:1.27").WithNetworks(Net), "ops");

    public static ComposeStack Build()
    {
        var fixedUp = Wiki with { Service = Wiki.Service.WithRestart(RestartPolicy.Always), Owner = "dev" };
        return new ComposeStack("s").WithServices(fixedUp.Service);
    }
}
