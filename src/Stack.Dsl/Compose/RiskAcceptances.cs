using System.Collections.Immutable;

namespace Stack.Dsl.Compose;

/// <summary>
/// The one reading and writing of a list of accepted risks, shared by services and by networks
/// and volumes (their literal secrets): what counts as accepted, and what replaces what.
/// </summary>
internal static class RiskAcceptances
{
    /// <summary>Whether <paramref name="risk"/> was accepted; a literal secret only for its <paramref name="subject"/>.</summary>
    public static bool Contain(ImmutableArray<AcceptedRisk> accepted, SecurityRisk risk, string? subject)
    {
        // A loop, not LINQ: this runs for every finding, and plain code needs no JIT at start-up.
        foreach (var one in accepted)
        {
            if (one.Risk == risk && string.Equals(one.Subject, subject, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The list with <paramref name="risk"/> added, replacing an earlier acceptance of the same risk and subject.</summary>
    public static ImmutableArray<AcceptedRisk> With(ImmutableArray<AcceptedRisk> accepted, AcceptedRisk risk) =>
        [.. accepted.Where(a => a.Risk != risk.Risk || a.Subject != risk.Subject), risk];

    /// <summary>The reason, refused when it says nothing.</summary>
    public static string Reason(string reason) => string.IsNullOrWhiteSpace(reason)
        ? throw new ArgumentException("A reason must say something.", nameof(reason))
        : reason;
}
