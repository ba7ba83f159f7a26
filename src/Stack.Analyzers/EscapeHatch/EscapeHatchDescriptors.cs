using Microsoft.CodeAnalysis;
using Stack.Rules;

namespace Stack.Analyzers.EscapeHatch;

/// <summary>The escape hatch's refusals the IDE can prove while typing, with the library's texts.</summary>
internal static class EscapeHatchDescriptors
{
    public static readonly DiagnosticDescriptor ModeledKeyInEscapeHatch = new(
        RuleIds.InvalidArgument,
        title: "A DSL call was given a value it cannot accept",
        messageFormat: "{0}",
        category: "Structure",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "WithField refuses a key the DSL models (privileged, pid, restart...): set it with the method the message names, which the generator checks.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.InvalidArgument));
}
