using Microsoft.CodeAnalysis;
using Stack.Rules;

namespace Stack.Analyzers.Backups;

/// <summary>The backup rule the IDE can prove while typing, with the runtime's texts.</summary>
internal static class BackupDescriptors
{
    public static readonly DiagnosticDescriptor MissingBackupDecision = new(
        RuleIds.MissingBackupDecision,
        BackupPolicy.MissingBackupDecision.Title,
        BackupPolicy.MissingBackupDecision.MessageFormat,
        BackupPolicy.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        BackupPolicy.MissingBackupDecision.Description,
        RuleIds.HelpLink(RuleIds.MissingBackupDecision));
}
