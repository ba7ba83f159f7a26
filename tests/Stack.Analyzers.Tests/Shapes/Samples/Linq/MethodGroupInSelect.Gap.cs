using System.Linq;
using Stack.Dsl.Compose;

// A method group in Select: each name through the helper, none with a restart policy.
static class Definition
{
    static readonly Network Net = new("web");

    static Service App(string name) => new Service(name).WithImage("nginx:1.27").WithNetworks(Net); // finding: STK0001, STK0001

    public static ComposeStack Build() =>
        new ComposeStack("s").WithServices(new[] { "wiki", "blog" }.Select(App));
}
