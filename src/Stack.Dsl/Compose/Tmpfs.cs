namespace Stack.Dsl.Compose;

/// <summary>A <c>tmpfs</c> entry: an in-memory file system at <paramref name="Target"/>.</summary>
/// <param name="Target">The path inside the container.</param>
public sealed record Tmpfs(string Target)
{
    /// <summary>The size limit; unset means Docker's default (half the host's memory).</summary>
    public ByteSize? Size { get; init; }

    /// <summary>The compose form: <c>/run</c> or <c>/run:size=64M</c>.</summary>
    public override string ToString() => Size is { } size ? $"{Target}:size={size}" : Target;
}
