using System.Collections.Immutable;

namespace Stack.Dsl.Compose;

/// <summary>A <c>tmpfs</c> entry: an in-memory file system at <paramref name="Target"/>.</summary>
/// <param name="Target">The path inside the container.</param>
public sealed record Tmpfs(string Target)
{
    /// <summary>The size limit; unset means Docker's default (half the host's memory).</summary>
    public ByteSize? Size { get; init; }

    /// <summary>The file system's permission bits, such as <c>1777</c> (octal); unset is the engine's 1777.</summary>
    public int? Mode { get; init; }

    /// <summary>
    /// More mount options the engine passes to the tmpfs, in the order given, after size and mode:
    /// <c>rw</c>, <c>ro</c>, <c>noexec</c>, <c>nosuid</c>, <c>nodev</c>, <c>uid=1000</c>, <c>gid=1000</c>. None by default.
    /// </summary>
    /// <exception cref="ArgumentException">An option is empty, holds a comma or a colon (compose would split it), or is a size or mode (<see cref="Size"/>, <see cref="Mode"/>).</exception>
    public ImmutableArray<string> Options
    {
        get;
        init
        {
            var options = value.IsDefault ? [] : value;
            foreach (var option in options)
            {
                if (string.IsNullOrEmpty(option) || option.IndexOfAny([',', ':']) >= 0 || option.StartsWith("size=", StringComparison.Ordinal) || option.StartsWith("mode=", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"'{option}' cannot be a tmpfs option: write one option per item (noexec, uid=1000), without a comma or a colon, and a size or mode as Size or Mode.", nameof(Options));
                }
            }

            field = options;
        }
    } = [];

    /// <summary>The compose form: <c>/run</c>, <c>/run:size=64M</c>, <c>/run:size=64M,mode=1770,noexec</c>.</summary>
    public override string ToString()
    {
        var options = new List<string>(2 + Options.Length);
        if (Size is { } size)
        {
            options.Add($"size={size}");
        }

        if (Mode is { } mode)
        {
            options.Add("mode=" + Convert.ToString(mode, 8));
        }

        options.AddRange(Options);

        return options.Count == 0 ? Target : $"{Target}:{string.Join(',', options)}";
    }
}
