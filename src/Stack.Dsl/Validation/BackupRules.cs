using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Generation.Backups;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>
/// Backups (STK0300-0303): every named volume has a decision (a warning, shared with the
/// analyzer); a dump lands in a volume backed up as files; each backup command has exactly one
/// service to run in; and a runner exists to run them.
/// </summary>
internal static class BackupRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack)
    {
        var volumes = StackResources.Volumes(stack);
        var byName = volumes.ToDictionary(v => v.Name, StringComparer.Ordinal);
        var usersByVolume = BackupInventory.UsersByVolume(stack);
        foreach (var volume in volumes.Where(v => !v.External))
        {
            if (BackupPolicy.MissesDecision(FactLogic.Of(volume.Backup is not null)) == Fact.Yes)
            {
                yield return new StackDiagnostic(BackupPolicy.MissingBackupDecision.Id, BackupPolicy.MissingBackupDecision.Format(volume.Name), volume.Location)
                {
                    Severity = DiagnosticSeverity.Warning,
                };
            }

            var users = usersByVolume.GetValueOrDefault(volume.Name) ?? [];
            if (volume.Backup is DumpBackup dump)
            {
                var into = byName.GetValueOrDefault(dump.Into.Name) ?? dump.Into;
                if (into.Name == volume.Name || into.Backup is not FileBackup)
                {
                    var what = into.Name == volume.Name ? "is the live data volume itself, which a dump backup excludes" : $"is {Describe(into.Backup)}";
                    yield return new StackDiagnostic(
                        RuleIds.DumpNotBackedUp,
                        $"Volume '{volume.Name}' is dumped into '{into.Name}', which {what}: the dump would never reach the backup. Dump into another volume and give it .WithBackup(VolumeBackup.Files()).",
                        volume.Location);
                }

                if (users.Count == 1 && BackupInventory.TargetIn(users[0], into) is null)
                {
                    yield return new StackDiagnostic(
                        RuleIds.BackupCommandWithoutService,
                        $"Volume '{volume.Name}' is dumped into '{into.Name}' by service '{users[0].Name}', which does not mount '{into.Name}': the dump command has nowhere to write. Add .WithVolume({into.Name}, \"/path\") to '{users[0].Name}'.",
                        volume.Location);
                }
            }

            if (volume.Backup?.PreBackupCommand is { } command && users.Count != 1)
            {
                var who = users.Count == 0 ? "no service mounts it" : $"{users.Count} services mount it ({string.Join(", ", users.Select(u => $"'{u.Name}'"))})";
                yield return new StackDiagnostic(
                    RuleIds.BackupCommandWithoutService,
                    $"Volume '{volume.Name}' has the backup command '{command.Command}', but {who}: it must run in exactly one service's container. Mount the volume in the one service that owns it.",
                    volume.Location);
            }
        }

        foreach (var finding in Runner(stack, volumes))
        {
            yield return finding;
        }
    }

    private static IEnumerable<StackDiagnostic> Runner(ComposeStack stack, IReadOnlyList<Volume> volumes)
    {
        if (stack.Backups is not { } plan)
        {
            var needing = volumes.Where(v => v.Backup?.PreBackupCommand is not null).Select(v => $"'{v.Name}'").ToList();
            if (needing.Count > 0)
            {
                yield return new StackDiagnostic(
                    RuleIds.MissingBackupRunner,
                    $"Volumes {string.Join(", ", needing)} have backup commands, but the stack declares no backup runner to run them before each snapshot. Add .WithBackups(new BackupPlan(yourResticService)).",
                    stack.Location);
            }

            yield break;
        }

        var runner = stack.Services.FirstOrDefault(s => s.Name == plan.Runner.Name);
        if (runner is null)
        {
            yield return new StackDiagnostic(
                RuleIds.UnknownReference,
                $"The stack's backup runner is service '{plan.Runner.Name}', which the stack does not contain. Add it with WithServices(...).",
                plan.Location);
        }
        else
        {
            if (runner.Volumes.Any(m => m.Target == plan.ExcludesFile))
            {
                yield return new StackDiagnostic(
                    RuleIds.DuplicateMountTarget,
                    $"The backup runner '{runner.Name}' mounts something at '{plan.ExcludesFile}', where the generator mounts the excludes file it writes from the volumes' decisions. Remove that mount, or set BackupPlan.ExcludesFile to another path.",
                    plan.Location);
            }

            if (runner.Environment.ContainsKey(plan.PreCommandsVariable))
            {
                yield return new StackDiagnostic(
                    RuleIds.MissingBackupRunner,
                    $"The backup runner '{runner.Name}' sets {plan.PreCommandsVariable} itself, but the generator writes it from the volumes' backup commands. Move each command to the volume it prepares (VolumeBackup.Files(prepare: ...) or ThroughDump) and remove the variable.",
                    plan.Location);
            }
        }

        if (runner is not null && !runner.Volumes.OfType<BindMount>().Any(m => m.Target == plan.VolumesPath && m.Source is AbsoluteHostPath { Path: { IsLiteral: true } path } && path.ToCompose().TrimEnd('/') == "/var/lib/docker/volumes"))
        {
            yield return new StackDiagnostic(
                RuleIds.MissingBackupRunner,
                $"The backup runner '{runner.Name}' does not mount the host's /var/lib/docker/volumes at '{plan.VolumesPath}', so its snapshots would not contain the volumes. Add .WithBind(HostPath.Absolute(\"/var/lib/docker/volumes\"), \"{plan.VolumesPath}\").",
                plan.Location);
        }
    }

    private static string Describe(VolumeBackup? backup) => backup switch
    {
        null => "without a backup decision",
        NoBackup => "never backed up",
        DumpBackup => "itself backed up through a dump (so excluded)",
        _ => "backed up as files",
    };
}
