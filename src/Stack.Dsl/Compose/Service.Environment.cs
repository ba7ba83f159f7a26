using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>Fluent setters for environment and labels.</summary>
public sealed partial record Service
{
    /// <summary>Sets environment variable <paramref name="name"/> to text (use variables for anything secret).</summary>
    public Service WithEnvironment(string name, ComposeString value) =>
        WithEnvironment(name, EnvironmentValue.Text(value ?? throw new ArgumentNullException(nameof(value))));

    /// <summary>Sets environment variable <paramref name="name"/> to a number (written unquoted).</summary>
    public Service WithEnvironment(string name, long value) => WithEnvironment(name, EnvironmentValue.Number(value));

    /// <summary>Sets environment variable <paramref name="name"/>.</summary>
    public Service WithEnvironment(string name, EnvironmentValue value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains('=', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Environment variable name '{name}' must not contain '='.", nameof(name));
        }

        return this with { Environment = Environment.SetItem(name, value ?? throw new ArgumentNullException(nameof(value))) };
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
