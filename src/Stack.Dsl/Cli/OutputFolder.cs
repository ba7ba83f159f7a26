namespace Stack.Dsl.Cli;

/// <summary>
/// The generated folder, which Stack owns. Writes are all or nothing: the new files go to a
/// sibling temporary folder that then replaces the old one, so a failure at any point leaves
/// the previous folder as it was.
/// </summary>
internal sealed class OutputFolder(string path)
{
    /// <summary>The first line Stack writes into every file it generates; proof the folder is Stack's.</summary>
    public const string Marker = "# " + Generation.GenerationOptions.FirstHeaderLine;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Whether the folder is missing, empty, or holds a compose file Stack generated.</summary>
    public bool IsOwnedByStack(string composeFileName)
    {
        if (!Directory.Exists(Path) || !Directory.EnumerateFileSystemEntries(Path).Any())
        {
            return true;
        }

        var compose = System.IO.Path.Combine(Path, composeFileName);
        return File.Exists(compose) && File.ReadLines(compose).FirstOrDefault()?.StartsWith(Marker, StringComparison.Ordinal) == true;
    }

    /// <summary>The current content of <paramref name="name"/>, or <see langword="null"/> when missing.</summary>
    public string? Read(string name)
    {
        var file = System.IO.Path.Combine(Path, name);
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }

    /// <summary>Files present now that <paramref name="files"/> does not contain.</summary>
    public IReadOnlyList<string> Extra(IReadOnlyDictionary<string, string> files) =>
        !Directory.Exists(Path)
            ? []
            : Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
                .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'))
                .Where(f => !files.ContainsKey(f))
                .Order(StringComparer.Ordinal)
                .ToList();

    /// <summary>Replaces the folder's content with exactly <paramref name="files"/>.</summary>
    public void ReplaceWith(IReadOnlyDictionary<string, string> files)
    {
        var parent = System.IO.Path.GetDirectoryName(Path) ?? throw new InvalidOperationException($"'{Path}' has no parent folder.");
        Directory.CreateDirectory(parent);
        var name = System.IO.Path.GetFileName(Path);
        var staging = System.IO.Path.Combine(parent, $".{name}.new-{Guid.NewGuid():N}");
        var retired = System.IO.Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
        try
        {
            foreach (var (file, content) in files)
            {
                var target = System.IO.Path.Combine(staging, file);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.WriteAllText(target, content);
                if (content.StartsWith("#!", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
                {
                    // A generated script (restore.sh) is run as ./NAME.
                    File.SetUnixFileMode(target, File.GetUnixFileMode(target) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
                }
            }

            if (Directory.Exists(Path))
            {
                Directory.Move(Path, retired);
            }

            Directory.Move(staging, Path);
        }
        catch
        {
            // Put the previous folder back if it was already moved aside.
            if (!Directory.Exists(Path) && Directory.Exists(retired))
            {
                Directory.Move(retired, Path);
            }

            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }

        if (Directory.Exists(retired))
        {
            Directory.Delete(retired, recursive: true);
        }
    }
}
