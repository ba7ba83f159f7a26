using System.Text;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Generation.Backups;

/// <summary>
/// <c>RESTORE.md</c>: the ordered steps from an empty server to a running stack, written from the
/// volumes' backup decisions: which volumes come back from the snapshot, which databases start
/// first on an empty volume and load which dump, and which volumes start empty.
/// </summary>
internal static class RestoreRunbook
{
    public const string FileName = "RESTORE.md";

    public static string Render(BackupInventory inventory, IReadOnlyList<string> environmentFiles, string firstLine)
    {
        var plan = inventory.Plan;
        var runner = plan.Runner.Name;
        var files = inventory.Volumes.Where(v => v.Volume.Backup is FileBackup).ToList();
        var dumps = DumpsInStartOrder(inventory);
        var never = inventory.Volumes.Where(v => v.Volume.Backup is NoBackup).ToList();
        var text = new StringBuilder()
            .Append($"<!-- {firstLine} -->\n")
            .Append($"# Restoring {inventory.Stack.Name} from its backups\n\n")
            .Append($"Service `{runner}` snapshots Docker's volume folder with restic (it sees `/var/lib/docker/volumes` at `{plan.VolumesPath}`). ")
            .Append("Follow these steps in order, in the folder that holds `docker-compose.yml`.\n\n");

        text.Append("## 1. Prepare the server\n\n")
            .Append("1. Install Docker with Compose v2, and copy this folder to the server.\n")
            .Append("2. Create `.env` from `.env.example` and fill in every value");
        var repository = plan.Runner.Environment.Keys.Where(key => plan.Runner.Environment[key] is TextEnvironmentValue { Value.IsLiteral: false }).Select(key => $"`{key}`").ToList();
        text.Append(repository.Count > 0 ? $": `{runner}` reads {string.Join(", ", repository)} from it, the repository and its credentials among them.\n" : ".\n");
        if (environmentFiles.Count > 0)
        {
            text.Append($"3. Choose the environment: `export COMPOSE_FILE=docker-compose.yml:{environmentFiles[^1]}` (one of {string.Join(", ", environmentFiles.Select(f => $"`{f}`"))}), so every `docker compose` below uses it.\n");
        }

        text.Append("\n## 2. Create the stack without starting it\n\n")
            .Append("```sh\ndocker compose create\n```\n\n")
            .Append("This creates the volumes, networks and containers; nothing runs yet, so nothing writes into the volumes.\n");

        text.Append("\n## 3. Restore the volumes from the latest snapshot\n\n");
        if (files.Count == 0)
        {
            text.Append("No volume is backed up as files.\n");
        }
        else
        {
            text.Append($"```sh\ndocker compose run --rm --no-deps --entrypoint restic {runner} restore latest --target /");
            foreach (var entry in files)
            {
                text.Append(" \\\n  --include ").Append(plan.VolumesPath.TrimEnd('/')).Append('/').Append(entry.RealName);
            }

            text.Append("\n```\n\n| Volume | Used by | Comes back as |\n|---|---|---|\n");
            foreach (var entry in files)
            {
                var prepared = entry.Volume.Backup is FileBackup { Prepare: { } prepare } ? $"the files as `{prepare.Command}` left them before the snapshot" : "the files as they were";
                var dumpOf = inventory.Volumes.FirstOrDefault(v => v.Volume.Backup is DumpBackup d && d.Into.Name == entry.Volume.Name);
                text.Append($"| `{entry.Volume.Name}` | {Users(entry)} | {(dumpOf is null ? prepared : $"the dump of `{dumpOf.Volume.Name}`, loaded in step 4")} |\n");
            }
        }

        text.Append("\n## 4. Start the databases first and load their dumps\n\n");
        if (dumps.Count == 0)
        {
            text.Append("No volume is backed up through a dump.\n");
        }

        foreach (var (entry, service, dump) in dumps)
        {
            var wait = service.Healthcheck is null ? "then wait until it accepts connections" : "`--wait` returns once its healthcheck passes";
            var target = BackupInventory.TargetIn(service, dump.Into);
            text.Append($"### `{service.Name}`: `{entry.Volume.Name}` from the dump in `{dump.Into.Name}`\n\n")
                .Append($"1. `docker compose up -d --wait {service.Name}`: it starts on an empty `{entry.Volume.Name}` (the snapshot skips the live data); {wait}.\n")
                .Append($"2. `docker compose exec {service.Name} {dump.Restore}`: loads the dump from `{dump.Into.Name}`{(target is null ? string.Empty : $" (at `{target}`)")}.\n\n");
        }

        text.Append("## 5. Start everything\n\n```sh\ndocker compose up -d --wait\n```\n\n");
        var dumpServices = dumps.Select(d => d.Service.Name).ToHashSet(StringComparer.Ordinal);
        var dependents = inventory.Stack.Services.Where(s => !dumpServices.Contains(s.Name) && s.Dependencies.Any(d => dumpServices.Contains(d.Target.Name))).Select(s => $"`{s.Name}`").ToList();
        if (dependents.Count > 0)
        {
            text.Append($"Compose starts {string.Join(", ", dependents)} after the databases they wait on.\n\n");
        }

        text.Append("## 6. Volumes that start empty\n\n");
        if (never.Count == 0)
        {
            text.Append("None: every volume comes back from the backup.\n");
        }
        else
        {
            foreach (var entry in never)
            {
                text.Append($"- `{entry.Volume.Name}` ({Users(entry)}): {((NoBackup)entry.Volume.Backup!).Reason}\n");
            }
        }

        text.Append("\n## 7. Check\n\n")
            .Append("1. `docker compose ps`: every service is running, and healthy where it has a healthcheck.\n")
            .Append($"2. `docker compose logs {runner}`: the next scheduled backup runs its pre-backup commands and succeeds.\n");
        return text.ToString();
    }

    private static string Users(VolumeEntry entry) =>
        entry.MountedBy.Count == 0 ? "no service" : string.Join(", ", entry.MountedBy.Select(s => $"`{s.Name}`"));

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

    /// <summary>A dumped volume, its database service and its dump. A class, not a tuple: see <see cref="Traefik.TraefikStaticConfig.E"/>.</summary>
    private sealed record DumpStep(VolumeEntry Entry, Service Service, DumpBackup Dump);
}
