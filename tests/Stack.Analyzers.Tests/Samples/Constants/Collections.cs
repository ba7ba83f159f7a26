namespace Stack.Analyzers.Tests.Samples.Constants;

/// <summary>
/// Services gathered before <c>WithServices</c>: a list or array with an initializer that only the
/// DSL reads, LINQ's Select over a literal collection, and helpers taking <c>params Service[]</c>.
/// </summary>
internal static class Collections
{
    public static IEnumerable<Sample> All =>
    [
        new("collections: lists, arrays, Select and params helpers with gaps", [$$"""
            using System.Linq;

            static class Definition
            {
                static readonly Network Net = new("n");
                static readonly List<Service> Workers = new() { {|STK0001:new Service("w1")|}.WithImage("example/worker:1.0").WithNetworks(Net) };

                static IEnumerable<Service> Group(params Service[] services) => services;

                public static ComposeStack Build()
                {
                    var list = new List<Service> { {|STK0001:new Service("a")|}.WithImage("example/a:1.0").WithNetworks(Net) };
                    var array = new Service[] { {|STK0001:new Service("b")|}.WithImage("example/b:1.0").WithNetworks(Net) };
                    var names = new[] { "c", "d" };
                    return new ComposeStack("s").WithServices(list).WithServices(array).WithServices(Workers)
                        .WithServices(names.Select(n => {|STK0001:{|STK0001:new Service(n)|}|}.WithImage("example/app:1.0").WithNetworks(Net)))
                        .WithServices(new[] { "e" }.Select(n => {|STK0001:new Service(n)|}.WithImage("example/app:1.0").WithNetworks(Net)).ToList())
                        .WithServices(Group({|STK0001:new Service("f")|}.WithImage("example/f:1.0").WithNetworks(Net)));
                }
            }
            """], ["STK0001", "STK0001", "STK0001", "STK0001", "STK0001", "STK0001", "STK0001"]),

        new("collections: lists, arrays, Select and params helpers without gaps", [$$"""
            using System.Linq;

            static class Definition
            {
                static readonly Network Net = new("n");
                static IEnumerable<Service> Group(params Service[] services) => services.Select(s => s.WithRestart(RestartPolicy.Always));

                public static ComposeStack Build()
                {
                    var list = new List<Service> { new Service("a").WithImage("example/a:1.0").WithNetworks(Net).WithRestart(RestartPolicy.Always) };
                    var later = new List<Service>();
                    later.Add(new Service("b").WithImage("example/b:1.0").WithNetworks(Net).WithRestart(RestartPolicy.Always));
                    return new ComposeStack("s").WithServices(list).WithServices(later)
                        .WithServices(new[] { "c", "d" }.Select(n => new Service(n).WithImage("example/app:1.0").WithNetworks(Net).WithRestart(RestartPolicy.Always)))
                        .WithServices(Group(new Service("e").WithImage("example/e:1.0").WithNetworks(Net)));
                }
            }
            """], []),
    ];
}
