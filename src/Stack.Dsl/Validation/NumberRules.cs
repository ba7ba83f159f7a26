using System.Globalization;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>
/// STK0212 for the numbers the other rules did not range: pids limits, build shm sizes, secret and
/// config modes, Traefik's priorities, timeouts and middleware numbers, and the backup plan's wait,
/// each with the range its reader takes (the engine, Traefik, the backup runner's <c>wait-for</c>).
/// A value its reader would refuse, or read as "unset" and silently replace by a default, is refused.
/// <c>tests/Stack.Dsl.Tests/Validation/NumberRangeTests.cs</c> walks every numeric member of the
/// model and fails when one has no range here or in the rule that already ranges it.
/// </summary>
internal static class NumberRules
{
    /// <summary>Go's time.Duration limit, as the other duration checks use it.</summary>
    private static readonly TimeSpan GoMax = ShapeRules.GoMaxDuration;

    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack)
    {
        foreach (var service in stack.Services)
        {
            foreach (var problem in Problems(service))
            {
                yield return new StackDiagnostic(RuleIds.InvalidValue, $"Service '{service.Name}' {problem}", service.Location);
            }

            foreach (var router in service.Routers)
            {
                foreach (var problem in Problems(router).Concat(router.Middlewares.SelectMany(Problems)))
                {
                    yield return new StackDiagnostic(RuleIds.InvalidValue, $"Router '{router.Name}' of service '{service.Name}' {problem}", router.Location);
                }
            }

            foreach (var problem in service.DefinedMiddlewares.SelectMany(Problems))
            {
                yield return new StackDiagnostic(RuleIds.InvalidValue, $"Service '{service.Name}' {problem}", service.Location);
            }
        }

        if (stack.Traefik is { } proxy)
        {
            var problems = proxy.EntryPoints.SelectMany(Problems)
                .Concat(proxy.EntryPoints.SelectMany(e => e.Middlewares).Concat(proxy.ExtraMiddlewares).SelectMany(Problems));
            foreach (var problem in problems.Distinct(StringComparer.Ordinal))
            {
                yield return new StackDiagnostic(RuleIds.InvalidValue, $"The Traefik proxy {problem}", proxy.Location);
            }
        }

        if (stack.Backups is { } plan && Problem(plan) is { } waiting)
        {
            yield return new StackDiagnostic(RuleIds.InvalidValue, waiting, plan.Location);
        }
    }

    private static IEnumerable<string> Problems(Service service)
    {
        foreach (var (kind, limits) in new[] { ("limit", service.ResourceLimits), ("reservation", service.ResourceReservations) })
        {
            // The engine reads 0 (and any negative but -1) as "no limit": a pids limit of 0 would silently be none.
            if (limits?.Pids is { } pids && pids != -1 && pids <= 0)
            {
                yield return $"has a pids {kind} of {pids}; the engine reads 0 or a negative value as no limit at all. Give a positive count (ResourceLimits {{ Pids = 200 }}), or -1 to say unlimited.";
            }
        }

        if (service.Build?.ShmSize is { Bytes: < 0 } shm)
        {
            yield return $"has a build shm_size of {shm.Bytes} bytes; the engine refuses a negative size. Give a size such as ByteSize.Megabytes(64), or leave it out.";
        }

        foreach (var grant in service.Secrets.Concat(service.Configs).Where(g => g.Mode is < 0 or > 0xFFF))
        {
            yield return $"grants '{grant.Name}' with mode {grant.Mode}; a file mode is 0 to 07777 (octal). Write it as 0o444, for example Convert.ToInt32(\"444\", 8).";
        }
    }

    private static IEnumerable<string> Problems(Router router)
    {
        // Traefik reads priority 0 as "unset" and ranks the router by its rule's length instead.
        if (router.Priority == 0)
        {
            yield return "has priority 0, which Traefik reads as no priority (it ranks the router by its rule's length). Drop .WithPriority(0), or give a non-zero priority.";
        }

        if (router.Service is { } service)
        {
            foreach (var (name, value) in new[] { ("health check interval", service.HealthCheckInterval), ("health check timeout", service.HealthCheckTimeout) })
            {
                // Negative and overlong ones are SpecValueRules' (Go durations); 0 is taken, and read as Traefik's default.
                if (value == TimeSpan.Zero)
                {
                    yield return $"has a {name} of 0s, which Traefik reads as its default. Set a positive TimeSpan, such as TimeSpan.FromSeconds(10), or leave it out.";
                }
            }
        }
    }

    private static IEnumerable<string> Problems(EntryPoint entryPoint)
    {
        foreach (var (name, value) in new[] { ("readTimeout", entryPoint.ReadTimeout), ("writeTimeout", entryPoint.WriteTimeout), ("idleTimeout", entryPoint.IdleTimeout) })
        {
            if (value is { } duration && (duration < TimeSpan.Zero || duration > GoMax))
            {
                yield return $"has entrypoint '{entryPoint.Name}' with {name} {Seconds(duration)}; Traefik takes 0 (no timeout) or a positive duration. Set it to TimeSpan.Zero or a positive TimeSpan.";
            }
        }
    }

    private static IEnumerable<string> Problems(Middleware middleware)
    {
        var name = $"has middleware '{middleware.Name}'";
        switch (middleware)
        {
            case ForwardAuthMiddleware { MaxResponseBodySize: < -1 } auth:
                yield return $"{name} with maxResponseBodySize {auth.MaxResponseBodySize}; Traefik takes -1 (no limit) or a size in bytes. Give 0 or more, or -1.";
                break;
            // Average, burst, period, amount and attempts are read-only and guarded by their constructors (above 0); what is left:
            case RateLimitMiddleware limit:
                if (limit.Period > GoMax)
                {
                    yield return $"{name} with period {Seconds(limit.Period)}; Traefik's durations end at about 292 years. Give a period such as TimeSpan.FromSeconds(1).";
                }

                if (limit.SourceIpDepth is <= 0)
                {
                    yield return $"{name} with source IP depth {limit.SourceIpDepth}; Traefik ignores a depth of 0 or less (it rate-limits by the connecting address instead). Give a depth of 1 or more, or leave it out.";
                }

                break;
            case RetryMiddleware { InitialInterval: { } interval } when interval < TimeSpan.Zero || interval > GoMax:
                yield return $"{name} with initial interval {Seconds(interval)}; Traefik takes 0 (no back-off) or a positive duration. Set TimeSpan.Zero or a positive TimeSpan.";
                break;
            case BufferingMiddleware buffering:
                foreach (var (key, value) in new[] { ("maxRequestBodyBytes", buffering.MaxRequestBodyBytes), ("memRequestBodyBytes", buffering.MemRequestBodyBytes), ("maxResponseBodyBytes", buffering.MaxResponseBodyBytes), ("memResponseBodyBytes", buffering.MemResponseBodyBytes) })
                {
                    if (value is < 0)
                    {
                        yield return $"{name} with {key} {value}; Traefik takes a size in bytes, 0 meaning no limit (or its default for the in-memory sizes). Give 0 or more.";
                    }
                }

                break;
            case HeadersMiddleware headers:
                foreach (var (key, value) in new[] { ("stsSeconds", headers.StsSeconds), ("accessControlMaxAge", headers.AccessControlMaxAge) })
                {
                    if (value is < 0)
                    {
                        yield return $"{name} with {key} {value}; it is a number of seconds, 0 or more. Give 0 or more.";
                    }
                }

                break;
            case RedirectSchemeMiddleware { Port: < 1 or > 65535 } redirect:
                yield return $"{name} redirecting to port {redirect.Port}; ports are 1-65535. Give a port in that range, or leave it out for the scheme's own.";
                break;
        }
    }

    private static string? Problem(BackupPlan plan)
    {
        var timeout = plan.WaitTimeout;
        // Written as wait-for's --timeout=N, whole seconds: 0 gives up at once, a fraction is cut off.
        return timeout < TimeSpan.FromSeconds(1) || timeout.Ticks % TimeSpan.TicksPerSecond != 0 || timeout.TotalSeconds > int.MaxValue
            ? $"The backup plan waits {Seconds(timeout)} for a service's port; wait-for's --timeout takes whole seconds, at least 1 (0 gives up at once). Set BackupPlan {{ WaitTimeout = TimeSpan.FromSeconds(60) }}."
            : null;
    }

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
