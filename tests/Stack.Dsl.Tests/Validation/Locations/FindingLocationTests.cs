using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Tests.Validation.Locations;

/// <summary>
/// Each finding about a service is printed at the call that caused it, as MSBuild's
/// <c>file(line,col)</c> where the analyzer underlines it: the <c>WithImage</c>,
/// <c>WithEnvironment</c> or <c>WithPort</c> that wrote the value, <c>new Service(...)</c> for a
/// missing restart policy or network; with where the service joined the stack after the message.
/// </summary>
public sealed class FindingLocationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("stack-where-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_service_in_another_file_is_reported_there_at_each_offending_call()
    {
        var (errors, joined) = Run(() => new ComposeStack("s").WithServices(ServicesFile.Db, ServicesFile.Worker));

        var other = OtherFile();
        Assert.Equal(At(other, "WithImage(\"postgres:latest\")"), errors["STK0107"]);
        Assert.Equal(At(other, "WithEnvironment(\"POSTGRES_PASSWORD\""), errors["STK0100"]);
        Assert.Equal(At(other, "WithPort(5432, 5432)"), errors["STK0105"]);
        Assert.Equal(At(other, "WithPort(5432, 5432)"), errors["STK0106"]);
        Assert.Equal(At(other, "new Service(\"worker\")"), errors["STK0001"]);

        // Where they joined the stack: the statement that calls WithServices, in this file.
        Assert.Equal(["STK0001", "STK0100", "STK0105", "STK0106", "STK0107"], joined.Keys.Order(StringComparer.Ordinal));
        Assert.All(joined.Values, where => Assert.Equal(StatementAt(ThisFile(), "WithServices(ServicesFile.Db, ServicesFile.Worker)"), where));
    }

    [Fact]
    public void Values_written_in_this_file_are_reported_at_their_own_call_on_a_shared_line()
    {
        var (errors, _) = Run(() => new ComposeStack("s").WithServices(
            new Service("web").WithRestart(RestartPolicy.Always).WithNetworks(ServicesFile.Net).WithImage("nginx:1.27").WithImage("nginx:latest").WithEnvironment("API_TOKEN", "abc123")));

        Assert.Equal(At(ThisFile(), "WithImage(\"nginx:latest\")"), errors["STK0107"]);
        Assert.Equal(At(ThisFile(), "WithEnvironment(\"API_TOKEN\""), errors["STK0100"]);
    }

    [Fact]
    public void What_a_helper_with_parameters_writes_is_reported_where_it_is_called()
    {
        var (errors, _) = Run(() => new ComposeStack("s").WithServices(ServicesFile.App("web", "nginx:latest").WithRestart(RestartPolicy.Always)));

        // The helper's caller is read from the symbols, which place a call at the start of its statement.
        Assert.Equal(StatementAt(ThisFile(), "ServicesFile.App(\"web\", \"nginx:latest\")"), errors["STK0107"]);
        Assert.Equal(StatementAt(ThisFile(), "ServicesFile.App(\"web\", \"nginx:latest\")"), errors["STK0106"]);
    }

    [Fact]
    public void A_value_replaced_by_a_with_expression_falls_back_to_the_service()
    {
        var (errors, _) = Run(() => new ComposeStack("s").WithServices(
            new Service("replaced").WithRestart(RestartPolicy.Always).WithNetworks(ServicesFile.Net).WithImage("nginx:1.27") with { Image = "nginx:latest" }));

        Assert.Equal(At(ThisFile(), "new Service(\"replaced\")"), errors["STK0107"]);
    }

    [Fact]
    public void A_dependency_built_apart_is_reported_at_the_service()
    {
        var worker = ServicesFile.Worker.WithRestart(RestartPolicy.Always);
        var (errors, _) = Run(() => new ComposeStack("s").WithServices(
            worker,
            new Service("app").WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(ServicesFile.Net)
                .DependsOn(new Dependency(worker, DependencyCondition.ServiceStarted))));

        // A Dependency takes no caller information: printed with no place at all before.
        Assert.Equal(At(ThisFile(), "new Service(\"app\")"), errors["STK0005"]);
    }

    [Fact]
    public void A_wait_a_helper_with_parameters_writes_is_reported_where_it_is_called()
    {
        var worker = ServicesFile.Worker.WithRestart(RestartPolicy.Always);
        var absent = new Service("absent").WithImage("example/absent:1.0");
        var started = ServicesFile.After("started", worker, DependencyCondition.ServiceStarted);
        var healthy = ServicesFile.After("healthy", worker, DependencyCondition.ServiceHealthy);
        var elsewhere = ServicesFile.After("elsewhere", absent, DependencyCondition.ServiceStarted);
        var (errors, _) = Run(() => new ComposeStack("s").WithServices(worker, started, healthy, elsewhere));

        // Not the helper's DependsOn line, which is the same for every service it makes.
        Assert.Equal(StatementAt(ThisFile(), "ServicesFile.After(\"started\""), errors["STK0005"]);
        Assert.Equal(StatementAt(ThisFile(), "ServicesFile.After(\"healthy\""), errors["STK0219"]);
        Assert.Equal(StatementAt(ThisFile(), "ServicesFile.After(\"elsewhere\""), errors["STK0203"]);
    }

    /// <summary>Runs the definition through the command line: each rule's first location, and the "added to the stack at" of each.</summary>
    private (Dictionary<string, string> Errors, Dictionary<string, string> Joined) Run(Func<ComposeStack> define)
    {
        var (_, error, _, _) = CommandLineRun.After(() => new ComposeStack("s").WithServices(ServicesFile.Worker.WithRestart(RestartPolicy.Always)), define, _root);
        var errors = new Dictionary<string, string>();
        var joined = new Dictionary<string, string>();
        foreach (var line in error.Split('\n'))
        {
            var match = System.Text.RegularExpressions.Regex.Match(line, @"^(?<where>.+\(\d+,\d+\)): (?:error|warning) (?<id>STK\d{4}): .*?(?:\(added to the stack at (?<joined>.+\(\d+,\d+\))\))?$");
            if (match.Success)
            {
                errors.TryAdd(match.Groups["id"].Value, match.Groups["where"].Value);
                if (match.Groups["joined"].Success)
                {
                    joined.TryAdd(match.Groups["id"].Value, match.Groups["joined"].Value);
                }
            }
        }

        return (errors, joined);
    }

    /// <summary><paramref name="file"/>(line,col) of the one place <paramref name="call"/> is written, as an editor counts.</summary>
    private static string At(string file, string call)
    {
        var lines = File.ReadAllLines(file);
        var found = lines.Select((text, i) => (Line: i + 1, Column: text.IndexOf(call, StringComparison.Ordinal) + 1)).Where(p => p.Column > 0).ToList();
        var (line, column) = Assert.Single(found);
        return $"{file}({line},{column})";
    }

    /// <summary><paramref name="file"/>(line,col) of the line holding <paramref name="text"/>, at its first non-blank character.</summary>
    private static string StatementAt(string file, string text)
    {
        var lines = File.ReadAllLines(file);
        var line = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(line >= 0, text);
        return $"{file}({line + 1},{lines[line].Length - lines[line].TrimStart().Length + 1})";
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    private static string OtherFile() => Path.Combine(Path.GetDirectoryName(ThisFile())!, "ServicesFile.cs");
}
