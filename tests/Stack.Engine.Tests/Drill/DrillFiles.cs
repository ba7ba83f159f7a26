using System.Reflection;
using Stack.Dsl.Generation;
using Stack.Samples.Drill;

namespace Stack.Engine.Tests.Drill;

/// <summary>The drill sample's generated files, written into a fresh folder the test may change.</summary>
internal sealed class DrillFiles : IDisposable
{
    public static string SampleDirectory { get; } = typeof(DrillFiles).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Stack.DrillDirectory").Value!;

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("stack-drill-");

    public DrillFiles()
    {
        var result = StackGenerator.Generate(DrillStack.Build(), GenerationOptions.For(SampleDirectory, folder.FullName));
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        foreach (var (name, content) in result.Files)
        {
            var path = Path.Combine(folder.FullName, name);
            File.WriteAllText(path, content);
            if (content.StartsWith("#!", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
            }
        }
    }

    public string Folder => folder.FullName;

    public string PathOf(string name) => Path.Combine(folder.FullName, name);

    public string Read(string name) => File.ReadAllText(PathOf(name));

    public void Write(string name, string content) => File.WriteAllText(PathOf(name), content);

    public void Dispose() => folder.Delete(recursive: true);
}
