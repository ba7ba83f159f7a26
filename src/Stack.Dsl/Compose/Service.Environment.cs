using System.Runtime.CompilerServices;
using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>Fluent setters for environment and labels.</summary>
public sealed partial record Service
{
    /// <summary>Sets environment variable <paramref name="name"/> to text (use variables for anything secret).</summary>
    /// <param name="name">The variable's name.</param>
    /// <param name="value">Its value.</param>
    /// <param name="filePath">Filled in by the compiler: where a finding about the value is reported.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Service WithEnvironment(string name, ComposeString value, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        WithEnvironment(name, EnvironmentValue.Text(value ?? throw new ArgumentNullException(nameof(value))), filePath, line);

    /// <summary>Sets environment variable <paramref name="name"/> to a number (written unquoted).</summary>
    /// <param name="name">The variable's name.</param>
    /// <param name="value">Its value.</param>
    /// <param name="filePath">Filled in by the compiler: where a finding about the value is reported.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Service WithEnvironment(string name, long value, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        WithEnvironment(name, EnvironmentValue.Number(value), filePath, line);

    /// <summary>Sets environment variable <paramref name="name"/>.</summary>
    /// <param name="name">The variable's name.</param>
    /// <param name="value">Its value.</param>
    /// <param name="filePath">Filled in by the compiler: where a finding about the value is reported.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Service WithEnvironment(string name, EnvironmentValue value, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains('=', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Environment variable name '{name}' must not contain '='.", nameof(name));
        }

        ArgumentNullException.ThrowIfNull(value);
        return this with
        {
            Environment = Environment.SetItem(name, value),
            Sites = Sites.WithEnvironment(name, value, new SourceLocation(filePath, line, nameof(WithEnvironment), name)),
        };
    }

    /// <summary>Reads environment variables from <paramref name="file"/>.</summary>
    public Service WithEnvFile(HostPath file) => this with { EnvFiles = EnvFiles.Add(file ?? throw new ArgumentNullException(nameof(file))) };

    /// <summary>Sets container label <paramref name="key"/>.</summary>
    public Service WithLabel(string key, ComposeString value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return this with { Labels = Labels.SetItem(key, value ?? throw new ArgumentNullException(nameof(value))) };
    }
}
