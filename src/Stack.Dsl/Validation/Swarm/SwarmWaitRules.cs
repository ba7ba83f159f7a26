using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Dsl.Validation.Swarm;

/// <summary>
/// STK0504: a depends_on that waits (for health, or for a job's success), which Swarm ignores,
/// on a dependent that nothing else holds back until the wait would have been over. A wait for
/// the start only asks for no readiness, so Swarm loses nothing there and it is not reported.
/// </summary>
internal static class SwarmWaitRules
{
    public static void Check(ComposeStack stack, List<StackDiagnostic> found)
    {
        foreach (var service in stack.Services)
        {
            foreach (var dependency in service.Dependencies)
            {
                if (dependency.Condition == DependencyCondition.ServiceStarted || Replaced(service) || service.AcceptsOnSwarm(SwarmDifference.IgnoredWait))
                {
                    continue;
                }

                var waits = dependency.Condition == DependencyCondition.ServiceHealthy
                    ? "to be healthy (DependencyCondition.ServiceHealthy)"
                    : "to complete (DependencyCondition.ServiceCompletedSuccessfully)";
                found.Add(SwarmRules.Warning(
                    SwarmChecks.IgnoredWait.Id,
                    SwarmChecks.IgnoredWait.Format(service.Name, dependency.Target.Name, waits, SwarmChecks.WaitAdvice(service.Name, dependency.Target.Name, RunsOnce(service))),
                    // At the DependsOn call; at the helper's call when a helper with parameters wrote
                    // it (its own line is every service's), at the service for a Dependency built apart.
                    service.At(dependency.Location)) with { AddedAt = stack.Joins.Of(service) });
            }
        }
    }

    /// <summary>
    /// Whether Swarm holds the dependent back by itself: a long-running service whose own
    /// healthcheck fails (so its task is replaced) while it restarts; a job that Swarm restarts
    /// on failure until it succeeds.
    /// </summary>
    private static bool Replaced(Service service) =>
        RunsOnce(service)
            ? service.Deployment?.RestartPolicy?.Condition is DeployRestartCondition.OnFailure or DeployRestartCondition.Any
            : service.Healthcheck is { } healthcheck && healthcheck.Test != HealthcheckTest.None;

    /// <summary>A job, or a service whose restart policy is none: Swarm does not try it again.</summary>
    private static bool RunsOnce(Service service) =>
        service.Deployment?.RestartPolicy?.Condition is { } condition
            ? condition == DeployRestartCondition.None
            : service.IsOneShot || service.Restart?.Value == RestartPolicy.No.Value;
}
