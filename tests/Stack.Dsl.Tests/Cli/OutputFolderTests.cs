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

        // A file and a folder of one name cannot both be written: the write throws midway, with
        // one of the two exceptions the CLI reports as "could not write" (which one depends on
        // which is made first).
        var failing = new Dictionary<string, string> { ["docker-compose.yml"] = "new", ["docker-compose.yml/x.yml"] = "new" };
        Assert.True(Record.Exception(() => folder.ReplaceWith(failing)) is IOException or UnauthorizedAccessException);

        Assert.Equal("old", File.ReadAllText(Path.Combine(_root, "generated", "docker-compose.yml")));
        Assert.Equal("old", File.ReadAllText(Path.Combine(_root, "generated", "stale.yml")));
        Assert.Equal(["generated"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void The_users_dot_env_survives_a_failed_write_and_a_link_stays_a_link()
    {
        var path = Path.Combine(_root, "generated");
        var folder = new OutputFolder(path);
        folder.ReplaceWith(new Dictionary<string, string> { ["docker-compose.yml"] = "old" });
        File.WriteAllText(Path.Combine(_root, "values.env"), "A=1");
        File.CreateSymbolicLink(Path.Combine(path, ".env"), Path.Combine(_root, "values.env"));

        var failing = new Dictionary<string, string> { ["docker-compose.yml"] = "new", ["docker-compose.yml/x.yml"] = "new" };
        Assert.True(Record.Exception(() => folder.ReplaceWith(failing)) is IOException or UnauthorizedAccessException);
        folder.ReplaceWith(new Dictionary<string, string> { ["docker-compose.yml"] = "new" });

        // Copied into each new folder, never moved out of the old one: the failed write lost nothing.
        Assert.Equal(Path.Combine(_root, "values.env"), new FileInfo(Path.Combine(path, ".env")).LinkTarget);
        Assert.Equal("A=1", File.ReadAllText(Path.Combine(path, ".env")));
        Assert.Empty(folder.ForeignFiles(limit: 10));
        Assert.Empty(folder.Extra(new Dictionary<string, string> { ["docker-compose.yml"] = "new" }));
    }

    [Fact]
    public void Only_the_top_level_dot_env_is_kept_other_files_stay_foreign()
    {
        var path = Path.Combine(_root, "generated");
        new OutputFolder(path).ReplaceWith(new Dictionary<string, string> { ["swarm/stack.yml"] = "x" });
        File.WriteAllText(Path.Combine(path, "swarm", ".env"), "A=1");
        File.WriteAllText(Path.Combine(path, ".env.local"), "A=1");

        Assert.Equal([".env.local", "swarm/.env"], new OutputFolder(path).ForeignFiles(limit: 10));
    }

    [Fact]
    public void A_folder_named_with_wildcards_leaves_the_staging_of_another_folder_alone()
    {
        // '*' and '?' are ordinary characters in a folder's name, not a pattern over its neighbours.
        var other = Directory.CreateDirectory(Path.Combine(_root, ".abc.new-0123")).FullName;
        File.WriteAllText(Path.Combine(other, "docker-compose.yml"), "another run's file");
        var own = Directory.CreateDirectory(Path.Combine(_root, ".a*.new-4567")).FullName;

        new OutputFolder(Path.Combine(_root, "a*")).ReplaceWith(new Dictionary<string, string> { ["docker-compose.yml"] = "new" });

        Assert.Equal("another run's file", File.ReadAllText(Path.Combine(other, "docker-compose.yml")));
        Assert.False(Directory.Exists(own), "the folder's own staging debris stays");
        Assert.Equal("new", File.ReadAllText(Path.Combine(_root, "a*", "docker-compose.yml")));
    }

    [Fact]
    public void A_run_killed_between_its_renames_gets_its_retired_folder_back_not_a_neighbours()
    {
        var neighbour = Directory.CreateDirectory(Path.Combine(_root, ".a1.old-0123")).FullName;
        File.WriteAllText(Path.Combine(neighbour, "docker-compose.yml"), "a1's previous files");
        var retired = Directory.CreateDirectory(Path.Combine(_root, ".a?.old-4567")).FullName;
        File.WriteAllText(Path.Combine(retired, "docker-compose.yml"), "own previous files");

        new OutputFolder(Path.Combine(_root, "a?")).Recover();

        Assert.Equal("own previous files", File.ReadAllText(Path.Combine(_root, "a?", "docker-compose.yml")));
        Assert.Equal("a1's previous files", File.ReadAllText(Path.Combine(neighbour, "docker-compose.yml")));
    }

    [Fact]
    public void Files_in_subfolders_and_scripts_are_written_whichever_thread_writes_them()
    {
        var folder = new OutputFolder(Path.Combine(_root, "generated"));
        var files = Enumerable.Range(0, 12).ToDictionary(i => i % 3 == 0 ? $"swarm/f{i}.yml" : $"f{i}.yml", i => $"content {i}");
        files["swarm/deploy.sh"] = "#!/bin/sh\necho deploy\n";

        folder.ReplaceWith(files);

        foreach (var (name, content) in files)
        {
            Assert.Equal(content, File.ReadAllText(Path.Combine(_root, "generated", name)));
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.True((File.GetUnixFileMode(Path.Combine(_root, "generated", "swarm", "deploy.sh")) & UnixFileMode.OtherExecute) != 0);
        }

        Assert.Equal([.. files.Keys.Order(StringComparer.Ordinal)], File.ReadAllLines(Path.Combine(_root, "generated", OutputFolder.ManifestName)).Skip(1));
    }
}
