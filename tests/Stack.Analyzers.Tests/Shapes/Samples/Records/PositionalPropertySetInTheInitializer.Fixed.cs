using Stack.Dsl.Compose;

// A positional record whose service is replaced in the object initializer: the service it holds is the initializer's.
sealed record Hosted(Service Service, string Owner);

static class Definition
{
    static readonly Network Net = new("web");

    public static ComposeStack Build()
    {
        var draft = new Service("wiki").WithImage("nginx:1.27").WithNetworks(Net);
        var wiki = new Hosted(draft, "ops") { Service = draft.WithRestart(RestartPolicy.Always) };
        return new ComposeStack("s").WithServices(wiki.Service);
    }
}
