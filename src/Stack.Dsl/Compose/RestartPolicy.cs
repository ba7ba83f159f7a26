namespace Stack.Dsl.Compose;

/// <summary>A service's <c>restart</c> policy.</summary>
public sealed record RestartPolicy
{
    private RestartPolicy(string value) => Value = value;

    /// <summary>Never restart (<c>"no"</c>, compose's default). Choosing it explicitly states intent.</summary>
    public static RestartPolicy No { get; } = new("no");

    /// <summary>Always restart, also after the daemon restarts.</summary>
    public static RestartPolicy Always { get; } = new("always");

    /// <summary>Restart unless the container was stopped by hand: the usual choice for a long-running service.</summary>
    public static RestartPolicy UnlessStopped { get; } = new("unless-stopped");

    /// <summary>Restart only when the container exits with an error.</summary>
    public static RestartPolicy OnFailure { get; } = new("on-failure");

    /// <summary>The compose value.</summary>
    public string Value { get; }

    /// <summary>Restart on failure at most <paramref name="maxRetries"/> times.</summary>
    public static RestartPolicy OnFailureAtMost(int maxRetries)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRetries);
        return new RestartPolicy($"on-failure:{maxRetries}");
    }

    /// <inheritdoc/>
    public override string ToString() => Value;
}
