using Stack.Dsl.Cli;

namespace Stack.Dsl.Tests.Cli;

/// <summary>All files or none: a write that fails halfway leaves the previous folder as it was, and no debris.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("stack-out-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_write_that_fails_halfway_leaves_the_previous_folder_and_no_staging_folder()
    {
        var folder = new OutputFolder(Path.Combine(_root, "generated"));
        folder.ReplaceWith(new Dictionary<string, string> { ["docker-compose.yml"] = "old", ["stale.yml"] = "old" });

        // The second file cannot be written (a folder of that name is in the way of the first): the write throws midway.
        var failing = new Dictionary<string, string> { ["docker-compose.yml"] = "new", ["docker-compose.yml/x.yml"] = "new" };
        Assert.ThrowsAny<IOException>(() => folder.ReplaceWith(failing));

        Assert.Equal("old", File.ReadAllText(Path.Combine(_root, "generated", "docker-compose.yml")));
        Assert.Equal("old", File.ReadAllText(Path.Combine(_root, "generated", "stale.yml")));
        Assert.Equal(["generated"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }
}
