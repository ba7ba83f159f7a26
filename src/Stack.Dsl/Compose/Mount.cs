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

    /// <summary>Whether the image's files at the target are not copied into a new, empty volume (<c>volume.nocopy</c>).</summary>
    public bool? NoCopy { get; init; }

    /// <summary>A folder inside the volume to mount instead of its root (<c>volume.subpath</c>).</summary>
    public string? Subpath { get; init; }
}

/// <summary>A host path bind-mounted into the container.</summary>
public sealed record BindMount : Mount
{
    /// <summary>Mounts <paramref name="source"/> at <paramref name="target"/>.</summary>
    public BindMount(HostPath source, string target)
        : base(target) => Source = source ?? throw new ArgumentNullException(nameof(source));

    /// <summary>The host path.</summary>
    public HostPath Source { get; }

    /// <summary>Whether a missing host folder is created (<c>bind.create_host_path</c>); unset is compose's default for the syntax.</summary>
    public bool? CreateHostPath { get; init; }
}

/// <summary>
/// An anonymous volume (<c>- /app/node_modules</c>): a fresh volume that keeps the image's files at
/// the target (often to stop a bind mount above it from hiding them). <c>down -v</c> removes it,
/// and no backup covers it.
/// </summary>
public sealed record AnonymousVolumeMount : Mount
{
    /// <summary>Creates an anonymous volume at <paramref name="target"/>.</summary>
    public AnonymousVolumeMount(string target)
        : base(target)
    {
    }
}
