namespace Stack.Dsl.Compose;

/// <summary>An entry under a service's <c>volumes:</c>.</summary>
public abstract record Mount
{
    private protected Mount(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        Target = target;
    }

    /// <summary>The path inside the container.</summary>
    public string Target { get; }

    /// <summary>Whether the container sees it read-only.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Where the mount was declared, for error messages.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.Unknown;
}

/// <summary>A named volume mounted into the container.</summary>
public sealed record VolumeMount : Mount
{
    /// <summary>Mounts <paramref name="volume"/> at <paramref name="target"/>.</summary>
    public VolumeMount(Volume volume, string target)
        : base(target) => Volume = volume ?? throw new ArgumentNullException(nameof(volume));

    /// <summary>The volume.</summary>
    public Volume Volume { get; }
}

/// <summary>A host path bind-mounted into the container.</summary>
public sealed record BindMount : Mount
{
    /// <summary>Mounts <paramref name="source"/> at <paramref name="target"/>.</summary>
    public BindMount(HostPath source, string target)
        : base(target) => Source = source ?? throw new ArgumentNullException(nameof(source));

    /// <summary>The host path.</summary>
    public HostPath Source { get; }
}
