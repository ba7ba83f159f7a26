using Stack.Dsl.Compose;

// Ten helpers, each adding a label to the one below: within the depth guard, the restart policy is seen.
static class Definition
{
    static readonly Network Net = new("web");

    static Service Layer0() => new Service("web").WithImage("nginx:1.27").WithNetworks(Net).WithRestart(RestartPolicy.UnlessStopped);
    static Service Layer1() => Layer0().WithLabel("layer", "1");
    static Service Layer2() => Layer1().WithLabel("layer", "2");
    static Service Layer3() => Layer2().WithLabel("layer", "3");
    static Service Layer4() => Layer3().WithLabel("layer", "4");
    static Service Layer5() => Layer4().WithLabel("layer", "5");
    static Service Layer6() => Layer5().WithLabel("layer", "6");
    static Service Layer7() => Layer6().WithLabel("layer", "7");
    static Service Layer8() => Layer7().WithLabel("layer", "8");
    static Service Layer9() => Layer8().WithLabel("layer", "9");
    static Service Layer10() => Layer9().WithLabel("layer", "10");

    public static ComposeStack Build() => new ComposeStack("s").WithServices(Layer10());
}
