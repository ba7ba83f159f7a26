using Stack.Dsl.Generation.Swarm;

namespace Stack.Dsl.Tests.Generation.Swarm;

/// <summary>Every environment's Swarm file carries the project files it mounts: one generate reads each once, so all name the same content.</summary>
public sealed class ProjectFileReadsTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("stack-reads-").FullName;

    public void Dispose() => Directory.Delete(_project, recursive: true);

    [Fact]
    public void A_file_is_read_once_per_generate_so_every_environment_names_the_same_content()
    {
        var file = Path.Combine(_project, "my.cnf");
        File.WriteAllText(file, "first");
        var reads = new ProjectFileReads();

        var first = reads.File(file);
        File.WriteAllText(file, "changed meanwhile");

        Assert.Equal("first"u8.ToArray(), first!.Content);
        Assert.Same(first, reads.File(file));
        Assert.Equal("changed meanwhile"u8.ToArray(), new ProjectFileReads().File(file)!.Content);
    }

    [Fact]
    public void A_folder_lists_its_files_below_it_sorted_with_slashes_and_what_is_not_there_is_null()
    {
        Directory.CreateDirectory(Path.Combine(_project, "init", "b"));
        File.WriteAllText(Path.Combine(_project, "init", "b", "2.sql"), "x");
        File.WriteAllText(Path.Combine(_project, "init", "a.sql"), "x");
        File.WriteAllText(Path.Combine(_project, "init", "B.sql"), "x");
        var reads = new ProjectFileReads();

        Assert.Equal(["B.sql", "a.sql", "b/2.sql"], reads.Folder(Path.Combine(_project, "init")));
        Assert.Null(reads.Folder(Path.Combine(_project, "init", "a.sql")));
        Assert.Null(reads.File(Path.Combine(_project, "init")));
        Assert.Null(reads.File(Path.Combine(_project, "missing")));
    }

    [Fact]
    public void A_script_keeps_its_execute_bit()
    {
        var script = Path.Combine(_project, "dump.sh");
        File.WriteAllText(script, "#!/bin/sh\n");
        var plain = Path.Combine(_project, "my.cnf");
        File.WriteAllText(plain, "x");
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(script, File.GetUnixFileMode(script) | UnixFileMode.UserExecute);

        Assert.True(new ProjectFileReads().File(script)!.Executable);
        Assert.False(new ProjectFileReads().File(plain)!.Executable);
    }
}
