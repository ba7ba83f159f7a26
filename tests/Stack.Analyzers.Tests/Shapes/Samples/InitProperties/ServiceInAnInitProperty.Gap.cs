using Stack.Dsl.Compose;

// An app described by a class with init properties, set in an object initializer: its service without a restart policy.
sealed class App
{
    public required Service Service { get; init; }
    public string Owner { get; init; } = "ops";
}

static class Definition
{
    static readonly Network Net = new("web");
    static readonly App Wiki = new()
    {
        Service = new Service("wiki").WithImage("nginx:1.27").WithNetworks(Net), // finding: STK0001
    };

    public static ComposeStack Build() => new ComposeStack("s").WithServices(Wiki.Service);
}
