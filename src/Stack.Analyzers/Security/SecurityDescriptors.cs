using Microsoft.CodeAnalysis;
using Stack.Rules;

namespace Stack.Analyzers.Security;

/// <summary>
/// The security rules as diagnostic descriptors, with the runtime's texts. Errors, as the generator
/// refuses them: the build and the generate step say the same thing. The analyzer reports only
/// what it proves from constants; an .editorconfig can lower a rule (dotnet_diagnostic.STK0106.severity).
/// </summary>
internal static class SecurityDescriptors
{
    public static readonly DiagnosticDescriptor LiteralSecret = new(
        RuleIds.LiteralSecret,
        SecurityPolicy.LiteralSecret.Title,
        SecurityPolicy.LiteralSecret.MessageFormat,
        SecurityPolicy.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        SecurityPolicy.LiteralSecret.Description,
        RuleIds.HelpLink(RuleIds.LiteralSecret));

    public static readonly DiagnosticDescriptor WritableDockerSocket = new(
        RuleIds.WritableDockerSocket,
        SecurityPolicy.WritableDockerSocket.Title,
        SecurityPolicy.WritableDockerSocket.MessageFormat,
        SecurityPolicy.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        SecurityPolicy.WritableDockerSocket.Description,
        RuleIds.HelpLink(RuleIds.WritableDockerSocket));

    public static readonly DiagnosticDescriptor DaemonSocket = new(
        RuleIds.DaemonSocket,
        SecurityPolicy.DaemonSocket.Title,
        SecurityPolicy.DaemonSocket.MessageFormat,
        SecurityPolicy.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        SecurityPolicy.DaemonSocket.Description,
        RuleIds.HelpLink(RuleIds.DaemonSocket));

    public static readonly DiagnosticDescriptor HostPrivilege = new(
        RuleIds.HostPrivilege,
        SecurityPolicy.HostPrivilege.Title,
        SecurityPolicy.HostPrivilege.MessageFormat,
        SecurityPolicy.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        SecurityPolicy.HostPrivilege.Description,
        RuleIds.HelpLink(RuleIds.HostPrivilege));

    public static readonly DiagnosticDescriptor DangerousCapability = new(
        RuleIds.DangerousCapability,
        SecurityPolicy.DangerousCapability.Title,
        SecurityPolicy.DangerousCapability.MessageFormat,
        SecurityPolicy.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        SecurityPolicy.DangerousCapability.Description,
        RuleIds.HelpLink(RuleIds.DangerousCapability));

    public static readonly DiagnosticDescriptor DatabasePortPublished = new(
        RuleIds.DatabasePortPublished,
        SecurityPolicy.DatabasePortPublished.Title,
        SecurityPolicy.DatabasePortPublished.MessageFormat,
        SecurityPolicy.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        SecurityPolicy.DatabasePortPublished.Description,
        RuleIds.HelpLink(RuleIds.DatabasePortPublished));

    public static readonly DiagnosticDescriptor PortOnAllInterfaces = new(
        RuleIds.PortOnAllInterfaces,
        SecurityPolicy.PortOnAllInterfaces.Title,
        SecurityPolicy.PortOnAllInterfaces.MessageFormat,
        SecurityPolicy.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        SecurityPolicy.PortOnAllInterfaces.Description,
        RuleIds.HelpLink(RuleIds.PortOnAllInterfaces));

    public static readonly DiagnosticDescriptor UnpinnedImage = new(
        RuleIds.UnpinnedImage,
        SecurityPolicy.UnpinnedImage.Title,
        SecurityPolicy.UnpinnedImage.MessageFormat,
        SecurityPolicy.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        SecurityPolicy.UnpinnedImage.Description,
        RuleIds.HelpLink(RuleIds.UnpinnedImage));

    public static readonly DiagnosticDescriptor ImportedRiskNotReviewed = new(
        RuleIds.ImportedRiskNotReviewed,
        SecurityPolicy.ImportedRiskNotReviewed.Title,
        SecurityPolicy.ImportedRiskNotReviewed.MessageFormat,
        SecurityPolicy.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        SecurityPolicy.ImportedRiskNotReviewed.Description,
        RuleIds.HelpLink(RuleIds.ImportedRiskNotReviewed));
}
