using System.Runtime.CompilerServices;
using Stack.Dsl.Backups;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Compose;

/// <summary>
/// A named volume. Create it once and mount the object; the stack declares every volume its
/// services mount.
/// </summary>
public sealed record Volume : ComposeResource
{
    private static readonly HashSet<string> Modeled = new(StringComparer.Ordinal) { "driver", "driver_opts", "external", "labels", "name" };

    /// <summary>Creates a named volume.</summary>
    /// <param name="name">The key under <c>volumes:</c>; compose prefixes it with the project name.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Volume(string name, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : base(name, new SourceLocation(filePath, line))
    {
    }

    /// <summary>What a backup does with the volume's data; unset is STK0300.</summary>
    public VolumeBackup? Backup { get; init; }

    /// <summary>States what a backup does with the volume's data (see <see cref="VolumeBackup"/>).</summary>
    public Volume WithBackup(VolumeBackup backup) => this with { Backup = backup ?? throw new ArgumentNullException(nameof(backup)) };

    /// <summary>Declares a volume created outside this stack; compose only mounts it.</summary>
    public Volume AsExternal() => this with { External = true };

    /// <summary>Uses another volume driver (an NFS or cloud plugin).</summary>
    public Volume WithDriver(string driver) => this with { Driver = driver ?? throw new ArgumentNullException(nameof(driver)) };

    /// <summary>
    /// Accepts that one thing in this volume's driver options or labels holds a literal value
    /// (STK0100): <paramref name="name"/> is what the rule's message names, an option or label key, or
    /// an assignment inside one (<c>password</c> in a CIFS <c>o</c> option). Every other literal secret is still refused.
    /// </summary>
    /// <param name="name">The key or assignment whose literal value is accepted.</param>
    /// <param name="reason">Why it is acceptable here (a test share's throwaway password).</param>
    /// <param name="filePath">Filled by the compiler: where the acceptance is, for STK0108.</param>
    /// <param name="line">Filled by the compiler.</param>
    public Volume AcceptLiteralSecret(string name, string reason, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        this with { AcceptedRisks = AcceptSecret(name, reason, new SourceLocation(filePath, line)) };

    /// <summary>Sets a driver option (for the local driver: <c>type</c>, <c>device</c>, <c>o</c>).</summary>
    public Volume WithDriverOption(string key, ComposeString value) => this with { DriverOptions = SetDriverOption(key, value) };

    /// <summary>Sets a label on the volume.</summary>
    public Volume WithLabel(string key, ComposeString value) => this with { Labels = SetLabel(key, value) };

    /// <summary>Fixes the volume's real name (<c>name:</c>) instead of the project-prefixed one.</summary>
    public Volume WithRealName(ComposeString name) => this with { ExternalName = name ?? throw new ArgumentNullException(nameof(name)) };

    /// <summary>Sets a volume key the DSL does not model, or an <c>x-</c> extension.</summary>
    /// <exception cref="ArgumentException">The DSL models <paramref name="key"/>: use its method instead.</exception>
    public Volume WithField(string key, YamlValue value) => this with { ExtraFields = SetExtraField(key, value, Modeled) };
}
