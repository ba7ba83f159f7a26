using System.Runtime.CompilerServices;
using Stack.Dsl.Backups;

namespace Stack.Dsl.Compose;

/// <summary>
/// A named volume. Create it once and mount the object; the stack declares every volume its
/// services mount.
/// </summary>
public sealed record Volume : ComposeResource
{
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
}
