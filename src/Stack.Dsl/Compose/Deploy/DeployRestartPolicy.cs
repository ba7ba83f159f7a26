namespace Stack.Dsl.Compose;

/// <summary>When a swarm restarts a service's tasks (<c>deploy.restart_policy</c>).</summary>
public sealed record DeployRestartPolicy
{
    /// <summary>On what exit to restart.</summary>
    public DeployRestartCondition? Condition { get; init => field = EnumGuard.Defined(value, nameof(Condition)); }

    /// <summary>How long to wait between attempts.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>How many attempts within <see cref="Window"/> before giving up.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>How long a restart must run to count as a success.</summary>
    public TimeSpan? Window { get; init; }
}

/// <summary>On what exit a swarm restarts a task.</summary>
public enum DeployRestartCondition
{
    /// <summary>Never (<c>none</c>).</summary>
    None,

    /// <summary>On a non-zero exit (<c>on-failure</c>).</summary>
    OnFailure,

    /// <summary>Always (<c>any</c>).</summary>
    Any,
}
