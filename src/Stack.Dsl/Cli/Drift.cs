namespace Stack.Dsl.Cli;

/// <summary>What differs between the output folder and what the definition generates.</summary>
internal static class Drift
{
    /// <summary>Whether the folder already holds exactly <paramref name="files"/> (cheap: no diffs computed).</summary>
    public static bool IsUpToDate(OutputFolder folder, IReadOnlyDictionary<string, string> files)
    {
        // A loop, not LINQ over KeyValuePair: that generic code is not precompiled and costs start-up time.
        foreach (var name in files.Keys)
        {
            if (folder.Read(name) != files[name])
            {
                return false;
            }
        }

        return folder.Extra(files).Count == 0 && folder.ManifestMatches(files);
    }

    /// <summary>Every difference as readable text: a unified diff per changed file, a line per file no longer generated.</summary>
    public static IReadOnlyList<string> Describe(OutputFolder folder, IReadOnlyDictionary<string, string> files)
    {
        var differences = new List<string>();
        foreach (var (name, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var current = folder.Read(name);
            if (current != content)
            {
                differences.Add(UnifiedDiff.Format(current ?? string.Empty, content, current is null ? $"{name} (missing)" : $"{name} (on disk)", $"{name} (generated)"));
            }
        }

        foreach (var extra in folder.Extra(files))
        {
            differences.Add($"{extra}: no longer generated; it will be removed.\n");
        }

        if (!folder.ManifestMatches(files))
        {
            differences.Add($"{OutputFolder.ManifestName}: missing or not listing exactly these files; it will be rewritten.\n");
        }

        return differences;
    }
}
