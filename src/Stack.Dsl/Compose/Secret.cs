using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

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

    private static readonly HashSet<string> Modeled = new(StringComparer.Ordinal) { "file", "environment", "external", "labels", "name" };

    /// <summary>Labels, sorted by key.</summary>
    public ImmutableSortedDictionary<string, ComposeString> Labels { get; init; } =
        ImmutableSortedDictionary.Create<string, ComposeString>(StringComparer.Ordinal);

    /// <summary>The real name (<c>name:</c>), when it must not be project-prefixed (an external one made by hand).</summary>
    public ComposeString? RealName { get; init; }

    /// <summary>Keys the DSL does not model, and <c>x-</c> extensions, sorted by key.</summary>
    public ImmutableSortedDictionary<string, YamlValue> ExtraFields { get; init; } = EscapeHatch.None;

    /// <summary>Sets a label.</summary>
    public Secret WithLabel(string key, ComposeString value) =>
        this with { Labels = Labels.SetItem(key ?? throw new ArgumentNullException(nameof(key)), value ?? throw new ArgumentNullException(nameof(value))) };

    /// <summary>Fixes the real name (<c>name:</c>).</summary>
    public Secret WithRealName(ComposeString name) => this with { RealName = name ?? throw new ArgumentNullException(nameof(name)) };

    /// <summary>Sets a key the DSL does not model (<c>driver</c>, <c>template_driver</c>), or an <c>x-</c> extension.</summary>
    /// <exception cref="ArgumentException">The DSL models <paramref name="key"/>: use its method instead.</exception>
    public Secret WithField(string key, YamlValue value) =>
        this with { ExtraFields = EscapeHatch.Set(ExtraFields, key, value, Modeled, "secret") };
}
