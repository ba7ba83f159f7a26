using System.Collections.Immutable;
using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>
/// How an orchestrator runs the service (<c>deploy:</c>): replicas, placement, rolling updates.
/// Resources are set on the service (<see cref="Service.WithResourceLimits"/>); compose reads
/// replicas and resources, a swarm reads everything.
/// </summary>
public sealed record Deployment
{
    /// <summary>Replicated (a number of tasks) or global (one per node).</summary>
    public DeploymentMode? Mode { get; init => field = EnumGuard.Defined(value, nameof(Mode)); }

    /// <summary>How many containers run (replicated mode).</summary>
    public int? Replicas { get; init; }

    /// <summary>How clients reach the replicas in a swarm.</summary>
    public EndpointMode? EndpointMode { get; init => field = EnumGuard.Defined(value, nameof(EndpointMode)); }

    /// <summary>Labels on the swarm service (not on containers), sorted by key.</summary>
    public ImmutableSortedDictionary<string, ComposeString> Labels { get; init; } =
        ImmutableSortedDictionary.Create<string, ComposeString>(StringComparer.Ordinal);

    /// <summary>Which nodes may run it.</summary>
    public Placement? Placement { get; init; }

    /// <summary>When a swarm restarts its tasks (the container-level <c>restart:</c> is on the service).</summary>
    public DeployRestartPolicy? RestartPolicy { get; init; }

    /// <summary>How a new version rolls out.</summary>
    public RolloutConfig? UpdateConfig { get; init; }

    /// <summary>How a failed rollout rolls back.</summary>
    public RolloutConfig? RollbackConfig { get; init; }
}

/// <summary>How a swarm schedules a service's tasks.</summary>
public enum DeploymentMode
{
    /// <summary>A set number of tasks (<c>replicated</c>).</summary>
    Replicated,

    /// <summary>One task on every node (<c>global</c>).</summary>
    Global,
}

/// <summary>How clients reach a swarm service's replicas.</summary>
public enum EndpointMode
{
    /// <summary>One virtual IP that balances between replicas (<c>vip</c>).</summary>
    Vip,

    /// <summary>DNS round robin over the replicas' addresses (<c>dnsrr</c>).</summary>
    Dnsrr,
}
