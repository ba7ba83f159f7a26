using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>An entry under a service's <c>volumes:</c>.</summary>
public abstract record Mount
{
    private protected Mount(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        Target = target;
    }

    /// <summary>A mount whose container path <paramref name="target"/> chooses at <c>up</c>; its default is <see cref="Target"/>.</summary>
    private protected Mount(Variable target)
        : this(DefaultPath(target)) => TargetVariable = target;

    /// <summary>The path inside the container; for a path from a variable (<see cref="TargetVariable"/>), its default: what the checks judge.</summary>
    public string Target { get; }

    /// <summary>The variable that chooses the container path at <c>up</c> (<c>${ROOT:-/etc/komodo}</c>); <see langword="null"/> for a fixed path.</summary>
    public Variable? TargetVariable { get; }

    /// <summary>What the compose file says for the container path: <see cref="Target"/>, or the variable's reference.</summary>
    public ComposeString TargetText => TargetVariable is { } variable ? ComposeString.Of(variable) : ComposeString.Literal(Target);

    private static string DefaultPath(Variable target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Form is VariableForm.DefaultIfUnsetOrEmpty or VariableForm.DefaultIfUnset && target.FallbackVariables.IsEmpty && target.Fallback is ['/', ..] path
            ? path
            : throw new ArgumentException($"A container path from ${{{target.Name}}} needs a default that is an absolute path, so the stack's checks can judge it: write {target.Name.ToLowerInvariant()}.OrDefault(\"/data\").", nameof(target));
    }

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

    /// <summary>Mounts <paramref name="volume"/> at the path <paramref name="target"/> chooses (its default when unset).</summary>
    public VolumeMount(Volume volume, Variable target)
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

    /// <summary>Mounts <paramref name="source"/> at the path <paramref name="target"/> chooses (its default when unset).</summary>
    public BindMount(HostPath source, Variable target)
        : base(target) => Source = source ?? throw new ArgumentNullException(nameof(source));

    /// <summary>The host path.</summary>
    public HostPath Source { get; }

    /// <summary>Whether a missing host folder is created (<c>bind.create_host_path</c>); unset is compose's default for the syntax.</summary>
    public bool? CreateHostPath { get; init; }

    /// <summary>
    /// Relabels the host files for SELinux (<c>:z</c>/<c>:Z</c>, <c>bind.selinux</c>); needed on
    /// SELinux hosts (Fedora, RHEL) for the container to read them. Unset leaves labels alone.
    /// Relabelling changes the files on the host: never relabel a system folder or a home.
    /// </summary>
    public SeLinuxRelabel? SeLinux { get; init => field = EnumGuard.Defined(value, nameof(SeLinux)); }

    /// <summary>How mounts made later under the source or the target show on the other side (<c>bind.propagation</c>).</summary>
    public BindPropagation? Propagation { get; init => field = EnumGuard.Defined(value, nameof(Propagation)); }
}

/// <summary>How a bind mount's host files are relabelled for SELinux.</summary>
public enum SeLinuxRelabel
{
    /// <summary><c>z</c>: a label every container may share; for files several containers mount.</summary>
    Shared,

    /// <summary><c>Z</c>: a label private to this container; other containers lose access.</summary>
    Private,
}

/// <summary>Bind propagation (see mount(8)): whether later mounts cross between host and container.</summary>
public enum BindPropagation
{
    /// <summary><c>private</c>: no mount crosses, either way.</summary>
    Private,

    /// <summary><c>rprivate</c>: as <see cref="Private"/>, for every mount below too (Docker's default).</summary>
    RPrivate,

    /// <summary><c>shared</c>: mounts cross both ways.</summary>
    Shared,

    /// <summary><c>rshared</c>: as <see cref="Shared"/>, for every mount below too.</summary>
    RShared,

    /// <summary><c>slave</c>: host mounts show in the container, not the other way.</summary>
    Slave,

    /// <summary><c>rslave</c>: as <see cref="Slave"/>, for every mount below too.</summary>
    RSlave,
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

    /// <summary>Creates an anonymous volume at the path <paramref name="target"/> chooses (its default when unset).</summary>
    public AnonymousVolumeMount(Variable target)
        : base(target)
    {
    }
}
