using System.Collections.Immutable;

namespace Stack.Dsl.Compose;

/// <summary>Which swarm nodes may run a service (<c>deploy.placement</c>).</summary>
public sealed record Placement
{
    /// <summary>Conditions a node must meet, such as <c>node.role == manager</c>.</summary>
    public ImmutableArray<string> Constraints { get; init; } = [];

    /// <summary>Node labels to spread tasks over evenly (<c>preferences: [spread: ...]</c>).</summary>
    public ImmutableArray<string> SpreadOver { get; init; } = [];

    /// <summary>At most this many tasks on one node.</summary>
    public int? MaxReplicasPerNode { get; init; }
}
