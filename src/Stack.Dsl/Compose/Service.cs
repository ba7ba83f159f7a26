using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Stack.Dsl.Locations;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Compose;

/// <summary>
/// A compose service. Immutable: every <c>With*</c> call returns a new service, so a shared base
/// (an <c>Internal()</c> helper, a template) can be reused safely. Maps are kept sorted by key;
/// lists keep the order they were given in.
/// </summary>
public sealed partial record Service
{
    private static readonly ImmutableSortedDictionary<string, ComposeString> NoStrings =
        ImmutableSortedDictionary.Create<string, ComposeString>(StringComparer.Ordinal);

    /// <summary>Creates a service with nothing set.</summary>
    /// <param name="name">The key under <c>services:</c> (and the host name other services use).</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Service(string name, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        createdAt = new SourceLocation(filePath, line, "new");
        helperCall = HelperCallSite.Capture(createdAt);
    }

    private readonly SourceLocation createdAt;
    private readonly HelperCallSite? helperCall;

    /// <summary>The service's key.</summary>
    public string Name { get; }

    /// <summary>
    /// Where the user's code made the service, for error messages: the line of <c>new Service(...)</c>,
    /// or, when a helper with parameters made it (<c>App("web")</c>), the line that called the helper.
    /// </summary>
    public SourceLocation Location => helperCall?.Location ?? createdAt;

    /// <summary>Where the user's code wrote the service's image, environment variables and ports.</summary>
    internal ServiceSites Sites { get; init; } = ServiceSites.None;

    /// <summary>
    /// Where to report a finding about a value written at <paramref name="site"/>: that call, unless
    /// it is inside the helper with parameters that made the service (then the user's call of the
    /// helper, as for the service itself); the service's own place when the site is not known.
    /// </summary>
    internal SourceLocation At(SourceLocation? site) =>
        site is not { IsKnown: true } known ? Location
        : helperCall is { } helper && helper.Holds(known) ? helper.Location
        : known;

    /// <summary>The image (<c>image:</c>).</summary>
    public ComposeString? Image { get; init; }

    /// <summary>How to build the image (<c>build:</c>).</summary>
    public BuildSpec? Build { get; init; }

    /// <summary>A fixed container name (<c>container_name:</c>).</summary>
    public ComposeString? ContainerName { get; init; }

    /// <summary>Services to start first (<c>depends_on:</c>).</summary>
    public ImmutableArray<Dependency> Dependencies { get; init; } = [];

    /// <summary>Mounted volumes and bind mounts, in order (<c>volumes:</c>).</summary>
    public ImmutableArray<Mount> Volumes { get; init; } = [];

    /// <summary>Services whose volumes are mounted too (<c>volumes_from:</c>).</summary>
    public ImmutableArray<VolumesFrom> VolumesFrom { get; init; } = [];

    /// <summary>Configs granted to the service (<c>configs:</c>).</summary>
    public ImmutableArray<FileGrant> Configs { get; init; } = [];

    /// <summary>Secrets granted to the service (<c>secrets:</c>).</summary>
    public ImmutableArray<FileGrant> Secrets { get; init; } = [];

    /// <summary>Environment variables, sorted by name (<c>environment:</c>).</summary>
    public ImmutableSortedDictionary<string, EnvironmentValue> Environment { get; init; } =
        ImmutableSortedDictionary.Create<string, EnvironmentValue>(StringComparer.Ordinal);

    /// <summary>Files of environment variables, in order (<c>env_file:</c>).</summary>
    public ImmutableArray<HostPath> EnvFiles { get; init; } = [];

    /// <summary>Published ports (<c>ports:</c>).</summary>
    public ImmutableArray<PortMapping> Ports { get; init; } = [];

    /// <summary>Networks joined (<c>networks:</c>).</summary>
    public ImmutableArray<NetworkAttachment> Networks { get; init; } = [];

    /// <summary>An explicit network mode instead of networks (<c>network_mode:</c>).</summary>
    public NetworkMode? NetworkMode { get; init; }

    /// <summary>Fixed host name resolutions (<c>extra_hosts:</c>).</summary>
    public ImmutableArray<ExtraHost> ExtraHosts { get; init; } = [];

    /// <summary>The command (<c>command:</c>).</summary>
    public CommandLine? Command { get; init; }

    /// <summary>The entrypoint (<c>entrypoint:</c>).</summary>
    public CommandLine? Entrypoint { get; init; }

    /// <summary>The working directory (<c>working_dir:</c>).</summary>
    public string? WorkingDir { get; init; }

    /// <summary>The restart policy (<c>restart:</c>); unset means compose's default, <c>no</c>.</summary>
    public RestartPolicy? Restart { get; init; }

    /// <summary>The healthcheck (<c>healthcheck:</c>).</summary>
    public Healthcheck? Healthcheck { get; init; }

    /// <summary>The logging driver (<c>logging:</c>).</summary>
    public Logging? Logging { get; init; }

    /// <summary>Labels set directly, sorted by key (<c>labels:</c>; Traefik's are added from <see cref="Routers"/>).</summary>
    public ImmutableSortedDictionary<string, ComposeString> Labels { get; init; } = NoStrings;

    /// <summary>The user the container runs as (<c>user:</c>).</summary>
    public ComposeString? User { get; init; }

    /// <summary>Capabilities added (<c>cap_add:</c>).</summary>
    public ImmutableArray<string> CapAdd { get; init; } = [];

    /// <summary>Capabilities dropped (<c>cap_drop:</c>).</summary>
    public ImmutableArray<string> CapDrop { get; init; } = [];

    /// <summary>CPU, memory and process limits (<c>deploy.resources.limits</c>).</summary>
    public ResourceLimits? ResourceLimits { get; init; }

    /// <summary>Guaranteed CPU and memory (<c>deploy.resources.reservations</c>).</summary>
    public ResourceLimits? ResourceReservations { get; init; }

    /// <summary>Replicas, placement and rollout (<c>deploy:</c>, besides resources).</summary>
    public Deployment? Deployment { get; init; }

    /// <summary>Ports reachable from other services only (<c>expose:</c>).</summary>
    public ImmutableArray<ExposedPort> Expose { get; init; } = [];

    /// <summary>The container's host name (<c>hostname:</c>).</summary>
    public ComposeString? Hostname { get; init; }

    /// <summary>Whether an init process reaps zombies and forwards signals (<c>init:</c>).</summary>
    public bool? Init { get; init; }

    /// <summary>Whether the service is a job that runs once and exits (see <see cref="AsOneShot"/>).</summary>
    public bool IsOneShot { get; init; }

    /// <summary>Profiles that enable the service (<c>profiles:</c>).</summary>
    public ImmutableArray<string> Profiles { get; init; } = [];

    /// <summary>When to pull the image (<c>pull_policy:</c>).</summary>
    public PullPolicy? PullPolicy { get; init => field = EnumGuard.Defined(value, nameof(PullPolicy)); }

    /// <summary>Whether the root file system is read-only (<c>read_only:</c>).</summary>
    public bool? ReadOnly { get; init; }

    /// <summary>Security options such as <c>no-new-privileges:true</c> (<c>security_opt:</c>).</summary>
    public ImmutableArray<string> SecurityOpt { get; init; } = [];

    /// <summary>How long to wait after SIGTERM before SIGKILL (<c>stop_grace_period:</c>).</summary>
    public TimeSpan? StopGracePeriod { get; init; }

    /// <summary>In-memory file systems (<c>tmpfs:</c>).</summary>
    public ImmutableArray<Tmpfs> Tmpfs { get; init; } = [];

    /// <summary>Traefik routers; the generator writes their <c>traefik.*</c> labels.</summary>
    public ImmutableArray<Router> Routers { get; init; } = [];

    /// <summary>The network Traefik reaches the service on, when it shares several with Traefik.</summary>
    public Network? TraefikNetwork { get; init; }

    /// <summary>Fields the DSL does not model, and <c>x-</c> extensions, sorted by key.</summary>
    public ImmutableSortedDictionary<string, YamlValue> ExtraFields { get; init; } =
        ImmutableSortedDictionary.Create<string, YamlValue>(StringComparer.Ordinal);
}
