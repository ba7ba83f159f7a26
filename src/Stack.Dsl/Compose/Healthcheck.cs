namespace Stack.Dsl.Compose;

/// <summary>
/// A container healthcheck. Unset timings take Docker's defaults (interval 30s, timeout 30s,
/// retries 3, start period 0s).
/// </summary>
/// <param name="Test">What to run.</param>
public sealed record Healthcheck(HealthcheckTest Test)
{
    /// <summary>Time between checks.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>How long one check may take before it counts as failed.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Consecutive failures before the container is unhealthy.</summary>
    public int? Retries { get; init; }

    /// <summary>Start-up time during which failures do not count.</summary>
    public TimeSpan? StartPeriod { get; init; }

    /// <summary>Time between checks during the start period.</summary>
    public TimeSpan? StartInterval { get; init; }

    /// <summary>Disables any healthcheck the image defines (<c>disable: true</c>).</summary>
    public static Healthcheck Disabled { get; } = new(HealthcheckTest.None);

    /// <summary>Returns a copy with the given timings; a timing passed as <see langword="null"/> keeps its current value.</summary>
    public Healthcheck WithTiming(TimeSpan? interval = null, TimeSpan? timeout = null, int? retries = null, TimeSpan? startPeriod = null) =>
        this with
        {
            Interval = interval ?? Interval,
            Timeout = timeout ?? Timeout,
            Retries = retries ?? Retries,
            StartPeriod = startPeriod ?? StartPeriod,
        };
}
