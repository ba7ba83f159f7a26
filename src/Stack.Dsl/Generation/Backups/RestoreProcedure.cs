using System.Globalization;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Generation.Backups;

/// <summary>
/// The restore, step by step, decided once from the volumes' backup decisions: <c>RESTORE.md</c>
/// explains these steps and <c>restore.sh</c> runs them, so the runbook and the script cannot
/// drift. Every compose command both show is built here.
/// </summary>
internal sealed class RestoreProcedure
{
    /// <summary>How long the script waits for a service to become healthy or reachable.</summary>
    public const int WaitSeconds = 300;

    private RestoreProcedure(BackupInventory inventory)
    {
        Inventory = inventory;
        FileVolumes = [.. inventory.Volumes.Where(v => v.Volume.Backup is FileBackup)];
        Dumps = DumpsInStartOrder(inventory);
        EmptyVolumes = [.. inventory.Volumes.Where(v => v.Volume.Backup is NoBackup)];
        var dumpServices = Dumps.Select(d => d.Service.Name).ToHashSet(StringComparer.Ordinal);
        Dependents = [.. inventory.Stack.Services.Where(s => !dumpServices.Contains(s.Name) && s.Dependencies.Any(d => dumpServices.Contains(d.Target.Name)))];
        Healthchecked = [.. inventory.Stack.Services.Where(s => s.Healthcheck is not null)];
    }

    public BackupInventory Inventory { get; }

    /// <summary>The backup runner's service name.</summary>
    public string Runner => Inventory.Plan.Runner.Name;

    /// <summary>Volumes restored from the snapshot as files, by name.</summary>
    public IReadOnlyList<VolumeEntry> FileVolumes { get; }

    /// <summary>Dumped volumes, a database after those it depends on.</summary>
    public IReadOnlyList<DumpStep> Dumps { get; }

    /// <summary>Volumes never backed up: they start empty.</summary>
    public IReadOnlyList<VolumeEntry> EmptyVolumes { get; }

    /// <summary>Services (not databases restored from a dump) that wait on one.</summary>
    public IReadOnlyList<Service> Dependents { get; }

    /// <summary>Services with a healthcheck, which the last step waits for.</summary>
    public IReadOnlyList<Service> Healthchecked { get; }

    public static RestoreProcedure Of(BackupInventory inventory) => new(inventory);

    /// <summary>
    /// Step 2: create volumes, networks and containers without starting anything. Not
    /// <c>up --no-start</c>: Compose v1 then waits forever for a one-shot job it never started.
    /// </summary>
    public const string CreateArguments = "create";

    /// <summary>Step 3: restic restores every file-backed volume's folder in place, through the runner.</summary>
    public string RestoreVolumesArguments(string separator) =>
        $"run --rm --no-deps --entrypoint restic {Runner} restore latest --target /"
        + string.Concat(FileVolumes.Select(v => $"{separator}--include {VolumePath(v)}"));

    /// <summary>Where the runner sees a volume's folder.</summary>
    public string VolumePath(VolumeEntry entry) => $"{Inventory.Plan.VolumesPath.TrimEnd('/')}/{entry.RealName}";

    /// <summary>
    /// Step 4: start a database on its empty live volume (and what it depends on: databases among
    /// them are restored first, other volumes are back since step 3).
    /// </summary>
    /// <param name="service">The database.</param>
    /// <param name="wait">Whether compose itself waits for the healthcheck (<c>--wait</c>: Compose v2 only, so the runbook's form).</param>
    public static string StartArguments(Service service, bool wait = false) => $"up -d{(wait ? " --wait" : string.Empty)} {service.Name}";

    /// <summary>Step 4, without a healthcheck: the runner's wait-for tool, as the backup uses it before a dump.</summary>
    public string WaitForPortArguments(Service service, int port) =>
        $"run --rm --no-deps --entrypoint {Inventory.Plan.WaitForTool} {Runner} {service.Name}:{port.ToString(CultureInfo.InvariantCulture)} --timeout={WaitSeconds.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Step 4: the database loads its dump.</summary>
    public static string LoadDumpArguments(DumpStep step) => $"exec -T {step.Service.Name} {ContainerShell.Arguments(step.Dump.Restore)}";

    /// <summary>Step 5: start everything else.</summary>
    public const string StartAllArguments = "up -d";

    /// <summary>The dumped volumes with their database, a database after those it depends on, otherwise in stack order.</summary>
    private static List<DumpStep> DumpsInStartOrder(BackupInventory inventory)
    {
        var pending = inventory.Stack.Services
            .SelectMany(s => inventory.Volumes.Where(v => v.Volume.Backup is DumpBackup && v.MountedBy.Count == 1 && v.MountedBy[0].Name == s.Name)
                .Select(v => new DumpStep(v, s, (DumpBackup)v.Volume.Backup!)))
            .ToList();
        var ordered = new List<DumpStep>();
        while (pending.Count > 0)
        {
            var names = pending.Select(p => p.Service.Name).ToHashSet(StringComparer.Ordinal);
            var next = pending.FirstOrDefault(p => !p.Service.Dependencies.Any(d => names.Contains(d.Target.Name) && d.Target.Name != p.Service.Name)) ?? pending[0];
            ordered.Add(next);
            pending.Remove(next);
        }

        return ordered;
    }
}

/// <summary>A dumped volume, its database service and its dump. A class, not a tuple: see <see cref="Traefik.TraefikStaticConfig.E"/>.</summary>
/// <param name="Entry">The database's live volume.</param>
/// <param name="Service">The database.</param>
/// <param name="Dump">How it is dumped and restored.</param>
internal sealed record DumpStep(VolumeEntry Entry, Service Service, DumpBackup Dump)
{
    /// <summary>Where the database mounts the dump volume, if it does.</summary>
    public string? DumpTarget => BackupInventory.TargetIn(Service, Dump.Into);
}
