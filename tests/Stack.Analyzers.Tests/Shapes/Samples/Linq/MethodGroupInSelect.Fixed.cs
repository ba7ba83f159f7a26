using System.Linq;
using Stack.Dsl.Compose;

// A method group in Select: the helper gives each service its restart policy.
static class Definition
{
    static readonly Network Net = new("web");

    static Service App(string name) => new Service(name).WithImage("nginx:1.27").WithNetworks(Net).WithRestart(RestartPolicy.Always);

    public static ComposeStack Build() =>
        new ComposeStack("s").WithServices(new[] { "wiki", "blog" }.Select(App));
}
