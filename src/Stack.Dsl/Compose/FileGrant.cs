namespace Stack.Dsl.Compose;

/// <summary>A service's use of a secret or config: where it appears in the container and with which owner and mode.</summary>
/// <param name="Name">The secret's or config's key.</param>
public sealed record FileGrant(string Name)
{
    /// <summary>The path (or, for secrets, the file name under <c>/run/secrets</c>); unset keeps the default.</summary>
    public string? Target { get; init; }

    /// <summary>The owning user id.</summary>
    public string? Uid { get; init; }

    /// <summary>The owning group id.</summary>
    public string? Gid { get; init; }

    /// <summary>The file mode, for example <c>0440</c> (octal, as written in a shell).</summary>
    public int? Mode { get; init; }

    /// <summary>Whether it needs compose's long syntax.</summary>
    public bool HasSettings => Target is not null || Uid is not null || Gid is not null || Mode is not null;
}
