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
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack)
    {
        foreach (var service in stack.Services.Where(s => s.Deployment?.Mode != DeploymentMode.Global && Pins(s).Count == 0 && !s.AcceptsOnSwarm(SwarmDifference.VolumeNotPinned)))
        {
            foreach (var mount in service.Volumes.OfType<VolumeMount>().Where(m => IsNodeLocal(m.Volume)).DistinctBy(m => m.Volume.Name))
            {
                yield return SwarmRules.Warning(
                    SwarmChecks.VolumeNotPinned.Id,
                    SwarmChecks.VolumeNotPinned.Format(service.Name, mount.Volume.Name, SwarmChecks.PinCall),
                    service.At(mount.Location)) with { AddedAt = stack.Joins.Of(service) };
            }
        }

        if (stack.Backups is { } plan && stack.Services.FirstOrDefault(s => s.Name == plan.Runner.Name) is { } runner && !runner.AcceptsOnSwarm(SwarmDifference.BackupRunnerNotPinned))
        {
            foreach (var problem in RunnerProblems(stack, runner))
            {
                yield return SwarmRules.Warning(SwarmChecks.BackupNotPinned.Id, SwarmChecks.BackupNotPinned.Format(runner.Name, problem, SwarmChecks.PinCall), runner.Location);
            }
        }
    }

    private static IEnumerable<string> RunnerProblems(ComposeStack stack, Service runner)
    {
        var runnerPins = Pins(runner);
        if (runnerPins.Count == 0)
        {
            yield return "it is not pinned to a node";
            yield break;
        }

        foreach (var service in stack.Services.Where(s => s.Name != runner.Name))
        {
            var backedUp = service.Volumes.OfType<VolumeMount>().Select(m => m.Volume)
                .FirstOrDefault(v => IsNodeLocal(v) && v.Backup is not null and not NoBackup);
            var pins = Pins(service);
            if (backedUp is not null && pins.Count > 0 && !pins.SetEquals(runnerPins))
            {
                yield return $"service '{service.Name}', whose volume '{backedUp.Name}' it backs up, is pinned by '{string.Join("', '", pins.Order(StringComparer.Ordinal))}' and the runner by '{string.Join("', '", runnerPins.Order(StringComparer.Ordinal))}'";
            }
        }
    }

    /// <summary>The service's constraints that pin it to one node, without spaces (a swarm reads them so).</summary>
    private static HashSet<string> Pins(Service service) =>
        [.. (service.Deployment?.Placement?.Constraints ?? []).Where(SwarmChecks.IsPinning).Select(c => c.Replace(" ", string.Empty, StringComparison.Ordinal))];

    /// <summary>
    /// A volume of the local driver without a network file system under it: it exists on one node.
    /// </summary>
    private static bool IsNodeLocal(Volume volume) =>
        (volume.Driver is null || volume.Driver == "local")
        && !(volume.DriverOptions.TryGetValue("type", out var type) && type.IsLiteral && type.ToCompose() is "nfs" or "nfs4" or "cifs");
}
