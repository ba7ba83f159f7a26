namespace Stack.Dsl.Cli;

/// <summary>
/// One writer per output folder: a run holds an exclusive lock on <c>.NAME.lock</c> beside the
/// folder while it recovers, compares and swaps, so two runs at once never mix their files (one
/// clearing the other's staging folder as debris, say). The lock is the kernel's (the file is
/// opened unshared; .NET takes <c>flock</c> on it), so it is released when the process exits,
/// however it exits: a lock file left behind is not a lock, and no run waits on a dead one.
/// The file itself stays, empty; Stack wrote it, and deleting it would let a waiting run lock an
/// unlinked file while a third locks a new one.
/// </summary>
internal sealed class OutputFolderLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private readonly FileStream _held;

    private OutputFolderLock(FileStream held) => _held = held;

    /// <summary>The lock file's name beside a folder named <paramref name="folderName"/>.</summary>
    public static string FileName(string folderName) => $".{folderName}.lock";

    /// <summary>
    /// Waits up to <paramref name="patience"/> for the lock of the folder at <paramref name="realPath"/>
    /// (a link already resolved, so two paths to one folder share it); <see langword="null"/> when
    /// another run still holds it then.
    /// </summary>
    public static OutputFolderLock? Acquire(string realPath, TimeSpan patience)
    {
        var parent = Path.GetDirectoryName(realPath) ?? throw new IOException($"'{realPath}' has no parent folder.");
        Directory.CreateDirectory(parent);
        var file = Path.Combine(parent, FileName(Path.GetFileName(realPath)));
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                return new OutputFolderLock(new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(file) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(Poll); // held by another run: wait for it
            }
            catch (IOException) when (File.Exists(file))
            {
                return null;
            }
        }
    }

    public void Dispose() => _held.Dispose();
}
