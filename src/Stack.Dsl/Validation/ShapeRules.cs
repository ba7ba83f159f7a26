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
        foreach (var repeated in MountTargets(service).Where(t => t.Count > 1))
        {
            yield return new StackDiagnostic(RuleIds.DuplicateMountTarget,
                $"Service '{service.Name}' mounts {repeated.Count} things at '{repeated.Path}'; only one would be visible. Give each mount its own container path.",
                repeated.Last);
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
        else if (service.Image is { IsLiteral: true } image && string.IsNullOrWhiteSpace(image.ToCompose()))
        {
            yield return new StackDiagnostic(RuleIds.MissingImage,
                $"Service '{service.Name}' has an empty image, so there is nothing to run. Give .WithImage a reference such as \"name:tag\".",
                service.Location);
        }

        foreach (var problem in ValueProblems(service))
        {
            yield return new StackDiagnostic(RuleIds.InvalidValue, $"Service '{service.Name}' {problem}", service.Location);
        }

        var healthcheckAt = service.At(service.Sites.Field(nameof(Service.Healthcheck), service.Healthcheck));
        foreach (var problem in HealthcheckProblems(service))
        {
            yield return new StackDiagnostic(RuleIds.InvalidValue, $"Service '{service.Name}' {problem}", healthcheckAt);
        }

        if (service.Healthcheck?.Test is ShellHealthcheckTest { Command: var command } && string.IsNullOrWhiteSpace(command.ToCompose())
            || service.Healthcheck?.Test is ExecHealthcheckTest { Arguments.IsEmpty: true })
        {
            yield return new StackDiagnostic(RuleIds.InvalidHealthcheck,
                $"Service '{service.Name}' has a healthcheck with an empty test. Give it a command that exits 0 when the service is ready, or use Healthcheck.Disabled.",
                healthcheckAt);
        }
        else if (service.Healthcheck?.Test is ExecHealthcheckTest { Arguments: var arguments })
        {
            // The generator writes [CMD, arguments...]: a first argument naming a form would be run as a program.
            if (arguments[0].ToCompose() is "CMD" or "CMD-SHELL" or "NONE")
            {
                yield return new StackDiagnostic(RuleIds.InvalidHealthcheck,
                    $"Service '{service.Name}' has an exec healthcheck whose first argument is '{arguments[0]}'; the generator adds CMD itself, so the engine would run a program named '{arguments[0]}'. Use HealthcheckTest.Shell(\"...\") for a shell command, or drop the form.",
                    healthcheckAt);
            }
            else if (arguments.Any(a => string.IsNullOrWhiteSpace(a.ToCompose())))
            {
                yield return new StackDiagnostic(RuleIds.InvalidHealthcheck,
                    $"Service '{service.Name}' has an exec healthcheck with an empty or blank argument; the program would get an empty argument (or, first, there is no program). Remove it.",
                    healthcheckAt);
            }
        }
    }

    /// <summary>Container paths in mount order, with how often each is used and the last call that used it.</summary>
    private static List<MountTarget> MountTargets(Service service)
    {
        var targets = new List<MountTarget>();
        void Use(string path, SourceLocation location)
        {
            var normalized = path.TrimEnd('/');
            var existing = targets.Find(t => t.Path == normalized);
            if (existing is null)
            {
                targets.Add(new MountTarget(normalized) { Count = 1, Last = location });
            }
            else
            {
                existing.Count++;
                existing.Last = location;
            }
        }

        foreach (var mount in service.Volumes)
        {
            Use(mount.Target, mount.Location.IsKnown ? mount.Location : service.Location);
        }

        foreach (var tmpfs in service.Tmpfs)
        {
            Use(tmpfs.Target, service.Location);
        }

        return targets;
    }

    /// <summary>The healthcheck's numbers: reported at the call that set it (a healthcheck is often built apart).</summary>
    private static IEnumerable<string> HealthcheckProblems(Service service)
    {
        if (service.Healthcheck is { } healthcheck)
        {
            if (Positive("interval", healthcheck.Interval) is { } interval)
            {
                yield return interval;
            }

            if (Positive("timeout", healthcheck.Timeout) is { } timeout)
            {
                yield return timeout;
            }

            if (Positive("start_interval", healthcheck.StartInterval) is { } startInterval)
            {
                yield return startInterval;
            }

            if (healthcheck.StartPeriod is { } start && (start < TimeSpan.Zero || start > GoMaxDuration))
            {
                yield return $"has a healthcheck start_period of {start}; it cannot be negative or longer than the engine's durations (about 292 years).";
            }
            else if (healthcheck.StartPeriod is { } short_ && short_ > TimeSpan.Zero && short_ < EngineMinimumDuration)
            {
                yield return $"has a healthcheck start_period of {short_}; the engine refuses one under 1ms (0 is its default). Set it to TimeSpan.Zero or at least TimeSpan.FromMilliseconds(1).";
            }

            if (healthcheck.Retries is < 0)
            {
                yield return $"has a healthcheck with {healthcheck.Retries} retries; it cannot be negative.";
            }
        }
    }

    private static IEnumerable<string> ValueProblems(Service service)
    {
        if (service.StopGracePeriod is { } grace && (grace < TimeSpan.Zero || grace > GoMaxDuration))
        {
            yield return $"has a stop_grace_period of {grace}; it cannot be negative or longer than the engine's durations (about 292 years).";
        }

        foreach (var tmpfs in service.Tmpfs.Where(t => t.Size is { Bytes: <= 0 }))
        {
            yield return $"has a tmpfs at '{tmpfs.Target}' of {tmpfs.Size!.Value.Bytes} bytes; a size must be positive. Give it a size such as ByteSize.Megabytes(64), or leave the size out for the engine's default.";
        }

        foreach (var problem in SysctlRules.Problems(service))
        {
            yield return problem;
        }

        foreach (var problem in LimitProblems("limit", service.ResourceLimits).Concat(LimitProblems("reservation", service.ResourceReservations)))
        {
            yield return problem;
        }

        // "Minimum memory limit can not be less than memory reservation limit": the engine compares the two.
        if (service.ResourceLimits?.Memory is { } limit && service.ResourceReservations?.Memory is { } reservation && limit.Bytes > 0 && reservation.Bytes > limit.Bytes)
        {
            yield return $"reserves {reservation.Bytes} bytes of memory but is limited to {limit.Bytes}; the engine refuses a reservation above the limit at start. Lower the reservation in .WithResourceReservations(...) or raise the limit in .WithResourceLimits(...).";
        }
    }

    private static string? Positive(string name, TimeSpan? value) =>
        value is { } duration && duration <= TimeSpan.Zero ? $"has a healthcheck {name} of {duration}; it must be positive. Set it to a positive TimeSpan in .WithTiming(...), or leave it out for the engine's default."
        : value < EngineMinimumDuration ? $"has a healthcheck {name} of {value}; the engine refuses one under 1ms. Set it to at least TimeSpan.FromMilliseconds(1) in .WithTiming(...), or leave it out for the engine's default."
        : value > GoMaxDuration ? $"has a healthcheck {name} of {value}; the engine's durations end at about 292 years." : null;

    /// <summary>The shortest healthcheck duration the engine takes (moby's <c>container.MinimumDuration</c>), apart from 0 where 0 means its default.</summary>
    private static readonly TimeSpan EngineMinimumDuration = TimeSpan.FromMilliseconds(1);

    /// <summary>The smallest memory limit or reservation the engine takes on Linux (moby's <c>linuxMinMemory</c>, "Minimum memory limit allowed is 6MB").</summary>
    private const long EngineMinimumMemory = 6 * 1024 * 1024;

    /// <summary>The longest duration the engine (Go's time.Duration, int64 nanoseconds) can hold.</summary>
    internal static readonly TimeSpan GoMaxDuration = TimeSpan.FromTicks(long.MaxValue / 100);

    private static IEnumerable<string> LimitProblems(string kind, ResourceLimits? limits)
    {
        if (limits?.Memory is { Bytes: <= 0 } memory)
        {
            yield return $"has a memory {kind} of {memory.Bytes} bytes; it must be positive. Give a size such as ByteSize.Megabytes(512), or leave it out.";
        }
        else if (limits?.Memory is { Bytes: < EngineMinimumMemory } small)
        {
            yield return $"has a memory {kind} of {small.Bytes} bytes; the engine refuses one under 6 MiB ({EngineMinimumMemory} bytes) at start. Give at least ByteSize.Megabytes(6), such as ByteSize.Megabytes(512), or leave it out.";
        }

        if (limits?.Cpus is <= 0)
        {
            yield return $"has a CPU {kind} of {limits.Cpus}; it must be positive. Give a share of CPUs above 0 (0.5 is half a CPU), or leave it out.";
        }
        else if (kind == "limit" && limits?.Cpus is < EngineMinimumCpus)
        {
            // The limit is a CFS quota per 100ms period; the kernel refuses a quota under 1ms
            // (runc: "cpu.cfs_quota_us: invalid argument"). A reservation only guides scheduling.
            yield return $"has a CPU limit of {limits.Cpus}; the kernel refuses a limit under 0.01 of a CPU (a quota under 1ms in every 100ms) and the container does not start. Give at least 0.01, or leave it out.";
        }
    }

    /// <summary>The smallest CPU limit a container starts with: 1ms of CFS quota in the engine's 100ms period.</summary>
    private const decimal EngineMinimumCpus = 0.01m;

    private sealed class MountTarget(string path)
    {
        public string Path { get; } = path;

        public int Count { get; set; }

        public SourceLocation Last { get; set; }
    }
}
