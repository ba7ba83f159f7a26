using System.Text;
using Stack.Dsl.Backups;

namespace Stack.Dsl.Generation.Backups;

/// <summary>
/// restic's excludes file: the plan's patterns, then every volume that is not backed up as files
/// (a dumped database's live data, a volume never backed up), each with why.
/// </summary>
internal static class ExcludesFile
{
    public static string Render(BackupInventory inventory, IEnumerable<string> header)
    {
        var text = new StringBuilder(HeaderLines.Render(header));

        text.Append("# restic skips what matches a line below (--exclude-file).\n");
        if (!inventory.Plan.ExcludePatterns.IsEmpty)
        {
            text.Append("\n# In every volume:\n");
            foreach (var pattern in inventory.Plan.ExcludePatterns)
            {
                text.Append(pattern).Append('\n');
            }
        }

        foreach (var entry in inventory.Volumes)
        {
            var why = entry.Volume.Backup switch
            {
                DumpBackup dump => $"{entry.Volume.Name}: restored from its dump in {dump.Into.Name}, not from the live files.",
                NoBackup never => $"{entry.Volume.Name}: never backed up: {never.Reason.ReplaceLineEndings(" ")}",
                _ => null,
            };
            if (why is not null)
            {
                text.Append("\n# ").Append(why).Append('\n')
                    .Append(inventory.Plan.VolumesPath.TrimEnd('/')).Append('/').Append(entry.RealName).Append('\n');
            }
        }

        return text.ToString();
    }
}
