using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Stack.Dsl.Compose;

public sealed partial record Service
{
    /// <summary>Swarm differences this service accepts, each with why (<see cref="AcceptOnSwarm"/>); not emitted.</summary>
    public ImmutableArray<AcceptedSwarmDifference> SwarmAcceptances { get; init; } = [];

    /// <summary>
    /// Accepts, for the Swarm target only, a difference a Swarm warning reports (STK0503-STK0506):
    /// a container name a Compose script needs, a wait the service survives without, a volume
    /// whose data may start empty on another node. The Compose target is not affected (it has no
    /// such finding), and the reason is kept in the model so the check sees the choice. One call
    /// accepts the difference for the whole service, as <see cref="AcceptRisk"/> does.
    /// </summary>
    /// <param name="difference">The difference (one warning rule).</param>
    /// <param name="reason">Why the service works on Swarm all the same.</param>
    /// <param name="filePath">Filled by the compiler: where the acceptance is.</param>
    /// <param name="line">Filled by the compiler.</param>
    public Service AcceptOnSwarm(SwarmDifference difference, string reason, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        this with
        {
            SwarmAcceptances =
            [
                .. SwarmAcceptances.Where(a => a.Difference != difference),
                new AcceptedSwarmDifference(difference, RiskAcceptances.Reason(reason)) { Location = new SourceLocation(filePath, line) },
            ],
        };

    /// <summary>Whether <paramref name="difference"/> was accepted for the Swarm target.</summary>
    public bool AcceptsOnSwarm(SwarmDifference difference)
    {
        foreach (var accepted in SwarmAcceptances)
        {
            if (accepted.Difference == difference)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A Swarm difference a service accepts, and why.</summary>
/// <param name="Difference">The difference.</param>
/// <param name="Reason">Why the service works on Swarm all the same.</param>
public sealed record AcceptedSwarmDifference(SwarmDifference Difference, string Reason)
{
    /// <summary>The difference accepted.</summary>
    public SwarmDifference Difference { get; init; } = EnumGuard.Defined(Difference, nameof(Difference));

    /// <summary>The C# line that accepted it.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.Unknown;
}
