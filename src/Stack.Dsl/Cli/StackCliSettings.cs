using System.Reflection;
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

    /// <summary>Where build/Stack.Dsl.targets hands over the findings the compiler printed in this <c>dotnet run</c> (see <see cref="CompilerFindings"/>).</summary>
    internal string? CompilerFindingsHandOver { get; init; }

    /// <summary>
    /// The settings build/Stack.Dsl.props records in the program as assembly metadata
    /// (<c>StackDefinitionDirectory</c>, <c>StackOutputDirectory</c>, <c>StackRunCommand</c>);
    /// without them, the current folder and generated/ in it.
    /// </summary>
    public static StackCliSettings FromEntryAssembly() => From(Assembly.GetEntryAssembly(), Directory.GetCurrentDirectory());

    /// <summary>
    /// The settings recorded in the assembly that holds <paramref name="define"/>: the definition's
    /// own program, also when another process hosts it (a test runner, a tool that loads it).
    /// </summary>
    /// <param name="define">The definition's build method.</param>
    public static StackCliSettings ForDefinition(Delegate define)
    {
        ArgumentNullException.ThrowIfNull(define);
        return From(define.Method.Module.Assembly, Directory.GetCurrentDirectory());
    }

    /// <summary>The settings recorded in <paramref name="assembly"/>, with <paramref name="fallbackDirectory"/> for what it lacks.</summary>
    public static StackCliSettings From(Assembly? assembly, string fallbackDirectory)
    {
        var metadata = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var attribute in assembly?.GetCustomAttributes<AssemblyMetadataAttribute>() ?? [])
        {
            metadata[attribute.Key] = attribute.Value;
        }

        string? Read(string key) => metadata.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        var definition = Read("Stack.DefinitionDirectory") ?? fallbackDirectory;
        return new StackCliSettings
        {
            DefinitionDirectory = definition,
            DefaultOutputDirectory = Read("Stack.OutputDirectory") ?? Path.Combine(definition, "generated"),
            RunCommand = Read("Stack.RunCommand") ?? "dotnet run",
            CompilerFindingsHandOver = Read("Stack.CompilerFindings"),
        };
    }

    /// <summary>Options for an output folder, with a header that says how to regenerate.</summary>
    public GenerationOptions OptionsFor(string outputDirectory) =>
        GenerationOptions.For(DefinitionDirectory, outputDirectory) with
        {
            HeaderComments = [$"Change the C# definition and run: {RunCommand}"],
        };
}
