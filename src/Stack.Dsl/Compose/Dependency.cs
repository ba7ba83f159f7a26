namespace Stack.Dsl.Compose;

/// <summary>A <c>depends_on</c> entry: start after <paramref name="Target"/> meets <paramref name="Condition"/>.</summary>
/// <param name="Target">The service depended on.</param>
/// <param name="Condition">What to wait for.</param>
public sealed record Dependency(Service Target, DependencyCondition Condition)
{
    /// <summary>What to wait for.</summary>
    public DependencyCondition Condition { get; init; } = EnumGuard.Defined(Condition, nameof(Condition));

    /// <summary>Where the dependency was declared, for error messages.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.Unknown;

    /// <summary>Restart this service when the target is updated; unset leaves compose's default (false).</summary>
    public bool? Restart { get; init; }

    /// <summary>Why this dependency does not wait on a healthcheck, when it does not (STK0005); not emitted.</summary>
    public string? Reason { get; init; }

    /// <summary>Whether the target must exist; unset leaves compose's default (true).</summary>
    public bool? Required { get; init; }
}

/// <summary>What a dependent service waits for.</summary>
public enum DependencyCondition
{
    /// <summary>The target has started (<c>service_started</c>): no readiness guarantee.</summary>
    ServiceStarted,

    /// <summary>The target's healthcheck passes (<c>service_healthy</c>).</summary>
    ServiceHealthy,

    /// <summary>The target ran to completion with exit code 0 (<c>service_completed_successfully</c>).</summary>
    ServiceCompletedSuccessfully,
}
