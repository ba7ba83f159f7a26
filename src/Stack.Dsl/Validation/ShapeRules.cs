using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>
/// One service's own consistency: STK0209 mount targets, STK0210 network mode with networks,
/// STK0211 image or build, STK0212 durations and sizes, STK0213 healthcheck tests.
/// </summary>
internal static class ShapeRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack) => stack.Services.SelectMany(Check);

    private static IEnumerable<StackDiagnostic> Check(Service service)
    {
        var targets = service.Volumes.Select(v => (v.Target, v.Location.IsKnown ? v.Location : service.Location))
            .Concat(service.Tmpfs.Select(t => (t.Target, service.Location)));
        foreach (var repeated in targets.GroupBy(t => t.Target.TrimEnd('/'), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new StackDiagnostic(RuleIds.DuplicateMountTarget,
                $"Service '{service.Name}' mounts {repeated.Count()} things at '{repeated.Key}'; only one would be visible. Give each mount its own container path.",
                repeated.Last().Item2);
        }

        if (service.NetworkMode is { } mode && !service.Networks.IsEmpty)
        {
            yield return new StackDiagnostic(RuleIds.NetworkModeWithNetworks,
                $"Service '{service.Name}' has network_mode '{mode.Value}' and networks too; compose rejects both. Keep one: remove WithNetworkMode or WithNetworks.",
                service.Location);
        }

        if (service.Image is null && service.Build is null)
        {
            yield return new StackDiagnostic(RuleIds.MissingImage,
                $"Service '{service.Name}' has neither an image nor a build, so there is nothing to run. Add .WithImage(\"name:tag\") or .WithBuild(...).",
                service.Location);
        }

        foreach (var problem in ValueProblems(service))
        {
            yield return new StackDiagnostic(RuleIds.InvalidValue, $"Service '{service.Name}' {problem}", service.Location);
        }

        if (service.Healthcheck?.Test is ShellHealthcheckTest { Command: var command } && string.IsNullOrWhiteSpace(command.ToCompose())
            || service.Healthcheck?.Test is ExecHealthcheckTest { Arguments.IsEmpty: true })
        {
            yield return new StackDiagnostic(RuleIds.InvalidHealthcheck,
                $"Service '{service.Name}' has a healthcheck with an empty test. Give it a command that exits 0 when the service is ready, or use Healthcheck.Disabled.",
                service.Location);
        }
    }

    private static IEnumerable<string> ValueProblems(Service service)
    {
        if (service.Healthcheck is { } healthcheck)
        {
            foreach (var (name, value) in new[] { ("interval", healthcheck.Interval), ("timeout", healthcheck.Timeout), ("start_interval", healthcheck.StartInterval) })
            {
                if (value is { } duration && duration <= TimeSpan.Zero)
                {
                    yield return $"has a healthcheck {name} of {duration}; it must be positive.";
                }
            }

            if (healthcheck.StartPeriod is { } start && start < TimeSpan.Zero)
            {
                yield return $"has a healthcheck start_period of {start}; it cannot be negative.";
            }

            if (healthcheck.Retries is < 0)
            {
                yield return $"has a healthcheck with {healthcheck.Retries} retries; it cannot be negative.";
            }
        }

        if (service.StopGracePeriod is { } grace && grace < TimeSpan.Zero)
        {
            yield return $"has a stop_grace_period of {grace}; it cannot be negative.";
        }

        foreach (var tmpfs in service.Tmpfs.Where(t => t.Size is { Bytes: <= 0 }))
        {
            yield return $"has a tmpfs at '{tmpfs.Target}' of {tmpfs.Size!.Value.Bytes} bytes; a size must be positive.";
        }

        foreach (var (kind, limits) in new[] { ("limit", service.ResourceLimits), ("reservation", service.ResourceReservations) })
        {
            if (limits?.Memory is { Bytes: <= 0 } memory)
            {
                yield return $"has a memory {kind} of {memory.Bytes} bytes; it must be positive.";
            }

            if (limits?.Cpus is <= 0)
            {
                yield return $"has a CPU {kind} of {limits.Cpus}; it must be positive.";
            }
        }
    }
}
