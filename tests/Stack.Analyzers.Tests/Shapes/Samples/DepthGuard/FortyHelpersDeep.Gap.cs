using Stack.Dsl.Compose;

// Forty helpers deep (80 steps): within the tracer's depth guard (200 steps, two a helper here), so found.
static class Definition
{
    static readonly Network Net = new("web");

    static Service Layer0() => new Service("web").WithImage("nginx:1.27").WithNetworks(Net); // finding: STK0001
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
    static Service Layer11() => Layer10().WithLabel("layer", "11");
    static Service Layer12() => Layer11().WithLabel("layer", "12");
    static Service Layer13() => Layer12().WithLabel("layer", "13");
    static Service Layer14() => Layer13().WithLabel("layer", "14");
    static Service Layer15() => Layer14().WithLabel("layer", "15");
    static Service Layer16() => Layer15().WithLabel("layer", "16");
    static Service Layer17() => Layer16().WithLabel("layer", "17");
    static Service Layer18() => Layer17().WithLabel("layer", "18");
    static Service Layer19() => Layer18().WithLabel("layer", "19");
    static Service Layer20() => Layer19().WithLabel("layer", "20");
    static Service Layer21() => Layer20().WithLabel("layer", "21");
    static Service Layer22() => Layer21().WithLabel("layer", "22");
    static Service Layer23() => Layer22().WithLabel("layer", "23");
    static Service Layer24() => Layer23().WithLabel("layer", "24");
    static Service Layer25() => Layer24().WithLabel("layer", "25");
    static Service Layer26() => Layer25().WithLabel("layer", "26");
    static Service Layer27() => Layer26().WithLabel("layer", "27");
    static Service Layer28() => Layer27().WithLabel("layer", "28");
    static Service Layer29() => Layer28().WithLabel("layer", "29");
    static Service Layer30() => Layer29().WithLabel("layer", "30");
    static Service Layer31() => Layer30().WithLabel("layer", "31");
    static Service Layer32() => Layer31().WithLabel("layer", "32");
    static Service Layer33() => Layer32().WithLabel("layer", "33");
    static Service Layer34() => Layer33().WithLabel("layer", "34");
    static Service Layer35() => Layer34().WithLabel("layer", "35");
    static Service Layer36() => Layer35().WithLabel("layer", "36");
    static Service Layer37() => Layer36().WithLabel("layer", "37");
    static Service Layer38() => Layer37().WithLabel("layer", "38");
    static Service Layer39() => Layer38().WithLabel("layer", "39");
    static Service Layer40() => Layer39().WithLabel("layer", "40");

    public static ComposeStack Build() => new ComposeStack("s").WithServices(Layer40());
}
