using Microsoft.CodeAnalysis;
using Stack.Rules;

namespace Stack.Analyzers.Checklist;

/// <summary>
/// The checklist rules as diagnostic descriptors. Texts come from the rule definitions shared with
/// the runtime; IDs are written out as constants so release tracking (RS2000) can see them.
/// </summary>
internal static class ChecklistDescriptors
{
    public static readonly DiagnosticDescriptor MissingRestartPolicy = new(
        RuleIds.MissingRestartPolicy,
        Rules.Checklist.MissingRestartPolicy.Title,
        Rules.Checklist.MissingRestartPolicy.MessageFormat,
        Rules.Checklist.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Rules.Checklist.MissingRestartPolicy.Description,
        RuleIds.HelpLink(RuleIds.MissingRestartPolicy));

    public static readonly DiagnosticDescriptor MissingNetwork = new(
        RuleIds.MissingNetwork,
        Rules.Checklist.MissingNetwork.Title,
        Rules.Checklist.MissingNetwork.MessageFormat,
        Rules.Checklist.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Rules.Checklist.MissingNetwork.Description,
        RuleIds.HelpLink(RuleIds.MissingNetwork));

    public static readonly DiagnosticDescriptor MissingEntryPoint = new(
        RuleIds.MissingEntryPoint,
        Rules.Checklist.MissingEntryPoint.Title,
        Rules.Checklist.MissingEntryPoint.MessageFormat,
        Rules.Checklist.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Rules.Checklist.MissingEntryPoint.Description,
        RuleIds.HelpLink(RuleIds.MissingEntryPoint));

    public static readonly DiagnosticDescriptor MissingAuthentication = new(
        RuleIds.MissingAuthentication,
        Rules.Checklist.MissingAuthentication.Title,
        Rules.Checklist.MissingAuthentication.MessageFormat,
        Rules.Checklist.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Rules.Checklist.MissingAuthentication.Description,
        RuleIds.HelpLink(RuleIds.MissingAuthentication));

    public static readonly DiagnosticDescriptor UnhealthyDependency = new(
        RuleIds.UnhealthyDependency,
        Rules.Checklist.UnhealthyDependency.Title,
        Rules.Checklist.UnhealthyDependency.MessageFormat,
        Rules.Checklist.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Rules.Checklist.UnhealthyDependency.Description,
        RuleIds.HelpLink(RuleIds.UnhealthyDependency));

    public static readonly DiagnosticDescriptor HealthyWaitWithoutHealthcheck = new(
        RuleIds.HealthyWaitWithoutHealthcheck,
        ComposeRefusals.HealthyWaitWithoutHealthcheck.Title,
        ComposeRefusals.HealthyWaitWithoutHealthcheck.MessageFormat,
        ComposeRefusals.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        ComposeRefusals.HealthyWaitWithoutHealthcheck.Description,
        RuleIds.HelpLink(RuleIds.HealthyWaitWithoutHealthcheck));
}
