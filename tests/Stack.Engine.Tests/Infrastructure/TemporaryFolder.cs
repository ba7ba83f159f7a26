namespace Stack.Engine.Tests.Infrastructure;

/// <summary>A fresh folder, deleted with what is in it.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("stack-engine-");

    public string Path => folder.FullName;

    public void Dispose() => folder.Delete(recursive: true);
}
