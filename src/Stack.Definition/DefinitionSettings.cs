using System.Reflection;
using Stack.Dsl.Cli;

namespace Stack.Definition;

/// <summary>Reads the folders MSBuild recorded at build time, so the program works from any current directory.</summary>
internal static class DefinitionSettings
{
    public static StackCliSettings FromAssembly()
    {
        var metadata = typeof(DefinitionSettings).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        return new StackCliSettings
        {
            DefinitionDirectory = metadata["Stack.DefinitionDirectory"]!,
            DefaultOutputDirectory = metadata["Stack.OutputDirectory"]!,
            RunCommand = "dotnet run --project src/Stack.Definition",
        };
    }
}
