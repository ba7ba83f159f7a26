using System;
using Stack.Dsl.Compose;

// A switch expression over the environment, refusing unknown ones: every arm restarts.
static class Definition
{
    static readonly Network Net = new("web");

    static Service App(string environment) => environment switch
    {
        "prod" => new Service("app").WithImage("nginx:1.27").WithNetworks(Net).WithRestart(RestartPolicy.Always),
        "dev" => new Service("app").WithImage("nginx:1.27").WithNetworks(Net).WithRestart(RestartPolicy.No),
        _ => throw new ArgumentOutOfRangeException(nameof(environment)),
    };

    public static ComposeStack Build() => new ComposeStack("s").WithServices(App("prod"));
}
