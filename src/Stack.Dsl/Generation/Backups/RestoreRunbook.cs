using System.Text;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Generation.Backups;

/// <summary>
/// <c>RESTORE.md</c>: the <see cref="RestoreProcedure"/> explained, from an empty server to a
/// running stack: which volumes come back from the snapshot, which databases start first on an
/// empty volume and load which dump, and which volumes start empty. <c>restore.sh</c> runs the
/// same steps.
/// </summary>
internal static class RestoreRunbook
{
    public const string FileName = "RESTORE.md";

    public static string Render(RestoreProcedure procedure, IReadOnlyList<string> environmentFiles, string firstLine)
    {
        var inventory = procedure.Inventory;
        var plan = inventory.Plan;
        var runner = procedure.Runner;
        var text = new StringBuilder()
            .Append($"<!-- {firstLine} -->\n")
            .Append($"# Restoring {inventory.Stack.Name} from its backups\n\n")
            .Append($"Service `{runner}` snapshots Docker's volume folder with restic (it sees `/var/lib/docker/volumes` at `{plan.VolumesPath}`). ")
            .Append("Follow these steps in order, in the folder that holds `docker-compose.yml`, ")
            .Append($"or run `./{RestoreScript.FileName}{(environmentFiles.Count > 0 ? " ENVIRONMENT" : string.Empty)}` once step 1 is done: it runs steps 2 to 6 exactly as written here.\n\n");

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
            .Append($"```sh\ndocker compose {RestoreProcedure.CreateArguments}\n```\n\n")
            .Append("This creates the volumes, networks and containers; nothing runs yet, so nothing writes into the volumes.\n");

        text.Append("\n## 3. Restore the volumes from the latest snapshot\n\n");
        if (procedure.FileVolumes.Count == 0)
        {
            text.Append("No volume is backed up as files.\n");
        }
        else
        {
            text.Append($"```sh\ndocker compose {procedure.RestoreVolumesArguments(" \\\n  ")}\n```\n\n")
                .Append("| Volume | Used by | Comes back as |\n|---|---|---|\n");
            foreach (var entry in procedure.FileVolumes)
            {
                var prepared = entry.Volume.Backup is FileBackup { Prepare: { } prepare } ? $"the files as `{prepare.Command}` left them before the snapshot" : "the files as they were";
                var dumpOf = inventory.Volumes.FirstOrDefault(v => v.Volume.Backup is DumpBackup d && d.Into.Name == entry.Volume.Name);
                text.Append($"| `{entry.Volume.Name}` | {Users(entry)} | {(dumpOf is null ? prepared : $"the dump of `{dumpOf.Volume.Name}`, loaded in step 4")} |\n");
            }
        }

        text.Append("\n## 4. Start the databases first and load their dumps\n\n");
        if (procedure.Dumps.Count == 0)
        {
            text.Append("No volume is backed up through a dump.\n");
        }

        foreach (var step in procedure.Dumps)
        {
            var service = step.Service;
            var wait = service.Healthcheck is not null
                ? $"`docker compose {RestoreProcedure.StartArguments(service, wait: true)}` waits until its healthcheck passes"
                : step.Dump.Dump.WaitForPort is { } port
                    ? $"`docker compose {RestoreProcedure.StartArguments(service)}`, then `docker compose {procedure.WaitForPortArguments(service, port)}` waits until it accepts connections"
                    : $"`docker compose {RestoreProcedure.StartArguments(service)}`; it has no healthcheck and no port to wait for, so wait until it accepts connections";
            text.Append($"### `{service.Name}`: `{step.Entry.Volume.Name}` from the dump in `{step.Dump.Into.Name}`\n\n")
                .Append($"1. {wait}. It starts on an empty `{step.Entry.Volume.Name}` (the snapshot skips the live data).\n")
                .Append($"2. `docker compose {RestoreProcedure.LoadDumpArguments(step)}`: loads the dump from `{step.Dump.Into.Name}`{(step.DumpTarget is { } target ? $" (at `{target}`)" : string.Empty)}.\n\n");
        }

        text.Append($"## 5. Start everything\n\n```sh\ndocker compose {RestoreProcedure.StartAllArguments} --wait\n```\n\n");
        if (procedure.Dependents.Count > 0)
        {
            text.Append($"Compose starts {string.Join(", ", procedure.Dependents.Select(s => $"`{s.Name}`"))} after the databases they wait on.\n\n");
        }

        text.Append("## 6. Volumes that start empty\n\n");
        if (procedure.EmptyVolumes.Count == 0)
        {
            text.Append("None: every volume comes back from the backup.\n");
        }
        else
        {
            foreach (var entry in procedure.EmptyVolumes)
            {
                text.Append($"- `{entry.Volume.Name}` ({Users(entry)}): {((NoBackup)entry.Volume.Backup!).Reason.ReplaceLineEndings(" ")}\n");
            }
        }

        text.Append("\n## 7. Check\n\n")
            .Append("1. `docker compose ps`: every service is running, and healthy where it has a healthcheck.\n")
            .Append($"2. `docker compose logs {runner}`: the next scheduled backup runs its pre-backup commands and succeeds.\n");
        return text.ToString();
    }

    private static string Users(VolumeEntry entry) =>
        entry.MountedBy.Count == 0 ? "no service" : string.Join(", ", entry.MountedBy.Select(s => $"`{s.Name}`"));
}
