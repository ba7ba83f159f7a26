using Microsoft.CodeAnalysis;
using Stack.Rules;

namespace Stack.Analyzers.Swarm;

/// <summary>The Swarm rules the analyzer proves from constants, with the runtime's texts and severities.</summary>
internal static class SwarmDescriptors
{
    public static readonly DiagnosticDescriptor PortAddress = new(
        RuleIds.SwarmPortAddress,
        SwarmChecks.PortAddress.Title,
        SwarmChecks.PortAddress.MessageFormat,
        SwarmChecks.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        SwarmChecks.PortAddress.Description,
        RuleIds.HelpLink(RuleIds.SwarmPortAddress));

    public static readonly DiagnosticDescriptor IgnoredSetting = new(
        RuleIds.SwarmIgnoredSetting,
        SwarmChecks.IgnoredSetting.Title,
        SwarmChecks.IgnoredSetting.MessageFormat,
        SwarmChecks.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        SwarmChecks.IgnoredSetting.Description,
        RuleIds.HelpLink(RuleIds.SwarmIgnoredSetting));
}
