namespace Stack.Dsl.Backups;

/// <summary>
/// What happens to a named volume's data at backup time. Every volume states one (STK0300):
/// <see cref="Files"/>, <see cref="ThroughDump"/> or <see cref="Never"/>.
/// </summary>
public abstract record VolumeBackup
{
    private protected VolumeBackup()
    {
    }

    /// <summary>What the backup runs in the owning service before each snapshot, if anything.</summary>
    public abstract BackupCommand? PreBackupCommand { get; }

    /// <summary>Snapshot the volume's files as they are.</summary>
    /// <param name="prepare">
    /// A command run in the service that mounts the volume before each backup, to make its files
    /// consistent (for example <c>redis-cli save</c>) or to tidy them; none by default.
    /// </param>
    public static FileBackup Files(BackupCommand? prepare = null) => new(prepare);

    /// <summary>
    /// Back the volume up through a dump: before each backup the database dumps itself into
    /// <paramref name="into"/> (backed up as files); the live data volume is excluded, and a
    /// restore starts the database on an empty volume and loads the dump.
    /// </summary>
    /// <param name="dump">The command, run in the database's container, that writes the dump.</param>
    /// <param name="restore">The command, run in the database's container, that loads the dump back (read as <see cref="BackupCommand.Command"/> is).</param>
    /// <param name="into">The volume the dump lands in; the database's service mounts it too.</param>
    public static DumpBackup ThroughDump(BackupCommand dump, string restore, Compose.Volume into) => new(dump, restore, into);

    /// <summary>Never back the volume up (a cache, data that is rebuilt): it is excluded, and starts empty after a restore.</summary>
    /// <param name="reason">Why losing it is fine; written into the excludes file and the runbook.</param>
    public static NoBackup Never(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("A reason must say something.", nameof(reason)) : new(reason);
}

/// <summary>The volume's files are snapshotted as they are.</summary>
/// <param name="Prepare">Run in the mounting service before each backup, if set.</param>
public sealed record FileBackup(BackupCommand? Prepare) : VolumeBackup
{
    /// <inheritdoc/>
    public override BackupCommand? PreBackupCommand => Prepare;
}

/// <summary>The volume is backed up through a dump into another volume.</summary>
/// <param name="Dump">Writes the dump.</param>
/// <param name="Restore">Loads the dump back.</param>
/// <param name="Into">Where the dump lands.</param>
public sealed record DumpBackup(BackupCommand Dump, string Restore, Compose.Volume Into) : VolumeBackup
{
    /// <summary>The restore command.</summary>
    public string Restore { get; } = string.IsNullOrWhiteSpace(Restore) ? throw new ArgumentException("A restore command is needed.", nameof(Restore)) : Restore;

    /// <summary>The dump volume.</summary>
    public Compose.Volume Into { get; } = Into ?? throw new ArgumentNullException(nameof(Into));

    /// <inheritdoc/>
    public override BackupCommand? PreBackupCommand => Dump;
}

/// <summary>The volume is never backed up.</summary>
/// <param name="Reason">Why.</param>
public sealed record NoBackup(string Reason) : VolumeBackup
{
    /// <inheritdoc/>
    public override BackupCommand? PreBackupCommand => null;
}
