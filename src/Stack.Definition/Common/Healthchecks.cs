using Stack.Dsl.Compose;

namespace Stack.Definition.Common;

/// <summary>The healthcheck timing most services share.</summary>
public static class Healthchecks
{
    /// <summary>Checks every 15s, 5s timeout, unhealthy after 3 failures, 30s to start.</summary>
    public static Healthcheck Standard(HealthcheckTest test) => new Healthcheck(test).WithTiming(
        interval: TimeSpan.FromSeconds(15),
        timeout: TimeSpan.FromSeconds(5),
        retries: 3,
        startPeriod: TimeSpan.FromSeconds(30));

    /// <summary>The standard timing around <c>wget --spider</c> of <paramref name="url"/>.</summary>
    public static Healthcheck HttpGet(string url) =>
        Standard(HealthcheckTest.Shell($"wget --no-verbose --tries=1 --spider {url} || exit 1"));
}
