using Stack.Dsl.Compose;

// An init accessor that finishes the service it is given: what the initializer passes is not what is stored.
sealed class App
{
    private readonly Service _service = null!;

    public required Service Service { get => _service; init => _service = value.WithRestart(RestartPolicy.UnlessStopped); }
}

static class Definition
{
    static readonly Network Net = new("web");
    static readonly App Wiki = new() { Service = new Service("wiki").WithImage("nginx:1.27").WithNetworks(Net) };

    public static ComposeStack Build() => new ComposeStack("s").WithServices(Wiki.Service);
}
