// Shared by Stack.Dsl (runtime validation) and Stack.Analyzers (compile time) as a linked file:
// stacks that Compose itself refuses at `up` although `config` accepts them. Errors on both sides.
namespace Stack.Rules;

/// <summary>Rules for what Compose refuses to start (STK0219): when each fires, and what it says.</summary>
internal static class ComposeRefusals
{
    /// <summary>The analyzer category of these rules.</summary>
    public const string Category = "Compose";

    // docker-compose 1.29 stops at `up`: 'Service "db" is missing a healthcheck configuration';
    // Compose v2 (docker/compose, pkg/compose/convergence.go) fails with 'container db has no
    // healthcheck configured'. Neither reads a reason, so a reason does not excuse it.
    public static readonly RuleText HealthyWaitWithoutHealthcheck = new(
        RuleIds.HealthyWaitWithoutHealthcheck,
        "Waits for a healthcheck the target does not have",
        "Service '{0}' waits for '{1}' to be healthy (DependencyCondition.ServiceHealthy), but '{1}' has no healthcheck (none declared, or Healthcheck.Disabled), so Compose refuses to start '{0}'. {2}",
        "Compose starts a service that depends_on another with condition service_healthy only once that one reports healthy, and refuses outright when it has no healthcheck: the files pass `docker compose config` and the stack fails at `up`.");

    /// <summary>STK0219: a wait for health on a target proven to have no (or a disabled) healthcheck.</summary>
    public static Fact RefusesHealthyWait(WaitCondition condition, Fact targetHasHealthcheck) =>
        condition == WaitCondition.Healthy ? targetHasHealthcheck.Not() : Fact.No;

    /// <summary>
    /// The fix sentence, for {2}: the image's known probe when there is one (the one the code fix
    /// writes), otherwise the shape of a probe; and the other way out, waiting for the start only.
    /// </summary>
    public static string Advice(string target, string? image)
    {
        var started = $"or wait for the start only: .DependsOn({target}, DependencyCondition.ServiceStarted, reason: \"why starting is enough\").";
        return KnownHealthchecks.For(image) is { } known
            ? $"Give '{target}' the readiness probe of its image: .WithHealthcheck({known.Code}); {started}"
            : $"Give '{target}' a healthcheck with a command that exits 0 once it is ready: .WithHealthcheck(new Healthcheck(HealthcheckTest.Exec(\"program\", \"args\"))); {started}";
    }
}
