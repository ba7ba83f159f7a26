using System.IO.Enumeration;

namespace Stack.Dsl.Cli;

/// <summary>
/// The generated folder. Stack records what it wrote in a manifest and only ever replaces or
/// deletes those files; a folder holding anything else is refused. Writes are all or nothing:
/// the new files are written beside the folder and swapped in with one rename, so a failure or a
/// kill at any moment leaves the previous folder (the next run clears what a kill left behind).
/// A folder reached through a symbolic link is swapped where the link points, keeping the link;
/// a folder that cannot be renamed (a mount point) is written in place, file by file, each file
/// replaced atomically, with a journal the next run completes. One file Stack did not write is
/// kept: the folder's <c>.env</c>, which docker compose and swarm/deploy.sh read from here.
/// </summary>
internal sealed class OutputFolder(string path)
{
    /// <summary>The record of what Stack wrote, one file name per line after a header.</summary>
    public const string ManifestName = ".stack-manifest";

    private const string ManifestHeader = "# Files Stack generated here. Stack replaces or deletes only these; do not edit.";
    private const string InPlaceStaging = ".stack-staging";
    private const string InPlaceCommitted = ".stack-committed";

    /// <summary>
    /// The user's values for <c>.env.example</c>'s variables: docker compose reads <c>.env</c> from
    /// the compose file's folder and swarm/deploy.sh from <c>../.env</c>, so it lives here. Stack
    /// never writes it (it holds secrets; the template's .gitignore keeps it out of git), never
    /// counts it as foreign, and carries it into every new folder it swaps in.
    /// </summary>
    public const string UserEnvFile = ".env";

    // Recover clears debris under the lock, which no other run then adds to: once per run is enough.
    private bool recovered;

    // One spelling per folder: "out/", "out/." and "out" must name the same lock, staging and
    // retired folders beside it. GetFullPath drops "." and "..", not a trailing separator, and
    // with one the folder's "name" would be empty: its lock and staging folders would land inside it.
    public string Path { get; } = string.IsNullOrWhiteSpace(path)
        ? throw new ArgumentException("The output folder must not be empty.", nameof(path))
        : System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path));

    /// <summary>The folder as it is on disk: a symbolic link's final target, or the path itself.</summary>
    private string RealPath => new DirectoryInfo(Path) is { LinkTarget: not null } link
        ? link.ResolveLinkTarget(returnFinalTarget: true)!.FullName
        : Path;

    /// <summary>The lock file beside the folder (where a link points), which one run at a time holds.</summary>
    public string LockPath => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(RealPath) ?? RealPath, OutputFolderLock.FileName(System.IO.Path.GetFileName(RealPath)));

    /// <summary>Takes the folder's one-writer lock, waiting up to <paramref name="patience"/> for another run to finish; <see langword="null"/> if it does not.</summary>
    public OutputFolderLock? Lock(TimeSpan patience) => OutputFolderLock.Acquire(RealPath, patience);

    /// <summary>
    /// Files in the folder Stack did not write: not in its manifest (or, in a folder from before
    /// manifests, not starting with Stack's header), sorted. Empty when the folder is missing or
    /// Stack's. The search stops at <paramref name="limit"/> of them: enough to name them, without
    /// walking a whole disk when the folder given is one (<c>--out /</c>, <c>--out ~</c>).
    /// </summary>
    public IReadOnlyList<string> ForeignFiles(int limit)
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }

        var written = Manifest();
        var foreign = new List<string>();
        foreach (var file in Files())
        {
            if (written is null ? !StartsWithMarker(file) : !written.Contains(file))
            {
                foreign.Add(file);
                if (foreign.Count == limit)
                {
                    break;
                }
            }
        }

        return [.. foreign.Order(StringComparer.Ordinal)];
    }

    /// <summary>The current content of <paramref name="name"/>, or <see langword="null"/> when missing.</summary>
    public string? Read(string name)
    {
        var file = System.IO.Path.Combine(Path, name);
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }

    /// <summary>Files present now that <paramref name="files"/> does not contain (the manifest aside).</summary>
    public IReadOnlyList<string> Extra(IReadOnlyDictionary<string, string> files) =>
        [.. Present().Where(f => !files.ContainsKey(f))];

    /// <summary>Whether the manifest lists exactly <paramref name="files"/>.</summary>
    public bool ManifestMatches(IReadOnlyDictionary<string, string> files) =>
        Read(ManifestName) == ManifestText(files);

    /// <summary>
    /// Clears what an interrupted earlier run left: staging folders beside the folder, a folder
    /// moved aside but not back, an in-place write to finish (committed) or drop (not committed).
    /// </summary>
    public void Recover()
    {
        recovered = true;
        var real = RealPath;
        var parent = System.IO.Path.GetDirectoryName(real);
        if (parent is null || !Directory.Exists(parent))
        {
            return;
        }

        var name = System.IO.Path.GetFileName(real);
        var (staged, retired) = Debris(parent, name);
        if (!Directory.Exists(real) && retired.Count > 0)
        {
            Directory.Move(retired[0], real); // killed between the two renames: the old folder comes back
            retired.RemoveAt(0);
        }

        foreach (var debris in staged.Concat(retired))
        {
            Directory.Delete(debris, recursive: true);
        }

        if (Directory.Exists(System.IO.Path.Combine(real, InPlaceCommitted)))
        {
            MoveInPlace(real); // killed after the commit point: finish
        }

        if (Directory.Exists(System.IO.Path.Combine(real, InPlaceStaging)))
        {
            Directory.Delete(System.IO.Path.Combine(real, InPlaceStaging), recursive: true); // before it: drop
        }
    }

    /// <summary>
    /// This folder's staging (<c>.NAME.new-*</c>) and retired (<c>.NAME.old-*</c>) folders beside it,
    /// sorted. One listing of the parent, which may be large (a home, /tmp), with names compared
    /// as they are: a search pattern would read '*' or '?' in the folder's own name as wildcards and
    /// take another folder's staging for this one's.
    /// </summary>
    private static (List<string> Staged, List<string> Retired) Debris(string parent, string name)
    {
        var stagedPrefix = $".{name}.new-";
        var retiredPrefix = $".{name}.old-";
        var found = new FileSystemEnumerable<string>(parent, (ref FileSystemEntry entry) => entry.FileName.ToString(), new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => entry.IsDirectory
                && (entry.FileName.StartsWith(stagedPrefix, StringComparison.Ordinal) || entry.FileName.StartsWith(retiredPrefix, StringComparison.Ordinal)),
        };
        var staged = new List<string>();
        var retired = new List<string>();
        foreach (var debris in found.Order(StringComparer.Ordinal))
        {
            (debris.StartsWith(stagedPrefix, StringComparison.Ordinal) ? staged : retired).Add(System.IO.Path.Combine(parent, debris));
        }

        return (staged, retired);
    }

    /// <summary>Replaces the folder's content with exactly <paramref name="files"/> and the manifest.</summary>
    public void ReplaceWith(IReadOnlyDictionary<string, string> files)
    {
        if (!recovered)
        {
            Recover();
        }

        var real = RealPath;
        var parent = System.IO.Path.GetDirectoryName(real) ?? throw new IOException($"'{real}' has no parent folder.");
        Directory.CreateDirectory(parent);
        var name = System.IO.Path.GetFileName(real);
        var staging = System.IO.Path.Combine(parent, $".{name}.new-{Guid.NewGuid():N}");
        var retired = System.IO.Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
        try
        {
            WriteAll(staging, files);
            KeepUserEnvFile(real, staging);
            if (Directory.Exists(real))
            {
                try
                {
                    Directory.Move(real, retired);
                }
                catch (IOException) when (Directory.Exists(real) && !Directory.Exists(retired))
                {
                    // The folder itself cannot be renamed (a mount point, a busy folder): in place.
                    Directory.Delete(staging, recursive: true);
                    ReplaceInPlace(real, files);
                    return;
                }
            }

            Directory.Move(staging, real);
        }
        catch
        {
            // Put the previous folder back if it was already moved aside.
            if (!Directory.Exists(real) && Directory.Exists(retired))
            {
                Directory.Move(retired, real);
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

    /// <summary>
    /// Copies the folder's <c>.env</c> into the folder about to replace it (a copy, not a move: a
    /// failed swap leaves the previous folder whole). A symbolic link stays a link; the file's
    /// mode (0600, say) is kept.
    /// </summary>
    private static void KeepUserEnvFile(string folder, string staging)
    {
        var kept = new FileInfo(System.IO.Path.Combine(folder, UserEnvFile));
        var copy = System.IO.Path.Combine(staging, UserEnvFile);
        if (kept.LinkTarget is { } target)
        {
            File.CreateSymbolicLink(copy, target);
        }
        else if (kept.Exists)
        {
            kept.CopyTo(copy);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(copy, kept.UnixFileMode);
            }
        }
    }

    /// <summary>
    /// Writes into a folder that stays where it is: the files go to a staging folder inside it,
    /// which is renamed to mark the commit point, then each file replaces its old version with
    /// one rename and the files Stack wrote before but no longer does are deleted.
    /// </summary>
    private static void ReplaceInPlace(string folder, IReadOnlyDictionary<string, string> files)
    {
        var staging = System.IO.Path.Combine(folder, InPlaceStaging);
        try
        {
            WriteAll(staging, files);
        }
        catch when (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }

        Directory.Move(staging, System.IO.Path.Combine(folder, InPlaceCommitted));
        MoveInPlace(folder);
    }

    /// <summary>Moves a committed in-place write into the folder (idempotent: a killed move is finished by the next run).</summary>
    private static void MoveInPlace(string folder)
    {
        var committed = System.IO.Path.Combine(folder, InPlaceCommitted);
        var manifest = System.IO.Path.Combine(committed, ManifestName);
        var next = File.ReadLines(manifest).Skip(1).ToHashSet(StringComparer.Ordinal);
        var previous = System.IO.Path.Combine(folder, ManifestName);
        var stale = File.Exists(previous) ? File.ReadLines(previous).Skip(1).Where(f => !next.Contains(f)).ToList() : [];
        foreach (var file in next)
        {
            var source = System.IO.Path.Combine(committed, file);
            if (File.Exists(source))
            {
                var target = System.IO.Path.Combine(folder, file);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.Move(source, target, overwrite: true);
            }
        }

        foreach (var file in stale)
        {
            File.Delete(System.IO.Path.Combine(folder, file));
        }

        File.Move(manifest, previous, overwrite: true);
        Directory.Delete(committed, recursive: true);
    }

    private static void WriteAll(string folder, IReadOnlyDictionary<string, string> files)
    {
        // Folders first, each once and in order (not a mkdir and a stat per file); then the files,
        // which are independent: a file costs more in system calls than in bytes, so with a second
        // core half of them are written there (the reference's 24 files take about 8 ms alone).
        string[] names = [.. files.Keys.Order(StringComparer.Ordinal)];
        Directory.CreateDirectory(folder);
        foreach (var subfolder in names.Select(System.IO.Path.GetDirectoryName).OfType<string>().Where(d => d.Length > 0).Distinct(StringComparer.Ordinal))
        {
            Directory.CreateDirectory(System.IO.Path.Combine(folder, subfolder));
        }

        Generation.SpareThread.Halves(names.Length, index => WriteFile(System.IO.Path.Combine(folder, names[index]), files[names[index]]));
        File.WriteAllText(System.IO.Path.Combine(folder, ManifestName), ManifestText(names));
    }

    private static void WriteFile(string target, string content)
    {
        File.WriteAllText(target, content);
        if (content.StartsWith("#!", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
        {
            // A generated script (restore.sh) is run as ./NAME.
            File.SetUnixFileMode(target, File.GetUnixFileMode(target) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    private static string ManifestText(IReadOnlyDictionary<string, string> files) => ManifestText([.. files.Keys.Order(StringComparer.Ordinal)]);

    private static string ManifestText(string[] sortedNames) => ManifestHeader + "\n" + string.Concat(sortedNames.Select(f => f + "\n"));

    /// <summary>The manifest's file names, or null when the folder has none.</summary>
    private HashSet<string>? Manifest() =>
        Read(ManifestName) is { } text ? text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToHashSet(StringComparer.Ordinal) : null;

    /// <summary>Every file in the folder but the manifest, relative, with '/', sorted.</summary>
    private IEnumerable<string> Present() => Files().Order(StringComparer.Ordinal);

    /// <summary>Every file in the folder but the manifest and the user's .env, relative, with '/', as the file system lists them.</summary>
    private IEnumerable<string> Files() =>
        !Directory.Exists(Path)
            ? []
            : Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
                .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'))
                .Where(f => f is not (ManifestName or UserEnvFile));

    /// <summary>Whether a file starts with Stack's header (in its first lines: a script's #! and a Markdown comment come first).</summary>
    private bool StartsWithMarker(string file) =>
        File.ReadLines(System.IO.Path.Combine(Path, file)).Take(2).Any(line => line.Contains(Generation.GenerationOptions.FirstHeaderLine, StringComparison.Ordinal));
}
