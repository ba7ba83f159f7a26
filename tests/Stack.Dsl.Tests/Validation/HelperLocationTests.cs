using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;
using Stack.Dsl.Validation;
using Stack.Rules;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// A service made by a helper with parameters is reported where the user's code called the
/// helper, not at the helper's one <c>new Service(...)</c> line that every such service shares.
/// </summary>
public sealed class HelperLocationTests
{
    private static readonly Network Net = new("n");

    // Parameterless makers: each defines one service, at its own line.
    private static readonly Service Field = new Service("field").WithImage("nginx:1").WithNetworks(Net);

    private static Service Property => new Service("property").WithImage("nginx:1").WithNetworks(Net);

    [Fact]
    public void Each_call_of_a_helper_is_reported_at_its_own_line()
    {
        var (a, aLine) = (App("a"), Here());
        var (b, bLine) = (App("b"), Here());

        Assert.Equal([Line(aLine), Line(bLine)], MissingRestart(a, b));
    }

    [Fact]
    public void A_helper_calling_a_helper_is_reported_at_the_outer_call()
    {
        var (web, line) = (Web("web", 8080), Here());

        Assert.Equal([Line(line)], MissingRestart(web));
    }

    [Fact]
    public void A_service_made_in_a_method_with_parameters_and_not_called_from_user_code_keeps_its_own_line()
    {
        string[] names = ["x", "y"];
        var services = names.Select(name => (new Service(name).WithImage("nginx:1").WithNetworks(Net), Here())).ToList();

        Assert.Equal(services.Select(s => Line(s.Item2)), MissingRestart([.. services.Select(s => s.Item1)]));
    }

    [Fact]
    public void A_local_function_is_a_helper_and_a_lambda_is_not()
    {
        Service Local(string name) => new Service(name).WithImage("nginx:1").WithNetworks(Net);
        Func<string, (Service, int)> lambda = name => (new Service(name).WithImage("nginx:1").WithNetworks(Net), Here());

        var (local, localLine) = (Local("local"), Here());
        var (fromLambda, lambdaLine) = lambda("lambda");

        Assert.Equal([Line(lambdaLine), Line(localLine)], MissingRestart(fromLambda, local));
    }

    [Fact]
    public void A_helper_that_forwards_its_callers_place_keeps_it()
    {
        var (service, line) = (Forwarding("f"), Here());
        var made = Forwarding("g", "Other.cs", 7);

        Assert.Equal([Line(line), new SourceLocation("Other.cs", 7)], MissingRestart(service, made));
    }

    [Fact]
    public void Fields_and_properties_are_reported_where_they_are_written()
    {
        var found = MissingRestart(Field, Property);

        Assert.All(found, location => Assert.Equal(ThisFile(), location.FilePath));
        Assert.Equal([DeclarationLine("Field ="), DeclarationLine("Property =>")], found.Select(l => l.Line));
    }

    [Fact]
    public void A_copy_made_with_with_keeps_the_call_site()
    {
        var (a, line) = (App("a"), Here());

        Assert.Equal([Line(line)], MissingRestart(a with { Image = "nginx:2" }));
    }

    [Fact]
    public void A_router_made_by_a_helper_is_reported_at_the_helpers_call()
    {
        var (router, line) = (ForSubdomain("a"), Here());

        // What the router rules (STK0003, STK0004, STK0207...) report at, after the DSL's copies.
        var found = new[] { router.WithPublicAccess("test").Location };

        Assert.Equal([Line(line)], found);
    }

    [Fact]
    public void The_command_line_names_the_call_site()
    {
        var root = Directory.CreateTempSubdirectory("stack-helper-").FullName;
        try
        {
            var line = 0;
            var (code, error, _, _) = CommandLineRun.After(
                () => new ComposeStack("s").WithServices(App("ok").WithRestart(RestartPolicy.Always)),
                () =>
                {
                    (var made, line) = (App("web"), Here());
                    return new ComposeStack("s").WithServices(made);
                },
                root);

            Assert.Equal(0, code);
            Assert.Contains($"{ThisFile()}({line},", error, StringComparison.Ordinal);
            Assert.Contains("warning STK0001: Service 'web'", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Service App(string name) =>
        new Service(name).WithImage("nginx:1").WithNetworks(Net);

    private static Stack.Dsl.Traefik.Router ForSubdomain(string name) =>
        new Stack.Dsl.Traefik.Router(name).WithHost(name + ".example.org").WithPort(80);

    private static Service Web(string name, int port) => App(name).WithPort(port, 80, System.Net.IPAddress.Loopback);

    private static Service Forwarding(string name, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        new Service(name, file, line).WithImage("nginx:1").WithNetworks(Net);

    private static int Here([CallerLineNumber] int line = 0) => line;

    private static string ThisFile([CallerFilePath] string path = "") => path;

    private static SourceLocation Line(int line) => new(ThisFile(), line);

    private static int DeclarationLine(string text) =>
        Array.FindIndex(File.ReadAllLines(ThisFile()), l => l.Contains($"Service {text}", StringComparison.Ordinal)) + 1;

    private static List<SourceLocation> MissingRestart(params Service[] services) =>
        [.. StackValidator.Validate(new ComposeStack("s").WithServices(services))
            .Where(d => d.Id == RuleIds.MissingRestartPolicy)
            .Select(d => d.Location)];
}
