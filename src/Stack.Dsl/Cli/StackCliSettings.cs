using Stack.Dsl.Generation;

namespace Stack.Dsl.Cli;

/// <summary>What the command line needs to know about the definition it hosts.</summary>
public sealed record StackCliSettings
{
    /// <summary>The definition project's folder; project files (<see cref="Compose.HostPath.InProject"/>) are relative to it.</summary>
    public required string DefinitionDirectory { get; init; }

    /// <summary>Where files go without <c>--out</c>.</summary>
    public required string DefaultOutputDirectory { get; init; }

    /// <summary>How a user runs this program, for messages (for example <c>dotnet run --project src/Stack.Definition</c>).</summary>
    public string RunCommand { get; init; } = "dotnet run";

    /// <summary>Options for an output folder, with a header that says how to regenerate.</summary>
    public GenerationOptions OptionsFor(string outputDirectory) =>
        GenerationOptions.For(DefinitionDirectory, outputDirectory) with
        {
            HeaderComments = [$"Change the C# definition and run: {RunCommand}"],
        };
}
