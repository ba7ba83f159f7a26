using Stack.Dsl.Compose;

// A positional record that carries a service with its backup owner: the service without a restart policy.
sealed record Hosted(Service Service, string Owner);

static class Definition
{
    static readonly Network Net = new("web");
    static readonly Hosted Wiki = new(new Service("wiki").WithImage("nginx:1.27").WithNetworks(Net), "ops"); // finding: STK0001

    public static ComposeStack Build() => new ComposeStack("s").WithServices(Wiki.Service);
}
