using System.Text;
using Stack.Dsl.Generation.Backups;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// <c>swarm/RESTORE.md</c>: <see cref="SwarmRestore"/>'s steps explained, with the commands
/// <c>swarm/restore.sh</c> runs; where Swarm differs from Compose's <c>RESTORE.md</c>, it says why.
/// </summary>
internal static class SwarmRestoreRunbook
{
    public static string Render(SwarmRestore restore, IReadOnlyList<string> environments, string firstLine)
    {
        var procedure = restore.Procedure;
        var inventory = procedure.Inventory;
        var runner = restore.Task(restore.Runner);
        var deploy = environments.Count > 0 ? $"./{DeployScript.FileName} ENVIRONMENT" : $"./{DeployScript.FileName}";
        var text = new StringBuilder()
            .Append($"<!-- {firstLine} -->\n")
            .Append($"# Restoring {inventory.Stack.Name} on a swarm from its backups\n\n")
            .Append($"Service `{restore.Runner.Name}` snapshots the Docker volume folder of the node it runs on with restic (it sees `/var/lib/docker/volumes` at `{inventory.Plan.VolumesPath}`). ")
            .Append("Swarm has no `create`, `stop` or `run`: the stack is deployed, the services that write a restored volume are scaled to zero (the service, its volumes, secrets and configs stay), ")
            .Append("and restic runs in the runner's own task. Follow these steps in order, in this folder, ")
            .Append($"or run `./{SwarmRestore.ScriptName}{(environments.Count > 0 ? " ENVIRONMENT" : string.Empty)}` once step 1 is done: it runs steps 2 to 6 as written here.\n\n");

        text.Append("## 1. Prepare the node\n\n")
            .Append("1. Work on the node the runner and the databases are pinned to (their placement constraints), and make it a manager: `docker ps` and `docker exec` reach only the containers of the node they run on, and `docker stack`/`docker service` need a manager.\n")
            .Append($"2. Create `../.env` from `../.env.example` and fill in every value: `{DeployScript.FileName}` reads it (`docker stack deploy` does not).\n")
            .Append($"3. Below, `TASK(SERVICE)` is the service's running container on this node: `docker ps -q --filter label=com.docker.swarm.service.name=SERVICE --filter status=running`.\n\n");

        text.Append("## 2. Deploy the stack, then scale to zero the services that write the restored volumes\n\n")
            .Append($"```sh\n{deploy}\n{(restore.Stopped.Count > 0 ? restore.ScaleDown + "\n" : string.Empty)}```\n\n")
            .Append("Wait until their tasks are gone (`docker service ps SERVICE`). Their volumes now exist on this node and nothing writes to them.\n\n");

        text.Append("## 3. Empty the restored volumes, then restore them from the latest snapshot\n\n")
            .Append("In the runner's task, whose repository, credentials and volume folder are the ones it backs up with:\n\n```sh\n");
        if (restore.Emptied.Count > 0)
        {
            text.Append($"docker exec TASK({runner}) {restore.EmptyArguments}\n");
        }

        text.Append(procedure.FileVolumes.Count == 0 ? "```\n\nNo volume is backed up as files.\n\n" : $"docker exec TASK({runner}) {restore.RestoreArguments(" \\\n  ")}\n```\n\n")
            .Append("Emptying first makes the node what Compose's restore starts from, an empty server: `docker stack rm` keeps volumes, restic does not delete files the snapshot lacks, and a database would not start afresh on the data it finds. Volumes never backed up are emptied too (step 6).\n\n");

        text.Append("## 4. Start the databases first and load their dumps\n\n");
        if (procedure.Dumps.Count == 0)
        {
            text.Append("No volume is backed up through a dump.\n\n");
        }

        foreach (var step in procedure.Dumps)
        {
            var task = restore.Task(step.Service);
            var wait = step.Service.Healthcheck is not null
                ? "wait until its task on this node is healthy (`docker inspect --format '{{.State.Health.Status}}' TASK(" + task + ")`)"
                : step.Dump.Dump.WaitForPort is { } port
                    ? $"wait until `docker exec TASK({runner}) {inventory.Plan.WaitForTool} {step.Service.Name}:{port} --timeout={SwarmRestore.WaitSeconds}` succeeds"
                    : "it has no healthcheck and no port to wait for, so wait until it accepts connections";
            text.Append($"### `{step.Service.Name}`: `{step.Entry.Volume.Name}` from the dump in `{step.Dump.Into.Name}`\n\n")
                .Append($"1. `{restore.ScaleUp(step.Service)}`, then {wait}. It starts on the emptied `{step.Entry.Volume.Name}`.\n")
                .Append($"2. `docker exec TASK({task}) {ContainerShell.Arguments(step.Dump.Restore)}`: loads the dump from `{step.Dump.Into.Name}`{(step.DumpTarget is { } target ? $" (at `{target}`)" : string.Empty)}.\n\n");
        }

        text.Append($"## 5. Start everything\n\n```sh\n{deploy}\n```\n\n")
            .Append("The same deploy again sets every service back to the file's replicas; nothing else changed, so nothing else restarts. ")
            .Append("Swarm ignores `depends_on`: services that wait on a database retry until it answers, by their restart policy.\n\n");

        text.Append("## 6. Volumes that start empty\n\n");
        text.Append(procedure.EmptyVolumes.Count == 0 ? "None: every volume comes back from the backup.\n" : string.Concat(procedure.EmptyVolumes.Select(v => $"- `{v.Volume.Name}`: {SwarmRestore.Reason(v)}\n")));

        text.Append("\n## 7. Check\n\n")
            .Append($"1. `docker stack services {inventory.Stack.Name}`: every service has its replicas.\n")
            .Append($"2. `docker service logs {runner}`: the next scheduled backup runs its pre-backup commands and succeeds.\n");
        return text.ToString();
    }
}
