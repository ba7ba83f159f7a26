namespace Stack.Dsl.Cli;

/// <summary>What differs between the output folder and what the definition generates, as readable diffs.</summary>
internal static class Drift
{
    public static IReadOnlyList<string> Between(OutputFolder folder, IReadOnlyDictionary<string, string> files)
    {
        var differences = new List<string>();
        foreach (var (name, content) in files)
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

        return differences;
    }
}
