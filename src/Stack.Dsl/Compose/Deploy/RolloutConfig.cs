namespace Stack.Dsl.Compose;

/// <summary>How a swarm rolls out an update or a rollback (<c>deploy.update_config</c>, <c>deploy.rollback_config</c>).</summary>
public sealed record RolloutConfig
{
    /// <summary>How many tasks change at once (0: all).</summary>
    public int? Parallelism { get; init; }

    /// <summary>How long to wait between groups.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>What to do when a task fails to change.</summary>
    public RolloutFailureAction? FailureAction { get; init => field = EnumGuard.Defined(value, nameof(FailureAction)); }

    /// <summary>How long to watch each task for failure after it changes.</summary>
    public TimeSpan? Monitor { get; init; }

    /// <summary>The share of failures tolerated, 0 to 1.</summary>
    public decimal? MaxFailureRatio { get; init; }

    /// <summary>Whether the old task stops before the new one starts.</summary>
    public RolloutOrder? Order { get; init => field = EnumGuard.Defined(value, nameof(Order)); }
}

/// <summary>What a swarm does when a task fails to update or roll back.</summary>
public enum RolloutFailureAction
{
    /// <summary>Stop the rollout (<c>pause</c>).</summary>
    Pause,

    /// <summary>Go on (<c>continue</c>).</summary>
    Continue,

    /// <summary>Roll back (<c>rollback</c>; updates only).</summary>
    Rollback,
}

/// <summary>Which task runs first during a rollout.</summary>
public enum RolloutOrder
{
    /// <summary>Stop the old task, then start the new one (<c>stop-first</c>).</summary>
    StopFirst,

    /// <summary>Start the new task, then stop the old one (<c>start-first</c>).</summary>
    StartFirst,
}
