using System;
using Stack.Dsl.Compose;

// A lambda kept in a local and called for each app: each service without a restart policy.
static class Definition
{
    public static ComposeStack Build()
    {
        var net = new Network("web");
        Func<string, string, Service> app = (name, image) => new Service(name).WithImage(image).WithNetworks(net); // finding: STK0001, STK0001
        return new ComposeStack("s").WithServices(
            app("wiki", "nginx:1.27"),
            app("docs", "nginx:1.27"));
    }
}
