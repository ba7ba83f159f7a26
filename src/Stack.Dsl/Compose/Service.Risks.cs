using System.Collections.Immutable;

namespace Stack.Dsl.Compose;

public sealed partial record Service
{
    /// <summary>Risks this service accepts, each with why (<see cref="AcceptRisk"/>); not emitted.</summary>
    public ImmutableArray<AcceptedRisk> AcceptedRisks { get; init; } = [];

    /// <summary>
    /// Accepts a risk a security rule would refuse (Traefik and a backup container need the Docker
    /// socket). The reason is kept in the model, so the runtime check sees the choice.
    /// </summary>
    /// <param name="risk">The risk.</param>
    /// <param name="reason">Why it is acceptable here.</param>
    public Service AcceptRisk(SecurityRisk risk, string reason) => string.IsNullOrWhiteSpace(reason)
        ? throw new ArgumentException("A reason must say something.", nameof(reason))
        : this with { AcceptedRisks = [.. AcceptedRisks.Where(a => a.Risk != risk), new AcceptedRisk(risk, reason)] };

    /// <summary>Whether <paramref name="risk"/> was accepted.</summary>
    public bool Accepts(SecurityRisk risk)
    {
        // A loop, not LINQ: this runs for every finding, and plain code needs no JIT at start-up.
        foreach (var accepted in AcceptedRisks)
        {
            if (accepted.Risk == risk)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A security risk a service accepts, and why.</summary>
/// <param name="Risk">The risk.</param>
/// <param name="Reason">Why it is acceptable for this service.</param>
public sealed record AcceptedRisk(SecurityRisk Risk, string Reason);
