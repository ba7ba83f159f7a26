using System.Text;
using Stack.Dsl.Generation.Backups;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// <c>swarm/restore.sh</c>: runs <see cref="SwarmRestore"/>'s steps 2 to 6 in order (what
/// <c>swarm/RESTORE.md</c> explains), stopping at the first failure. Every wait is bounded and a
/// timeout prints <c>docker service ps</c> of the service it waited for.
/// </summary>
internal static class SwarmRestoreScript
{
    public static string Render(SwarmRestore restore, IReadOnlyList<string> environments, IEnumerable<string> header)
    {
        var procedure = restore.Procedure;
        var stackName = procedure.Inventory.Stack.Name;
        var names = string.Join(", ", environments);
        var text = new StringBuilder("#!/bin/sh\n").Append(HeaderLines.Render(header))
            .Append($"# Restores {stackName} on a swarm from its latest backup: steps 2 to 6 of {SwarmRestore.RunbookName}, in order.\n")
            .Append("# Run it on the node the backup runner and the databases are pinned to, a manager: docker ps and\n")
            .Append("# docker exec reach only this node's containers. Do step 1 first. DEPLOY overrides the deploy\n")
            .Append($"# command (default: ./{DeployScript.FileName}, which reads ../.env).\n");
        if (environments.Count > 0)
        {
            text.Append($"# Usage: ./{SwarmRestore.ScriptName} ENVIRONMENT  (one of: {names})\n");
        }

        text.Append("set -eu\ncd \"$(dirname \"$0\")\"\n");
        if (environments.Count > 0)
        {
            text.Append($"case \"${{1:-}}\" in\n  {string.Join('|', environments)}) ;;\n  *) echo \"usage: $0 ENVIRONMENT (one of: {names})\" >&2; exit 2 ;;\nesac\n");
        }

        var deploy = environments.Count > 0 ? "deploy \"$1\"" : "deploy";
        text.Append($$$"""

            # Word splitting is intended: DEPLOY may be a command with arguments.
            deploy() { ${DEPLOY:-./deploy.sh} "$@"; }
            step() { printf '\n==> restore step %s\n' "$*"; }
            # A service's running task container on this node (docker ps sees no other node's).
            task_of() { docker ps -q --filter "label=com.docker.swarm.service.name=$1" --filter status=running | head -n1; }
            # One second of a bounded wait; past the bound, says what and where the tasks are.
            tick() {
              if [ "$waited" -ge {{{SwarmRestore.WaitSeconds}}} ]; then
                echo "restore: $1 $2 after ${waited}s; its tasks:" >&2
                docker service ps --no-trunc "$1" >&2
                exit 1
              fi
              sleep 1
              waited=$((waited + 1))
            }
            wait_task() { waited=0; until [ -n "$(task_of "$1")" ]; do tick "$1" 'has no running task on this node (run this on the node it is pinned to)'; done; }
            wait_gone() { waited=0; while [ -n "$(task_of "$1")" ]; do tick "$1" 'still runs'; done; }
            wait_healthy() {
              waited=0
              until task=$(task_of "$1") && [ -n "$task" ] && [ "$(docker inspect --format '{{.State.Health.Status}}' "$task")" = healthy ]; do
                tick "$1" 'is not healthy on this node'
              done
            }
            # Anywhere on the swarm: a task with a healthcheck is Running only once it is healthy.
            wait_running() {
              waited=0
              until states=$(docker service ps --filter desired-state=running --format '{{.CurrentState}}' "$1") && [ -n "$states" ] && ! printf '%s\n' "$states" | grep -qv '^Running'; do
                tick "$1" 'has no healthy running task'
              done
            }

            step 2: deploy the stack, then scale to zero the services that write the restored volumes
            {{{deploy}}}

            """);
        if (restore.Stopped.Count > 0)
        {
            text.Append(restore.ScaleDown).Append('\n');
            foreach (var service in restore.Stopped)
            {
                text.Append($"wait_gone {restore.Task(service)}\n");
            }
        }

        var runner = restore.Task(restore.Runner);
        text.Append("\nstep 3: empty the restored volumes, then restore them from the latest snapshot, in the task of the runner\n")
            .Append($"wait_task {runner}\n")
            .Append($"runner=$(task_of {runner})\n");
        if (restore.Emptied.Count > 0)
        {
            text.Append($"docker exec \"$runner\" {restore.EmptyArguments}\n");
        }

        text.Append(procedure.FileVolumes.Count == 0
            ? "echo 'No volume is backed up as files.'\n"
            : $"docker exec \"$runner\" {restore.RestoreArguments(" \\\n  ")}\n");

        text.Append("\nstep 4: start the databases first and load their dumps\n");
        if (procedure.Dumps.Count == 0)
        {
            text.Append("echo 'No volume is backed up through a dump.'\n");
        }

        foreach (var dump in procedure.Dumps)
        {
            var task = restore.Task(dump.Service);
            text.Append($"echo {ShellQuote.Line($"{dump.Service.Name}: {dump.Entry.Volume.Name} from the dump in {dump.Dump.Into.Name}")}\n")
                .Append(restore.ScaleUp(dump.Service)).Append('\n');
            if (dump.Service.Healthcheck is not null)
            {
                text.Append($"wait_healthy {task}\n");
            }
            else
            {
                text.Append($"wait_task {task}\n");
                if (dump.Dump.Dump.WaitForPort is { } port)
                {
                    text.Append($"docker exec \"$runner\" {procedure.Inventory.Plan.WaitForTool} {dump.Service.Name}:{port} --timeout={SwarmRestore.WaitSeconds}\n");
                }
            }

            text.Append($"docker exec \"$(task_of {task})\" {ContainerShell.Arguments(dump.Dump.Restore)}\n");
        }

        text.Append("\nstep 5: start everything: the same deploy again scales every service back to the replicas in the file\n")
            .Append(deploy).Append('\n');
        foreach (var service in procedure.Healthchecked)
        {
            text.Append($"wait_running {restore.Task(service)}\n");
        }

        text.Append("\nstep 6: volumes that start empty\n");
        if (procedure.EmptyVolumes.Count == 0)
        {
            text.Append("echo 'None: every volume comes back from the backup.'\n");
        }

        foreach (var entry in procedure.EmptyVolumes)
        {
            text.Append($"echo {ShellQuote.Line($"{entry.Volume.Name}: {SwarmRestore.Reason(entry)}")}\n");
        }

        text.Append($"\necho {ShellQuote.Line($"Restored. Check it as {SwarmRestore.RunbookName} step 7 says.")}\n");
        return text.ToString();
    }
}
