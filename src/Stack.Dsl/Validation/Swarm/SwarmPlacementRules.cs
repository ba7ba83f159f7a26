using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Dsl.Validation.Swarm;

/// <summary>
/// STK0505 (a service with a node-local volume, not pinned to a node) and STK0506 (the backup
/// runner, which reads its own node's volumes and containers, not pinned where they are); each
/// unless the service (the runner, for STK0506) accepts it with <see cref="Service.AcceptOnSwarm"/>.
/// </summary>
internal static class SwarmPlacementRules
{
    public static void Check(ComposeStack stack, List<StackDiagnostic> found)
    {
        // Loops, not LINQ, over the model's records: see SwarmFiles.Targets.
        foreach (var service in stack.Services)
        {
            if (service.Deployment?.Mode == DeploymentMode.Global || Pins(service).Count > 0 || service.AcceptsOnSwarm(SwarmDifference.VolumeNotPinned))
            {
                continue;
            }

            var named = new HashSet<string>(StringComparer.Ordinal);
            foreach (var mount in service.Volumes)
            {
                if (mount is not VolumeMount { Volume: var volume } || !IsNodeLocal(volume) || !named.Add(volume.Name))
                {
                    continue;
                }

                found.Add(SwarmRules.Warning(
                    SwarmChecks.VolumeNotPinned.Id,
                    SwarmChecks.VolumeNotPinned.Format(service.Name, volume.Name, SwarmChecks.PinCall),
                    service.At(mount.Location)) with { AddedAt = stack.Joins.Of(service) });
            }
        }

        if (stack.Backups is { } plan && SwarmRules.ServiceNamed(stack, plan.Runner.Name) is { } runner && !runner.AcceptsOnSwarm(SwarmDifference.BackupRunnerNotPinned))
        {
            foreach (var problem in RunnerProblems(stack, runner))
            {
                found.Add(SwarmRules.Warning(SwarmChecks.BackupNotPinned.Id, SwarmChecks.BackupNotPinned.Format(runner.Name, problem, SwarmChecks.PinCall), runner.Location));
            }
        }
    }

    private static List<string> RunnerProblems(ComposeStack stack, Service runner)
    {
        var runnerPins = Pins(runner);
        if (runnerPins.Count == 0)
        {
            return ["it is not pinned to a node"];
        }

        var problems = new List<string>();

        foreach (var service in stack.Services)
        {
            if (service.Name == runner.Name)
            {
                continue;
            }

            Volume? backedUp = null;
            foreach (var mount in service.Volumes)
            {
                if (mount is VolumeMount { Volume: var volume } && IsNodeLocal(volume) && volume.Backup is not null and not NoBackup)
                {
                    backedUp = volume;
                    break;
                }
            }

            var pins = Pins(service);
            if (backedUp is not null && pins.Count > 0 && !pins.SetEquals(runnerPins))
            {
                problems.Add($"service '{service.Name}', whose volume '{backedUp.Name}' it backs up, is pinned by '{string.Join("', '", pins.Order(StringComparer.Ordinal))}' and the runner by '{string.Join("', '", runnerPins.Order(StringComparer.Ordinal))}'");
            }
        }

        return problems;
    }

    /// <summary>The service's constraints that pin it to one node, without spaces (a swarm reads them so).</summary>
    private static HashSet<string> Pins(Service service)
    {
        var pins = new HashSet<string>(StringComparer.Ordinal);
        foreach (var constraint in service.Deployment?.Placement?.Constraints ?? [])
        {
            if (SwarmChecks.IsPinning(constraint))
            {
                pins.Add(constraint.Replace(" ", string.Empty, StringComparison.Ordinal));
            }
        }

        return pins;
    }

    /// <summary>
    /// A volume of the local driver without a network file system under it: it exists on one node.
    /// </summary>
    private static bool IsNodeLocal(Volume volume) =>
        (volume.Driver is null || volume.Driver == "local")
        && !(volume.DriverOptions.TryGetValue("type", out var type) && type.IsLiteral && type.ToCompose() is "nfs" or "nfs4" or "cifs");
}
