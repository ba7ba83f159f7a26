using Microsoft.CodeAnalysis;
using Stack.Rules;

namespace Stack.Analyzers.Checklist;

/// <summary>The checklist rules as diagnostic descriptors; texts come from the rule definitions shared with the runtime.</summary>
internal static class ChecklistDescriptors
{
    public static readonly DiagnosticDescriptor MissingRestartPolicy = Create(Rules.Checklist.MissingRestartPolicy);

    public static readonly DiagnosticDescriptor MissingNetwork = Create(Rules.Checklist.MissingNetwork);

    public static readonly DiagnosticDescriptor MissingEntryPoint = Create(Rules.Checklist.MissingEntryPoint);

    public static readonly DiagnosticDescriptor MissingAuthentication = Create(Rules.Checklist.MissingAuthentication);

    public static readonly DiagnosticDescriptor UnhealthyDependency = Create(Rules.Checklist.UnhealthyDependency);

    private static DiagnosticDescriptor Create(ChecklistRule rule) => new(
        rule.Id,
        rule.Title,
        rule.MessageFormat,
        Rules.Checklist.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: rule.Description,
        helpLinkUri: RuleIds.HelpLink(rule.Id));
}
