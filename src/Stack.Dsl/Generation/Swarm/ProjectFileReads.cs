namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// The project files the Swarm files carry as configs, read once per generate: every environment's
/// Swarm file mounts the same files, and the environments are written on two threads.
/// </summary>
internal sealed class ProjectFileReads
{
    private readonly object gate = new();
    private readonly Dictionary<string, ProjectFile?> files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]?> folders = new(StringComparer.Ordinal);

    /// <summary>The file at <paramref name="full"/>: its bytes and whether it is executable; null when it is not a file.</summary>
    public ProjectFile? File(string full)
    {
        lock (gate)
        {
            if (!files.TryGetValue(full, out var file))
            {
                files[full] = file = System.IO.File.Exists(full) ? new ProjectFile(System.IO.File.ReadAllBytes(full), IsExecutable(full)) : null;
            }

            return file;
        }
    }

    /// <summary>The files under the folder <paramref name="full"/>, relative with '/', sorted (no order on disk); null when it is not a folder.</summary>
    public IReadOnlyList<string>? Folder(string full)
    {
        lock (gate)
        {
            if (!folders.TryGetValue(full, out var names))
            {
                folders[full] = names = Directory.Exists(full)
                    ? [.. Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(full, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]
                    : null;
            }

            return names;
        }
    }

    /// <summary>A script keeps its execute bit: a config is mounted 0444 unless told otherwise.</summary>
    private static bool IsExecutable(string file) =>
        !OperatingSystem.IsWindows() && (System.IO.File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0;
}

/// <summary>A project file's bytes and whether it has the execute bit.</summary>
internal sealed record ProjectFile(byte[] Content, bool Executable);
