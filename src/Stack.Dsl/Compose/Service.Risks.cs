using System.Collections.Immutable;

namespace Stack.Dsl.Compose;

public sealed partial record Service
{
    /// <summary>Risks this service accepts, each with why (<see cref="AcceptRisk"/>); not emitted.</summary>
    public ImmutableSortedDictionary<SecurityRisk, string> AcceptedRisks { get; init; } =
        ImmutableSortedDictionary<SecurityRisk, string>.Empty;

    /// <summary>
    /// Accepts a risk a security rule would refuse (Traefik and a backup container need the Docker
    /// socket). The reason is kept in the model, so the runtime check sees the choice.
    /// </summary>
    /// <param name="risk">The risk.</param>
    /// <param name="reason">Why it is acceptable here.</param>
    public Service AcceptRisk(SecurityRisk risk, string reason) => string.IsNullOrWhiteSpace(reason)
        ? throw new ArgumentException("A reason must say something.", nameof(reason))
        : this with { AcceptedRisks = AcceptedRisks.SetItem(risk, reason) };
}
