using Stack.Dsl.Compose;

// A record copied with `with` (another owner, or another service) and then read: each copy's service as the copy has it.
sealed record Hosted(Service Service, string Owner);

static class Definition
{
    static readonly Network Net = new("web");
    static readonly Hosted Wiki = new(new Service("wiki").WithImage("nginx:1.27").WithNetworks(Net), "ops"); // finding: STK0001

    public static ComposeStack Build()
    {
        var handedOver = Wiki with { Owner = "dev" };
        var blog = Wiki with { Service = new Service("blog").WithImage("nginx:1.27") }; // finding: STK0001, STK0002
        return new ComposeStack("s").WithServices(handedOver.Service, blog.Service);
    }
}
