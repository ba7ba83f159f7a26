// Shared by Stack.Dsl (runtime validation) and Stack.Analyzers (compile time) as a linked file.
namespace Stack.Rules;

/// <summary>The backup checklist (STK0300): every named volume states what a backup does with it.</summary>
internal static class BackupPolicy
{
    /// <summary>The analyzer category of the backup rules.</summary>
    public const string Category = "Backups";

    public static readonly RuleText MissingBackupDecision = new(
        RuleIds.MissingBackupDecision,
        "Named volume has no backup decision",
        "Volume '{0}' has no backup decision; add .WithBackup(VolumeBackup.Files()), .WithBackup(VolumeBackup.ThroughDump(...)) for a database, or .WithBackup(VolumeBackup.Never(\"reason\"))",
        "A named volume holds state that outlives its containers. Saying whether it is backed up as files, through a database dump, or never (with a reason) is what lets Stack write the backup's excludes and pre-backup commands and a restore runbook that covers every volume.");

    /// <summary>Whether a volume misses its decision, given whether one is proven.</summary>
    public static Fact MissesDecision(Fact decided) => decided.Not();
}
