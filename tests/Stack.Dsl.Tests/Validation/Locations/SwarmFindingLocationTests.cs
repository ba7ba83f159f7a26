using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Tests.Validation.Locations;

/// <summary>
/// The Swarm findings (STK05nn) printed at the call that caused them, in shapes the rules were not
/// written around: a value a helper with parameters writes, a dependency built apart.
/// </summary>
public sealed class SwarmFindingLocationTests : IDisposable
{
    private static readonly Service Db = new Service("db").WithImage("example/db:1.0").WithRestart(RestartPolicy.Always).WithNetworks(ServicesFile.Net)
        .WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("probe")));

    private readonly string _root = Directory.CreateTempSubdirectory("stack-swarm-where-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_wait_a_helper_with_parameters_writes_is_reported_where_each_service_is_made()
    {
        var first = ServicesFile.Waiting("w1", Db);
        var second = ServicesFile.Waiting("w2", Db);

        var found = Run(() => new ComposeStack("s").WithTargets(DeployTarget.Swarm).WithServices(Db, first, second));

        // Not the helper's DependsOn line, which is the same for both.
        Assert.Equal(StatementAt("ServicesFile.Waiting(\"w1\""), found[("STK0504", "w1")]);
        Assert.Equal(StatementAt("ServicesFile.Waiting(\"w2\""), found[("STK0504", "w2")]);
    }

    [Fact]
    public void A_wait_given_as_a_dependency_built_apart_is_reported_at_the_service()
    {
        var found = Run(() => new ComposeStack("s").WithTargets(DeployTarget.Swarm).WithServices(
            Db,
            new Service("app").WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(ServicesFile.Net)
                .DependsOn(new Dependency(Db, DependencyCondition.ServiceHealthy))));

        Assert.Equal(At("new Service(\"app\")"), found[("STK0504", "app")]);
    }

    [Fact]
    public void What_the_Swarm_writer_refuses_is_reported_at_the_call_that_set_it()
    {
        var found = Run(() => new ComposeStack("s").WithTargets(DeployTarget.Swarm).WithServices(
            Basic("check")
                .WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("probe")) { StartInterval = TimeSpan.FromSeconds(1) }),
            Basic("named")
                .WithPort(new PortMapping(80) { Published = 8080, Name = "web" }).AcceptRisk(SecurityRisk.PortOnAllInterfaces, "test"),
            Basic("routed")
                .WithRouter(new Traefik.Router("site").WithHost("example.org").OnDefaultEntryPoints("test"))));

        // Not the service's new Service(...): these calls take caller information.
        Assert.Equal(At("WithHealthcheck(new Healthcheck(HealthcheckTest.Exec(\"probe\")) { StartInterval"), found[("STK0540", "check")]);
        Assert.Equal(At("WithPort(new PortMapping(80) { Published = 8080, Name = \"web\" })"), found[("STK0540", "named")]);
        Assert.Equal(At("new Traefik.Router(\"site\")"), found[("STK0540", "routed")]);
    }

    private static Service Basic(string name, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        new Service(name, file, line).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(ServicesFile.Net);

    /// <summary>Runs the definition through the command line: where each finding is printed, by rule and service.</summary>
    private Dictionary<(string Id, string Service), string> Run(Func<ComposeStack> define)
    {
        var (_, error, _, _) = CommandLineRun.After(() => new ComposeStack("s").WithServices(Db), define, _root);
        var found = new Dictionary<(string, string), string>();
        foreach (var line in error.Split('\n'))
        {
            var match = Regex.Match(line, @"^(?<where>.*?)(?::)? ?(?:error|warning) (?<id>STK05\d\d): .*?[Ss]ervice '(?<service>[a-z0-9]+)'");
            if (match.Success)
            {
                Assert.True(found.TryAdd((match.Groups["id"].Value, match.Groups["service"].Value), match.Groups["where"].Value), line);
            }
        }

        return found;
    }

    private static string At(string call, [CallerFilePath] string file = "")
    {
        var lines = File.ReadAllLines(file);
        var (line, column) = Assert.Single(lines.Select((text, i) => (Line: i + 1, Column: text.IndexOf(call, StringComparison.Ordinal) + 1)), p => p.Column > 0);
        return $"{file}({line},{column})";
    }

    private static string StatementAt(string text, [CallerFilePath] string file = "")
    {
        var lines = File.ReadAllLines(file);
        var line = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(line >= 0, text);
        return $"{file}({line + 1},{lines[line].Length - lines[line].TrimStart().Length + 1})";
    }
}
