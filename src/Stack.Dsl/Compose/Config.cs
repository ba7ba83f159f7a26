using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Compose;

/// <summary>A top-level config: a non-secret file that services get mounted read-only.</summary>
public sealed record Config
{
    private Config(string name, HostPath? file, Variable? environment, ComposeString? content, SourceLocation location, bool external = false)
    {
        Name = name;
        File = file;
        Environment = environment;
        Content = content;
        Location = location;
        External = external;
    }

    /// <summary>The config's key under <c>configs:</c>.</summary>
    public string Name { get; }

    /// <summary>The host file, when file-sourced.</summary>
    public HostPath? File { get; }

    /// <summary>The variable holding the content, when environment-sourced.</summary>
    public Variable? Environment { get; }

    /// <summary>The inline content, when given in the definition.</summary>
    public ComposeString? Content { get; }

    /// <summary>Whether the config is managed outside this stack (a swarm config made with <c>docker config create</c>).</summary>
    public bool External { get; }

    /// <summary>Where the config was declared.</summary>
    public SourceLocation Location { get; }

    /// <summary>A config read from a host file.</summary>
    public static Config FromFile(string name, HostPath file, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        new(name, file ?? throw new ArgumentNullException(nameof(file)), null, null, new SourceLocation(filePath, line));

    /// <summary>A config read from an environment variable.</summary>
    public static Config FromEnvironment(string name, Variable variable, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        new(name, null, variable ?? throw new ArgumentNullException(nameof(variable)), null, new SourceLocation(filePath, line));

    /// <summary>A config whose content is written inline in the compose file.</summary>
    public static Config FromContent(string name, ComposeString content, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        new(name, null, null, content ?? throw new ArgumentNullException(nameof(content)), new SourceLocation(filePath, line));

    /// <summary>A config that already exists outside this stack.</summary>
    public static Config FromExternal(string name, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        new(name, null, null, null, new SourceLocation(filePath, line), external: true);

    private static readonly HashSet<string> Modeled = new(StringComparer.Ordinal) { "file", "environment", "content", "external", "labels", "name" };

    /// <summary>Labels, sorted by key.</summary>
    public ImmutableSortedDictionary<string, ComposeString> Labels { get; init; } =
        ImmutableSortedDictionary.Create<string, ComposeString>(StringComparer.Ordinal);

    /// <summary>The real name (<c>name:</c>), when it must not be project-prefixed (an external one made by hand).</summary>
    public ComposeString? RealName { get; init; }

    /// <summary>Keys the DSL does not model, and <c>x-</c> extensions, sorted by key.</summary>
    public ImmutableSortedDictionary<string, YamlValue> ExtraFields { get; init; } = EscapeHatch.None;

    /// <summary>Sets a label.</summary>
    public Config WithLabel(string key, ComposeString value) =>
        this with { Labels = Labels.SetItem(key ?? throw new ArgumentNullException(nameof(key)), value ?? throw new ArgumentNullException(nameof(value))) };

    /// <summary>Fixes the real name (<c>name:</c>).</summary>
    public Config WithRealName(ComposeString name) => this with { RealName = name ?? throw new ArgumentNullException(nameof(name)) };

    /// <summary>Sets a key the DSL does not model (<c>driver</c>, <c>template_driver</c>), or an <c>x-</c> extension.</summary>
    /// <exception cref="ArgumentException">The DSL models <paramref name="key"/>: use its method instead.</exception>
    public Config WithField(string key, YamlValue value) =>
        this with { ExtraFields = EscapeHatch.Set(ExtraFields, key, value, Modeled, "config") };
}
