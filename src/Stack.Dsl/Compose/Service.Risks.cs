using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Stack.Dsl.Compose;

public sealed partial record Service
{
    /// <summary>Risks this service accepts, each with why (<see cref="AcceptRisk"/>); not emitted.</summary>
    public ImmutableArray<AcceptedRisk> AcceptedRisks { get; init; } = [];

    /// <summary>
    /// Accepts a risk a security rule would refuse (Traefik and a backup container need the Docker
    /// socket). The reason is kept in the model, so the runtime check sees the choice. A literal
    /// secret is accepted by name instead (<see cref="AcceptLiteralSecret"/>).
    /// </summary>
    /// <param name="risk">The risk.</param>
    /// <param name="reason">Why it is acceptable here.</param>
    /// <param name="filePath">Filled by the compiler: where the acceptance is, for STK0108.</param>
    /// <param name="line">Filled by the compiler.</param>
    public Service AcceptRisk(SecurityRisk risk, string reason, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) => risk == SecurityRisk.LiteralSecret
        ? throw new ArgumentException(
            "A literal secret is accepted by the name of what holds it, so accepting one does not hide another on the same service: use .AcceptLiteralSecret(\"NAME\", reason).",
            nameof(risk))
        : Accept(new AcceptedRisk(risk, RiskAcceptances.Reason(reason)) { Location = new SourceLocation(filePath, line) });

    /// <summary>
    /// Accepts that one thing holds a literal value although its name looks secret (STK0100):
    /// <paramref name="name"/> is what the rule's message names, an environment variable, a label,
    /// build arg or option key, a variable with a default, or an argument's flag (<c>--password</c>).
    /// Every other literal secret on the service is still refused.
    /// </summary>
    /// <param name="name">The variable, key or flag whose literal value is not a secret.</param>
    /// <param name="reason">Why it is acceptable here (<c>PUBLIC_KEY_PATH</c> only looks secret).</param>
    /// <param name="filePath">Filled by the compiler: where the acceptance is, for STK0108.</param>
    /// <param name="line">Filled by the compiler.</param>
    public Service AcceptLiteralSecret(string name, string reason, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) => string.IsNullOrWhiteSpace(name)
        ? throw new ArgumentException("Name the variable, key or flag whose literal value is accepted.", nameof(name))
        : Accept(new AcceptedRisk(SecurityRisk.LiteralSecret, RiskAcceptances.Reason(reason)) { Subject = name, Location = new SourceLocation(filePath, line) });

    /// <summary>Whether <paramref name="risk"/> was accepted; a literal secret only for its <paramref name="subject"/>.</summary>
    public bool Accepts(SecurityRisk risk, string? subject = null) => RiskAcceptances.Contain(AcceptedRisks, risk, subject);

    private Service Accept(AcceptedRisk risk) => this with { AcceptedRisks = RiskAcceptances.With(AcceptedRisks, risk) };
}

/// <summary>A security risk a service accepts, and why.</summary>
/// <param name="Risk">The risk.</param>
/// <param name="Reason">Why it is acceptable for this service.</param>
public sealed record AcceptedRisk(SecurityRisk Risk, string Reason)
{
    /// <summary>The risk accepted.</summary>
    public SecurityRisk Risk { get; init; } = EnumGuard.Defined(Risk, nameof(Risk));

    /// <summary>For a literal secret, the one variable, key or flag accepted; null for the other risks, which are the service's as a whole.</summary>
    public string? Subject { get; init; }

    /// <summary>The C# line that accepted it.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.Unknown;
}
