using System.Runtime.CompilerServices;

namespace Stack.Dsl.Compose;

/// <summary>Fluent setters for volumes, bind mounts, tmpfs, secrets and configs.</summary>
public sealed partial record Service
{
    /// <summary>Mounts named volume <paramref name="volume"/> at <paramref name="target"/>.</summary>
    public Service WithVolume(Volume volume, string target, bool readOnly = false, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        WithMount(new VolumeMount(volume, target) { ReadOnly = readOnly, Location = new SourceLocation(filePath, line, nameof(WithVolume)) });

    /// <summary>
    /// Bind-mounts host path <paramref name="source"/> at <paramref name="target"/>. A project file
    /// (<see cref="HostPath.InProject"/>) must exist: Docker would create an empty folder in its place.
    /// </summary>
    public Service WithBind(HostPath source, string target, bool readOnly = false, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        WithMount(new BindMount(source, target) { ReadOnly = readOnly, Location = new SourceLocation(filePath, line, nameof(WithBind)) });

    /// <summary>Adds a mount; errors about it point at this call unless the mount has its own location.</summary>
    public Service WithMount(Mount mount, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(mount);
        return this with { Volumes = Volumes.Add(mount.Location.IsKnown ? mount : mount with { Location = new SourceLocation(filePath, line, nameof(WithMount)) }) };
    }

    /// <summary>Mounts every volume of <paramref name="source"/> (<c>volumes_from</c>); <paramref name="source"/> starts first.</summary>
    public Service WithVolumesFrom(Service source, bool readOnly = false, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        this with
        {
            VolumesFrom = VolumesFrom.Add(new VolumesFrom(source ?? throw new ArgumentNullException(nameof(source)), readOnly) { Location = new SourceLocation(filePath, line, nameof(WithVolumesFrom)) }),
        };

    /// <summary>Mounts an in-memory file system at <paramref name="target"/>.</summary>
    public Service WithTmpfs(string target, ByteSize? size = null) => this with { Tmpfs = Tmpfs.Add(new Tmpfs(target) { Size = size }) };

    /// <summary>Mounts a tmpfs (see <see cref="Compose.Tmpfs"/>).</summary>
    public Service WithTmpfs(Tmpfs tmpfs) => this with { Tmpfs = Tmpfs.Add(tmpfs ?? throw new ArgumentNullException(nameof(tmpfs))) };

    /// <summary>
    /// Mounts a fresh anonymous volume at <paramref name="target"/> (<c>- /app/node_modules</c>), which
    /// keeps the image's files there; no backup covers it and <c>down -v</c> removes it.
    /// </summary>
    public Service WithAnonymousVolume(string target, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        WithMount(new AnonymousVolumeMount(target) { Location = new SourceLocation(filePath, line, nameof(WithAnonymousVolume)) });

    /// <summary>Makes the root file system read-only. Default: unset (writable).</summary>
    public Service WithReadOnlyRootFilesystem(bool readOnly = true) => this with { ReadOnly = readOnly };

    /// <summary>Grants <paramref name="secret"/>, by default at <c>/run/secrets/NAME</c>.</summary>
    /// <param name="secret">The secret; the stack must declare it.</param>
    /// <param name="target">The file name under <c>/run/secrets</c>, or a path; unset keeps the secret's name.</param>
    /// <param name="uid">The owning user id inside the container.</param>
    /// <param name="gid">The owning group id inside the container.</param>
    /// <param name="mode">The file mode, for example <c>Convert.ToInt32("400", 8)</c>.</param>
    public Service WithSecret(Secret secret, string? target = null, string? uid = null, string? gid = null, int? mode = null) =>
        this with { Secrets = Secrets.Add(new FileGrant((secret ?? throw new ArgumentNullException(nameof(secret))).Name) { Target = target, Uid = uid, Gid = gid, Mode = mode }) };

    /// <summary>
    /// Hands <paramref name="secret"/> to an image that reads secrets through <c>NAME_FILE</c>
    /// variables (the official mysql, postgres and many others): grants the secret and sets
    /// <c><paramref name="variable"/>_FILE</c> to where compose mounts it, <c>/run/secrets/SECRET</c>.
    /// </summary>
    /// <param name="variable">The variable the image documents, without <c>_FILE</c> (for example <c>MYSQL_ROOT_PASSWORD</c>).</param>
    /// <param name="secret">The secret; the stack must declare it (<see cref="ComposeStack.WithSecrets"/>).</param>
    public Service WithSecretFile(string variable, Secret secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        ArgumentNullException.ThrowIfNull(secret);
        var name = variable.EndsWith("_FILE", StringComparison.Ordinal) ? variable : variable + "_FILE";
        return WithSecret(secret).WithEnvironment(name, Values.ComposeString.Literal("/run/secrets/" + secret.Name), filePath: string.Empty, line: 0);
    }

    /// <summary>Grants <paramref name="config"/>, by default at <c>/NAME</c>.</summary>
    /// <param name="config">The config; the stack must declare it.</param>
    /// <param name="target">The path inside the container; unset is <c>/NAME</c>.</param>
    /// <param name="uid">The owning user id inside the container.</param>
    /// <param name="gid">The owning group id inside the container.</param>
    /// <param name="mode">The file mode, for example <c>Convert.ToInt32("444", 8)</c>.</param>
    public Service WithConfig(Config config, string? target = null, string? uid = null, string? gid = null, int? mode = null) =>
        this with { Configs = Configs.Add(new FileGrant((config ?? throw new ArgumentNullException(nameof(config))).Name) { Target = target, Uid = uid, Gid = gid, Mode = mode }) };
}
