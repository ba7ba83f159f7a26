namespace Stack.Tool;

/// <summary>
/// Writes what an import made, all or nothing: the files go into a fresh folder beside the
/// target, which then takes the target's place (or, for a project into an existing empty folder,
/// its entries move in). A failure removes only that fresh folder, which the import itself made.
/// </summary>
internal static class Output
{
    /// <param name="target">The single file, or the project's folder.</param>
    /// <param name="files">Each file's text by its path in the project; one entry with an empty path for a single file.</param>
    public static void Write(string target, IReadOnlyDictionary<string, string> files)
    {
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".stack-import-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var (relative, text) in files)
            {
                var path = Path.Combine(staging, relative.Length == 0 ? Path.GetFileName(target) : relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }

            if (files.ContainsKey(string.Empty))
            {
                File.Move(Path.Combine(staging, Path.GetFileName(target)), target);
            }
            else if (!Directory.Exists(target))
            {
                Directory.Move(staging, target);
            }
            else
            {
                foreach (var entry in Directory.EnumerateFileSystemEntries(staging))
                {
                    var destination = Path.Combine(target, Path.GetFileName(entry));
                    if (Directory.Exists(entry))
                    {
                        Directory.Move(entry, destination);
                    }
                    else
                    {
                        File.Move(entry, destination);
                    }
                }
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
