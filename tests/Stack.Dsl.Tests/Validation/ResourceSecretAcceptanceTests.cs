using System.Runtime.CompilerServices;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// STK0100 on a network's or volume's driver options: accepted by name on that resource, as a
/// service accepts one (<c>AcceptLiteralSecret</c>), with a reason that is kept but never written.
/// </summary>
public sealed class ResourceSecretAcceptanceTests
{
    private const string Cifs = "username=media,password=hunter2,uid=1000";

    private static Volume Share(string name, [CallerLineNumber] int line = 0) =>
        new Volume(name, "Definition.cs", line).WithBackup(VolumeBackup.Files()).WithDriver("local").WithDriverOption("type", "cifs").WithDriverOption("o", Cifs);

    private static Network Mesh(string name, [CallerLineNumber] int line = 0) =>
        new Network(name, "Definition.cs", line).WithDriver("weave").WithDriverOption("password", "meshsecret42");

    private static ComposeStack Stack(Network[] networks, params Volume[] volumes) =>
        new ComposeStack("s").WithServices(volumes.Aggregate(
            new Service("app", "Definition.cs", 1).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(networks),
            (service, volume) => service.WithVolume(volume, "/mnt/" + volume.Name)));

    private static List<StackDiagnostic> Secrets(ComposeStack stack) => [.. StackValidator.Validate(stack).Where(d => d.Id == "STK0100")];

    [Fact]
    public void Accepting_a_volumes_secret_silences_that_volume_alone()
    {
        var accepted = Share("movies").AcceptLiteralSecret("password", "a test share's throwaway password");

        var findings = Secrets(Stack([new Network("n")], accepted, Share("music")));

        var finding = Assert.Single(findings);
        Assert.StartsWith("Volume 'music' holds a literal secret in its driver option o", finding.Message, StringComparison.Ordinal);
        Assert.Contains(".AcceptLiteralSecret(\"password\", \"why\") on the volume", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Secrets(Stack([new Network("n")], accepted, Share("music").AcceptLiteralSecret("password", "also a test"))));
    }

    [Fact]
    public void Accepting_a_networks_secret_silences_that_network_alone()
    {
        var accepted = Mesh("mesh").AcceptLiteralSecret("password", "the plugin's demo password");

        var finding = Assert.Single(Secrets(Stack([accepted, Mesh("other")])));

        Assert.StartsWith("Network 'other' holds a literal secret in its driver option password", finding.Message, StringComparison.Ordinal);
        Assert.Contains(".AcceptLiteralSecret(\"password\", \"why\") on the network", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepting_one_name_does_not_hide_another_on_the_same_resource()
    {
        // Two more secrets in the same volume (a plugin's): a password in an endpoint's URL and a token option.
        var volume = Share("movies").WithDriverOption("endpoint", "https://admin:s3cretpass@minio.lan").WithDriverOption("api_token", "abcd1234efgh")
            .AcceptLiteralSecret("password", "test");

        var messages = Secrets(Stack([new Network("n")], volume)).Select(d => d.Message).ToList();

        Assert.True(messages.Count == 2, string.Join('\n', messages));
        Assert.Contains(messages, m => m.Contains("api_token", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("a password in a URL", StringComparison.Ordinal));

        // Each is accepted by the name its message gives.
        Assert.Contains(messages, m => m.Contains(".AcceptLiteralSecret(\"endpoint\", \"why\")", StringComparison.Ordinal));
        var all = volume.AcceptLiteralSecret("api_token", "test").AcceptLiteralSecret("endpoint", "test");
        Assert.Empty(Secrets(Stack([new Network("n")], all)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_reason_or_name_is_refused_as_on_a_service(string blank)
    {
        Assert.Contains("reason", Assert.Throws<ArgumentException>(() => Share("v").AcceptLiteralSecret("password", blank)).ParamName, StringComparison.Ordinal);
        Assert.Contains("reason", Assert.Throws<ArgumentException>(() => Mesh("n").AcceptLiteralSecret("password", blank)).ParamName, StringComparison.Ordinal);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => Share("v").AcceptLiteralSecret(blank, "why")).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => Mesh("n").AcceptLiteralSecret(blank, "why")).ParamName);
    }

    [Fact]
    public void The_acceptance_keeps_its_reason_and_line_and_is_never_written()
    {
        var volume = Share("movies").AcceptLiteralSecret("password", "kept-in-the-model-only", "Definition.cs", 42);
        var network = Mesh("mesh").AcceptLiteralSecret("password", "kept-in-the-model-only", "Definition.cs", 43);

        var accepted = Assert.Single(volume.AcceptedRisks);
        Assert.Equal(("password", "kept-in-the-model-only", 42), (accepted.Subject, accepted.Reason, accepted.Location.Line));

        var stack = Stack([network], volume);
        var result = StackGenerator.Generate(stack, new GenerationOptions { ProjectDirectoryFromOutput = "../src/App" });
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "STK0100");
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.All(result.Files.Values, text => Assert.DoesNotContain("kept-in-the-model-only", text, StringComparison.Ordinal));
    }

    [Fact]
    public void The_imports_reason_is_a_warning_at_the_acceptance_until_a_person_rewrites_it()
    {
        var volume = Share("movies").AcceptLiteralSecret("password", "imported as is: review", "Definition.cs", 77);
        var network = Mesh("mesh").AcceptLiteralSecret("password", "imported as is: review", "Definition.cs", 78);

        var warnings = StackValidator.Validate(Stack([network], volume)).Where(d => d.Id == "STK0108").ToList();

        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
        Assert.Contains(warnings, w => w.Message.StartsWith("Volume 'movies' accepts the literal value of password", StringComparison.Ordinal) && w.Location.Line == 77);
        Assert.Contains(warnings, w => w.Message.StartsWith("Network 'mesh' accepts the literal value of password", StringComparison.Ordinal) && w.Location.Line == 78);

        var reviewed = Stack([Mesh("mesh").AcceptLiteralSecret("password", "the plugin's demo")], Share("movies").AcceptLiteralSecret("password", "a test share"));
        Assert.DoesNotContain(StackValidator.Validate(reviewed), d => d.Id is "STK0108" or "STK0100");
    }
}
