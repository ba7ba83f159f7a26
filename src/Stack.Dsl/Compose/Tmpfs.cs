namespace Stack.Dsl.Compose;

/// <summary>A <c>tmpfs</c> entry: an in-memory file system at <paramref name="Target"/>.</summary>
/// <param name="Target">The path inside the container.</param>
public sealed record Tmpfs(string Target)
{
    /// <summary>The size limit; unset means Docker's default (half the host's memory).</summary>
    public ByteSize? Size { get; init; }

    /// <summary>The file system's permission bits, such as <c>1777</c> (octal); unset is the engine's 1777.</summary>
    public int? Mode { get; init; }

    /// <summary>The compose form: <c>/run</c>, <c>/run:size=64M</c>, <c>/run:size=64M,mode=1770</c>.</summary>
    public override string ToString()
    {
        var options = new List<string>(2);
        if (Size is { } size)
        {
            options.Add($"size={size}");
        }

        if (Mode is { } mode)
        {
            options.Add("mode=" + Convert.ToString(mode, 8));
        }

        return options.Count == 0 ? Target : $"{Target}:{string.Join(',', options)}";
    }
}
