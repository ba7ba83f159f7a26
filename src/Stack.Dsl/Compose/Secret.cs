using System.Runtime.CompilerServices;
using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>
/// A top-level secret: its value comes from a host file or an environment variable, never from
/// the definition, so it cannot land in git. Services get it as a file under <c>/run/secrets</c>.
/// </summary>
public sealed record Secret
{
    private Secret(string name, HostPath? file, Variable? environment, bool external, SourceLocation location)
    {
        Name = name;
        File = file;
        Environment = environment;
        External = external;
        Location = location;
    }

    /// <summary>The secret's key under <c>secrets:</c>.</summary>
    public string Name { get; }

    /// <summary>The host file holding the value, when file-sourced.</summary>
    public HostPath? File { get; }

    /// <summary>The variable holding the value, when environment-sourced.</summary>
    public Variable? Environment { get; }

    /// <summary>Whether the secret is managed outside this stack.</summary>
    public bool External { get; }

    /// <summary>Where the secret was declared.</summary>
    public SourceLocation Location { get; }

    /// <summary>A secret read from a host file.</summary>
    public static Secret FromFile(string name, HostPath file, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        new(name, file ?? throw new ArgumentNullException(nameof(file)), null, external: false, new SourceLocation(filePath, line));

    /// <summary>A secret read from an environment variable when compose starts.</summary>
    public static Secret FromEnvironment(string name, Variable variable, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        new(name, null, variable ?? throw new ArgumentNullException(nameof(variable)), external: false, new SourceLocation(filePath, line));

    /// <summary>A secret that already exists outside this stack.</summary>
    public static Secret FromExternal(string name, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        new(name, null, null, external: true, new SourceLocation(filePath, line));
}
