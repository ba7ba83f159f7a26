using System.Reflection;
using Stack.Dsl.Cli;
using Stack.Dsl.Generation;
using Stack.Dsl.Compose;

namespace Stack.Engine.Tests.Infrastructure;

/// <summary>A stack's generated files, written into a fresh folder the test may change.</summary>
internal sealed class GeneratedFolder : IDisposable
{
    /// <summary>A folder MSBuild recorded (Stack.DrillDirectory, Stack.DefinitionDirectory).</summary>
    public static string Recorded(string key) => typeof(GeneratedFolder).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("stack-generated-");

    /// <param name="stack">The stack.</param>
    /// <param name="definitionDirectory">Its project folder: bind mounts of project files point there.</param>
    public GeneratedFolder(ComposeStack stack, string definitionDirectory)
    {
        var result = StackGenerator.Generate(stack, GenerationOptions.For(definitionDirectory, folder.FullName));
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        // As the command line writes them (scripts executable, a manifest beside them).
        new OutputFolder(folder.FullName).ReplaceWith(result.Files);
    }

    public string Folder => folder.FullName;

    public string PathOf(string name) => Path.Combine(folder.FullName, name);

    public string Read(string name) => File.ReadAllText(PathOf(name));

    public void Write(string name, string content) => File.WriteAllText(PathOf(name), content);

    public void Dispose() => folder.Delete(recursive: true);
}
