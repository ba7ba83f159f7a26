using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Tests;

/// <summary>Generates YAML for a test stack with fixed options, failing on any diagnostic.</summary>
internal static class Emit
{
    public static readonly GenerationOptions Options = new() { ProjectDirectoryFromOutput = "../src/App" };

    /// <summary>
    /// The YAML of <paramref name="stack"/>. Emission tests are about the YAML, not the security
    /// policy, so every service accepts every risk here (accepted risks are not emitted);
    /// SecurityRulesTests covers the policy.
    /// </summary>
    public static string Yaml(ComposeStack stack) => Files(stack)[StackGenerator.ComposeFileName];

    /// <summary>Every file generated for <paramref name="stack"/> (risks accepted and variables declared as in <see cref="Yaml(ComposeStack)"/>).</summary>
    public static IReadOnlyDictionary<string, string> Files(ComposeStack stack)
    {
        stack = stack with { Services = [.. stack.Services.Select(AcceptingEveryRisk)] };
        var result = StackGenerator.Generate(stack.WithVariables(UsedVariables(Document(stack))), Options);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result.Files;
    }

    public static string Yaml(params Service[] services) => Yaml(new ComposeStack("test").WithServices(services));

    /// <summary>Every variable a document uses: emission tests declare them all (VariablesTests covers declaring).</summary>
    private static IEnumerable<Stack.Dsl.Values.Variable> UsedVariables(YamlValue value) => value switch
    {
        DeferredYamlValue deferred => UsedVariables(deferred.Resolve()),
        YamlScalar scalar => scalar.Variables,
        YamlSequence sequence => sequence.Items.SelectMany(UsedVariables),
        YamlMapping mapping => mapping.Entries.SelectMany(e => UsedVariables(e.Value)),
        _ => [],
    };

    /// <summary>Every risk, and a literal value in every environment variable, label and build arg (literal secrets are accepted by name).</summary>
    public static Service AcceptingEveryRisk(Service service) =>
        Enum.GetValues<SecurityRisk>().Where(r => r != SecurityRisk.LiteralSecret)
            .Aggregate(service, (accepting, risk) => accepting.AcceptRisk(risk, "an emission test"))
            .AcceptingLiteralSecrets(service.Environment.Keys.Concat(service.Labels.Keys).Concat(service.Build?.Args.Keys ?? []));

    private static Service AcceptingLiteralSecrets(this Service service, IEnumerable<string> names) =>
        names.Aggregate(service, (accepting, name) => accepting.AcceptLiteralSecret(name, "an emission test"));

    public static YamlMapping Document(ComposeStack stack) => ComposeDocument.Build(stack, Options);

    /// <summary>A service with just an image, the smallest valid one.</summary>
    public static Service Minimal(string name = "app") => new Service(name).WithImage("example/app:1.0");
}
