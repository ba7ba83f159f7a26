using System.Globalization;
using System.Text;
using Stack.Dsl.Backups;
using Stack.Dsl.Environments;

namespace Stack.Dsl.Generation.Backups;

/// <summary>
/// <c>restore.sh</c>: runs the <see cref="RestoreProcedure"/>'s steps 2 to 6 in order (what
/// <c>RESTORE.md</c> explains), stopping at the first failure. It waits on healthchecks itself
/// instead of <c>up --wait</c>, so it also runs with Compose v1 (<c>COMPOSE=docker-compose</c>).
/// </summary>
internal static class RestoreScript
{
    public const string FileName = "restore.sh";

    public static string Render(RestoreProcedure procedure, IReadOnlyList<StackEnvironment> environments, IEnumerable<string> header)
    {
        var stackName = procedure.Inventory.Stack.Name;
        var text = new StringBuilder("#!/bin/sh\n").Append(HeaderLines.Render(header));

        text.Append($"# Restores {stackName} from its latest backup, from an empty server: steps 2 to 6 of {RestoreRunbook.FileName}, in order.\n")
            .Append("# Do step 1 (.env) first. COMPOSE overrides the compose command (default: docker compose).\n");
        var names = string.Join(", ", environments.Select(e => e.Name));
        if (environments.Count > 0)
        {
            text.Append($"# Usage: ./{FileName} ENVIRONMENT  (one of: {names})\n");
        }

        text.Append("set -eu\n")
            .Append("cd \"$(dirname \"$0\")\"\n");
        if (environments.Count > 0)
        {
            text.Append("case \"${1:-}\" in\n");
            foreach (var environment in environments)
            {
                text.Append($"  {environment.Name}) export COMPOSE_FILE=docker-compose.yml:{environment.OverrideFileName} ;;\n");
            }

            text.Append($"  *) echo \"usage: $0 ENVIRONMENT (one of: {names})\" >&2; exit 2 ;;\n")
                .Append("esac\n");
        }

        text.Append("\n# Word splitting is intended: COMPOSE may be a command with arguments.\n")
            .Append("compose() { ${COMPOSE:-docker compose} \"$@\"; }\n")
            .Append("step() { printf '\\n==> restore step %s\\n' \"$*\"; }\n")
            .Append("# What `docker compose up --wait` does for one service: wait until its healthcheck passes.\n")
            .Append("wait_healthy() {\n")
            .Append("  container=$(compose ps -q \"$1\")\n")
            .Append("  waited=0\n")
            .Append("  until [ \"$(docker inspect --format '{{.State.Health.Status}}' \"$container\")\" = healthy ]; do\n")
            .Append($"    if [ \"$waited\" -ge {RestoreProcedure.WaitSeconds.ToString(CultureInfo.InvariantCulture)} ]; then\n")
            .Append("      echo \"restore: $1 is not healthy after ${waited}s; its last checks:\" >&2\n")
            .Append("      docker inspect --format '{{json .State.Health}}' \"$container\" >&2\n")
            .Append("      exit 1\n")
            .Append("    fi\n")
            .Append("    sleep 1\n")
            .Append("    waited=$((waited + 1))\n")
            .Append("  done\n")
            .Append("}\n");

        text.Append("\nstep 2: create the stack without starting it\n")
            .Append($"compose {RestoreProcedure.CreateArguments}\n");

        text.Append("\nstep 3: restore the volumes from the latest snapshot\n");
        text.Append(procedure.FileVolumes.Count == 0
            ? "echo 'No volume is backed up as files.'\n"
            : $"compose {procedure.RestoreVolumesArguments(" \\\n  ")}\n");

        text.Append("\nstep 4: start the databases first and load their dumps\n");
        if (procedure.Dumps.Count == 0)
        {
            text.Append("echo 'No volume is backed up through a dump.'\n");
        }

        foreach (var dump in procedure.Dumps)
        {
            text.Append($"echo {ShellQuote.Line($"{dump.Service.Name}: {dump.Entry.Volume.Name} from the dump in {dump.Dump.Into.Name}")}\n")
                .Append($"compose {RestoreProcedure.StartArguments(dump.Service)}\n");
            if (dump.Service.Healthcheck is not null)
            {
                text.Append($"wait_healthy {dump.Service.Name}\n");
            }
            else if (dump.Dump.Dump.WaitForPort is { } port)
            {
                text.Append($"compose {procedure.WaitForPortArguments(dump.Service, port)}\n");
            }

            text.Append($"compose {RestoreProcedure.LoadDumpArguments(dump)}\n");
        }

        text.Append("\nstep 5: start everything\n")
            .Append($"compose {RestoreProcedure.StartAllArguments}\n");
        foreach (var service in procedure.Healthchecked)
        {
            text.Append($"wait_healthy {service.Name}\n");
        }

        text.Append("\nstep 6: volumes that start empty\n");
        if (procedure.EmptyVolumes.Count == 0)
        {
            text.Append("echo 'None: every volume comes back from the backup.'\n");
        }

        foreach (var entry in procedure.EmptyVolumes)
        {
            text.Append($"echo {ShellQuote.Line($"{entry.Volume.Name}: {((NoBackup)entry.Volume.Backup!).Reason}")}\n");
        }

        text.Append($"\necho {ShellQuote.Line($"Restored. Check it as {RestoreRunbook.FileName} step 7 says.")}\n");
        return text.ToString();
    }
}
