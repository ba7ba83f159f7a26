using System.Reflection;
using System.Reflection.Emit;
using Stack.Dsl.Cli;

namespace Stack.Dsl.Tests.Cli;

/// <summary>StackCli.Run(args, Build) needs no settings: the package's props record them in the program.</summary>
public sealed class StackCliSettingsTests
{
    private static AssemblyBuilder WithMetadata(params (string Key, string Value)[] metadata)
    {
        var constructor = typeof(AssemblyMetadataAttribute).GetConstructor([typeof(string), typeof(string)])!;
        return AssemblyBuilder.DefineDynamicAssembly(
            new AssemblyName("definition-" + Guid.NewGuid().ToString("N")),
            AssemblyBuilderAccess.Run,
            [.. metadata.Select(m => new CustomAttributeBuilder(constructor, [m.Key, m.Value]))]);
    }

    [Fact]
    public void Reads_what_the_props_recorded()
    {
        var settings = StackCliSettings.From(
            WithMetadata(("Stack.DefinitionDirectory", "/src/stack"), ("Stack.OutputDirectory", "/src/stack/out"), ("Stack.RunCommand", "dotnet run stack.cs")),
            "/elsewhere");

        Assert.Equal("/src/stack", settings.DefinitionDirectory);
        Assert.Equal("/src/stack/out", settings.DefaultOutputDirectory);
        Assert.Equal("dotnet run stack.cs", settings.RunCommand);
    }

    [Fact]
    public void Without_metadata_the_current_folder_and_generated_in_it()
    {
        var settings = StackCliSettings.From(WithMetadata(), "/work/stack");

        Assert.Equal("/work/stack", settings.DefinitionDirectory);
        Assert.Equal(Path.Combine("/work/stack", "generated"), settings.DefaultOutputDirectory);
        Assert.Equal("dotnet run", settings.RunCommand);
    }

    [Fact]
    public void Output_defaults_to_generated_beside_the_recorded_definition()
    {
        var settings = StackCliSettings.From(WithMetadata(("Stack.DefinitionDirectory", "/src/stack")), "/elsewhere");

        Assert.Equal(Path.Combine("/src/stack", "generated"), settings.DefaultOutputDirectory);
    }
}
