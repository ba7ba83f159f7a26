using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>The value of one environment variable of a service.</summary>
public abstract record EnvironmentValue
{
    private protected EnvironmentValue()
    {
    }

    /// <summary>No value: compose passes the variable through from its own environment.</summary>
    public static EnvironmentValue PassThrough { get; } = new PassThroughEnvironmentValue();

    /// <summary>A text value.</summary>
    public static EnvironmentValue Text(ComposeString value) => new TextEnvironmentValue(value);

    /// <summary>A number, written unquoted.</summary>
    public static EnvironmentValue Number(long value) => new NumberEnvironmentValue(value);
}

/// <summary>A text value.</summary>
/// <param name="Value">The text.</param>
public sealed record TextEnvironmentValue(ComposeString Value) : EnvironmentValue;

/// <summary>A numeric value.</summary>
/// <param name="Value">The number.</param>
public sealed record NumberEnvironmentValue(long Value) : EnvironmentValue;

/// <summary>A pass-through variable without a value.</summary>
public sealed record PassThroughEnvironmentValue : EnvironmentValue;
