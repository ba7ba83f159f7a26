using System.Globalization;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation.Backups;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// The restore on a swarm, decided once from the same <see cref="RestoreProcedure"/> as Compose's:
/// <c>swarm/RESTORE.md</c> explains the steps and <c>swarm/restore.sh</c> runs them. What changes:
/// there is no <c>create</c> and no <c>stop</c>, so the stack is deployed and the services that
/// write a restored volume are scaled to zero (their volumes and the service stay); and there is
/// no <c>compose run</c>, so restic runs in the runner's own task, found by its label on this node
/// (where the runner and the volumes are, by STK0505/STK0506).
/// </summary>
internal sealed class SwarmRestore
{
    public const string ScriptName = "restore.sh";
    public const string RunbookName = "RESTORE.md";

    private SwarmRestore(RestoreProcedure procedure)
    {
        Procedure = procedure;
        var inventory = procedure.Inventory;
        // Loops, not LINQ, over these records: see SwarmFiles.Targets.
        var emptied = new List<VolumeEntry>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var volume in procedure.FileVolumes)
        {
            Add(volume);
        }

        foreach (var dump in procedure.Dumps)
        {
            Add(dump.Entry);
        }

        foreach (var volume in procedure.EmptyVolumes)
        {
            Add(volume);
        }

        emptied.Sort((a, b) => string.CompareOrdinal(a.Volume.Name, b.Volume.Name)); // names are distinct: no order to keep
        Emptied = emptied;

        var writers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var volume in emptied)
        {
            foreach (var user in volume.MountedBy)
            {
                writers.Add(user.Name);
            }
        }

        var stopped = new List<Service>();
        foreach (var service in inventory.Stack.Services)
        {
            if (writers.Contains(service.Name) && service.Name != procedure.Runner)
            {
                stopped.Add(service);
            }
        }

        Stopped = stopped;

        void Add(VolumeEntry volume)
        {
            if (named.Add(volume.Volume.Name))
            {
                emptied.Add(volume);
            }
        }
    }

    public RestoreProcedure Procedure { get; }

    /// <summary>
    /// Volumes emptied before restic writes them back, so the node is what Compose's restore starts
    /// from, an empty server: the file-backed ones, the dumped databases' live data, and those never
    /// backed up (step 6 says they start empty; on a swarm the old ones may still be there).
    /// </summary>
    public IReadOnlyList<VolumeEntry> Emptied { get; }

    /// <summary>Services scaled to zero while their volumes are restored (every user of an emptied volume but the runner).</summary>
    public IReadOnlyList<Service> Stopped { get; }

    private string Stack => Procedure.Inventory.Stack.Name;

    public static SwarmRestore Of(RestoreProcedure procedure) => new(procedure);

    /// <summary>The swarm's name for a service: the stack's name, as deploy.sh deploys it, then the service's.</summary>
    public string Task(Service service) => Procedure.Inventory.SwarmServiceName(service);

    /// <summary>Step 2's scaling down; detached, the script waits itself (bounded) for the tasks to end.</summary>
    public string ScaleDown => $"docker service scale --detach {string.Join(' ', Stopped.Select(s => $"{Task(s)}=0"))}";

    /// <summary>Step 3a: empties each restored volume's data folder, as an empty server has it.</summary>
    public string EmptyArguments =>
        "sh -c 'for v in \"$@\"; do [ ! -d \"$v/_data\" ] || find \"$v/_data\" -mindepth 1 -delete; done' empty"
        + string.Concat(Emptied.Select(v => $" {Procedure.VolumePath(v)}"));

    /// <summary>Step 3b: restic, as Compose's step 3 runs it, in the runner's task.</summary>
    public string RestoreArguments(string separator) =>
        "restic restore latest --target /" + string.Concat(Procedure.FileVolumes.Select(v => $"{separator}--include {Procedure.VolumePath(v)}"));

    /// <summary>Step 4: starts a database again, with the replicas the definition gives it (step 5's deploy sets the environment's).</summary>
    public string ScaleUp(Service service) =>
        $"docker service scale --detach {Task(service)}={(service.Deployment?.Replicas ?? 1).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>How the script and the runbook reach a service's task: its running container on this node.</summary>
    public string TaskLookup(Service service) => $"docker ps -q --filter label=com.docker.swarm.service.name={Task(service)} --filter status=running";

    public static string WaitSeconds => RestoreProcedure.WaitSeconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>The runner's service.</summary>
    public Service Runner => Procedure.Inventory.Plan.Runner;

    /// <summary>Why a volume comes back empty.</summary>
    public static string Reason(VolumeEntry entry) => ((NoBackup)entry.Volume.Backup!).Reason.ReplaceLineEndings(" ");
}
