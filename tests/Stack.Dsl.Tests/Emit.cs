using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Tests;

/// <summary>Generates YAML for a test stack with fixed options, failing on any diagnostic.</summary>
internal static class Emit
{
    public static readonly GenerationOptions Options = new() { ProjectDirectoryFromOutput = "../src/App" };

    public static string Yaml(ComposeStack stack)
    {
        var result = StackGenerator.Generate(stack, Options);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result.Files[StackGenerator.ComposeFileName];
    }

    public static string Yaml(params Service[] services) => Yaml(new ComposeStack("test").WithServices(services));

    public static YamlMapping Document(ComposeStack stack) => ComposeDocument.Build(stack, Options);

    /// <summary>A service with just an image, the smallest valid one.</summary>
    public static Service Minimal(string name = "app") => new Service(name).WithImage("example/app:1.0");
}
