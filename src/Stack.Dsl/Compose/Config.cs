using System.Runtime.CompilerServices;
using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>A top-level config: a non-secret file that services get mounted read-only.</summary>
public sealed record Config
{
    private Config(string name, HostPath? file, Variable? environment, ComposeString? content, SourceLocation location)
    {
        Name = name;
        File = file;
        Environment = environment;
        Content = content;
        Location = location;
    }

    /// <summary>The config's key under <c>configs:</c>.</summary>
    public string Name { get; }

    /// <summary>The host file, when file-sourced.</summary>
    public HostPath? File { get; }

    /// <summary>The variable holding the content, when environment-sourced.</summary>
    public Variable? Environment { get; }

    /// <summary>The inline content, when given in the definition.</summary>
    public ComposeString? Content { get; }

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
}
