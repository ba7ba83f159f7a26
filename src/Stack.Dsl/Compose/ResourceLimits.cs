namespace Stack.Dsl.Compose;

/// <summary>CPU, memory and process limits or reservations (<c>deploy.resources</c>).</summary>
public sealed record ResourceLimits
{
    /// <summary>CPUs as a fraction of cores, for example 0.5.</summary>
    public decimal? Cpus { get; init; }

    /// <summary>Memory.</summary>
    public ByteSize? Memory { get; init; }

    /// <summary>Maximum number of processes (limits only).</summary>
    public int? Pids { get; init; }
}
