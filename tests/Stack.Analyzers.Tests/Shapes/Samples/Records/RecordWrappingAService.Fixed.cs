using Stack.Dsl.Compose;

// A positional record that carries a service with its backup owner: the service with a restart policy.
sealed record Hosted(Service Service, string Owner);

static class Definition
{
    static readonly Network Net = new("web");
    static readonly Hosted Wiki = new(new Service("wiki").WithImage("nginx:1.27").WithNetworks(Net).WithRestart(RestartPolicy.UnlessStopped), "ops");

    public static ComposeStack Build() => new ComposeStack("s").WithServices(Wiki.Service);
}
