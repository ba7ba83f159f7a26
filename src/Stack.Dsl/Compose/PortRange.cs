using System.Globalization;

namespace Stack.Dsl.Compose;

/// <summary>One port or an inclusive range of ports. An <see cref="int"/> converts to a single port.</summary>
/// <param name="Start">The first port.</param>
/// <param name="End">The last port; equal to <paramref name="Start"/> for a single port.</param>
public readonly record struct PortRange(int Start, int End)
{
    /// <summary>Whether this is more than one port.</summary>
    public bool IsRange => End != Start;

    /// <summary>The number of ports.</summary>
    public int Length => End - Start + 1;

    /// <summary>A range from <paramref name="start"/> to <paramref name="end"/>, both included.</summary>
    public static PortRange Between(int start, int end) => new(start, end);

    /// <summary>A single port.</summary>
    public static implicit operator PortRange(int port) => new(port, port);

    /// <summary>The compose form: <c>80</c> or <c>8000-8010</c>.</summary>
    public override string ToString() => IsRange
        ? string.Create(CultureInfo.InvariantCulture, $"{Start}-{End}")
        : Start.ToString(CultureInfo.InvariantCulture);
}
