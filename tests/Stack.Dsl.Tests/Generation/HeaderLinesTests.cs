using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Environments;
using Stack.Dsl.Generation;
using Stack.Dsl.Traefik;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Generation;

/// <summary>
/// A header line comes from outside the definition too (the run command the package records is
/// made from a project's or a single file's name, and the options are public): whatever line
/// break it holds, every generated file keeps its lines, so no header adds YAML or a shell command.
/// </summary>
public sealed class HeaderLinesTests
{
    private static readonly Network Net = new("n");

    public static TheoryData<string> LineBreaks => new() { "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\0" };

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void A_line_break_in_a_header_line_stays_in_its_comment(string lineBreak)
    {
        var baseline = Generate("dotnet run stack.cs");
        var hostile = Generate($"dotnet run stack{lineBreak}services: {{evil: {{privileged: true}}}}{lineBreak}rm -rf ~{lineBreak}.cs");

        Assert.Equal(baseline.Keys.Order(StringComparer.Ordinal), hostile.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, text) in baseline)
        {
            // Only the header's own line differs, and it is still one line; YAML reads the same document
            // (YamlDotNet, like docker-compose 1.x's YAML 1.1, also breaks lines at U+0085, U+2028, U+2029).
            Assert.Equal(Lines(text).Length, Lines(hostile[file]).Length);
            Assert.DoesNotContain(Lines(hostile[file]), line => line.StartsWith("services: {evil", StringComparison.Ordinal) || line.StartsWith("rm -rf", StringComparison.Ordinal));
            if (file.EndsWith(".yml", StringComparison.Ordinal))
            {
                Assert.Equal(Document(text), Document(hostile[file]));
            }
        }

        Assert.Contains("# Change the C# definition and run: dotnet run stack", hostile[StackGenerator.ComposeFileName], StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n');

    private static string Document(string yaml)
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode.ToString();
    }

    private static Dictionary<string, string> Generate(string runCommand)
    {
        var data = new Volume("data").WithBackup(VolumeBackup.Files());
        var app = new Service("app").WithImage("example/app:1.0").WithRestart(RestartPolicy.No).WithNetworks(Net).WithVolume(data, "/data");
        var runner = new Service("backup").WithImage("example/restic:1.0").WithRestart(RestartPolicy.No).WithNetworks(Net)
            .WithBind(HostPath.Absolute("/var/lib/docker/volumes"), "/docker/volumes");
        var traefik = new Service("traefik").WithImage("traefik:v3.2").WithRestart(RestartPolicy.No).WithNetworks(Net);
        var stack = new ComposeStack("headers")
            .WithServices(app, runner, traefik)
            .WithBackups(new BackupPlan(runner))
            .WithTraefik(new TraefikProxy(traefik, Net).WithEntryPoints(new EntryPoint("web", 80)))
            .WithEnvironments(new StackEnvironment("dev", s => s.MapServices(service => service.WithRestart(RestartPolicy.Always))));
        var options = new GenerationOptions { ProjectDirectoryFromOutput = ".", HeaderComments = [$"Change the C# definition and run: {runCommand}"] };

        var result = StackGenerator.Generate(stack, options);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return new Dictionary<string, string>(result.Files, StringComparer.Ordinal);
    }
}
