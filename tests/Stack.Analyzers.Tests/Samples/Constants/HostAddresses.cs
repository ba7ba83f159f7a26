namespace Stack.Analyzers.Tests.Samples.Constants;

/// <summary>Ports held in constants, bound with <c>IPAddress.Parse("...")</c> of a constant.</summary>
internal static class HostAddresses
{
    public static IEnumerable<Sample> All =>
    [
        new("constants: a port in a const on every interface by IPAddress.Parse", [$$"""
            using System.Net;

            static class Definition
            {
                {{ConstantShapeSamples.Common}}
                const int Http = 8080;
                const int DbPort = 5432;
                const string Everywhere = "0.0.0.0";

                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    App("a").{|STK0106:WithPort(Http, 80, IPAddress.Parse("0.0.0.0"))|},
                    App("b").{|STK0106:WithPort(Http, 80, IPAddress.Parse("::"))|},
                    App("c").{|STK0106:WithPort(Http, 80, IPAddress.Parse(Everywhere))|},
                    App("db").WithImage("postgres:17.2").{|STK0105:WithPort(DbPort, DbPort, IPAddress.Parse("127.0.0.1"))|});
            }
            """], ["STK0106", "STK0106", "STK0106", "STK0105"]),

        new("constants: a port in a const on one interface by IPAddress.Parse", [$$"""
            using System.Net;

            static class Definition
            {
                {{ConstantShapeSamples.Common}}
                const int Http = 8080;
                const string Lan = "192.168.1.10";

                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    App("a").WithPort(Http, 80, IPAddress.Parse("127.0.0.1")),
                    App("b").WithPort(Http, 80, IPAddress.Parse(Lan)),
                    App("c").WithPort(Http, 80, IPAddress.Parse("::1")));
            }
            """], []),
    ];
}
