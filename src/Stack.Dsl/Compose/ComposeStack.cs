using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Stack.Dsl.Backups;
using Stack.Dsl.Environments;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Compose;

/// <summary>
/// A whole compose project: its name and services. Networks, volumes, secrets and configs that
/// services use are declared automatically; add others explicitly only to declare them unused.
/// </summary>
public sealed record ComposeStack
{
    /// <summary>Creates an empty stack.</summary>
    /// <param name="name">The project name (top-level <c>name:</c>); compose prefixes networks and volumes with it.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public ComposeStack(string name, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Location = new SourceLocation(filePath, line);
    }

    /// <summary>The project name.</summary>
    public string Name { get; }

    /// <summary>Where the stack was created.</summary>
    public SourceLocation Location { get; }

    /// <summary>The services, in the order added (the YAML sorts them by name).</summary>
    public ImmutableArray<Service> Services { get; init; } = [];

    /// <summary>Where each service joined the stack, shown beside findings about it.</summary>
    internal Locations.StackJoins Joins { get; init; } = Locations.StackJoins.None;

    /// <summary>The <c>${VARIABLES}</c> the stack declares (see <see cref="WithVariables"/>).</summary>
    public ImmutableArray<Variable> Variables { get; init; } = [];

    /// <summary>The stack's Traefik, when it runs one (see <see cref="WithTraefik"/>).</summary>
    public TraefikProxy? Traefik { get; init; }

    /// <summary>The stack's backup runner, when it has one (see <see cref="WithBackups"/>).</summary>
    public BackupPlan? Backups { get; init; }

    /// <summary>What runs the stack (see <see cref="WithTargets"/>); Compose alone unless the definition says more.</summary>
    public ImmutableArray<DeployTarget> Targets { get; init; } = [DeployTarget.Compose];

    /// <summary>The environments (see <see cref="WithEnvironments"/>); none means one compose file.</summary>
    public ImmutableArray<StackEnvironment> Environments { get; init; } = [];

    /// <summary>Networks declared explicitly, beyond those services join.</summary>
    public ImmutableArray<Network> ExtraNetworks { get; init; } = [];

    /// <summary>Volumes declared explicitly, beyond those services mount.</summary>
    public ImmutableArray<Volume> ExtraVolumes { get; init; } = [];

    /// <summary>Secrets, declared explicitly (services grant them by name).</summary>
    public ImmutableArray<Secret> Secrets { get; init; } = [];

    /// <summary>Configs, declared explicitly (services grant them by name).</summary>
    public ImmutableArray<Config> Configs { get; init; } = [];

    /// <summary>Top-level <c>x-</c> extension fields, sorted by key.</summary>
    public ImmutableSortedDictionary<string, YamlValue> Extensions { get; init; } =
        ImmutableSortedDictionary.Create<string, YamlValue>(StringComparer.Ordinal);

    /// <summary>
    /// The forward-auth (single sign-on) middleware another compose project defines, declared with
    /// <see cref="WithForwardAuth"/>: routers that use none are STK0004. Default none.
    /// </summary>
    public ExternalMiddleware? ForwardAuth { get; init; }

    /// <summary>
    /// Declares the single sign-on of a split stack: Authelia (and often Traefik) run in another
    /// compose project, joined by an external network, and this stack's routers use its
    /// forward-auth middleware by name (<c>new ExternalMiddleware("authelia", "docker").AsForwardAuth()</c>).
    /// The checklist then judges every router against it (STK0004), as it does in a stack that
    /// defines its own. Writes nothing; the middleware is marked forward-auth.
    /// </summary>
    /// <param name="middleware">The forward-auth middleware, as the routers use it.</param>
    public ComposeStack WithForwardAuth(ExternalMiddleware middleware) =>
        this with { ForwardAuth = (middleware ?? throw new ArgumentNullException(nameof(middleware))).AsForwardAuth() };

    /// <summary>Adds services.</summary>
    public ComposeStack WithServices(params IEnumerable<Service> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var added = services.ToList();
        if (added.IndexOf(null!) is var index and >= 0)
        {
            throw new ArgumentException($"Service number {index + 1} passed to WithServices is null: a static field read before it was initialized (fields initialize in file order), or a helper that returned null.", nameof(services));
        }

        return this with { Services = Services.AddRange(added), Joins = Joins.Add(added) };
    }

    /// <summary>Declares the variables the stack's server must provide; <c>.env.example</c> lists them.</summary>
    public ComposeStack WithVariables(params IEnumerable<Variable> variables) => this with { Variables = Variables.AddRange(variables) };

    /// <summary>
    /// Declares the stack's Traefik: the generator writes its static and dynamic config into the
    /// output folder and mounts them into the proxy's service, and checks every router against it.
    /// </summary>
    public ComposeStack WithTraefik(TraefikProxy proxy) => this with { Traefik = proxy ?? throw new ArgumentNullException(nameof(proxy)) };

    /// <summary>
    /// Declares the stack's backup runner: the generator writes its excludes file, its pre-backup
    /// commands and <c>RESTORE.md</c> from every volume's backup decision.
    /// </summary>
    public ComposeStack WithBackups(BackupPlan plan) => this with { Backups = plan ?? throw new ArgumentNullException(nameof(plan)) };

    /// <summary>
    /// Declares environments: the generator then writes what they all share as the base compose
    /// file and one override per environment (<c>dc.NAME.yml</c>) holding exactly its differences.
    /// </summary>
    public ComposeStack WithEnvironments(params IEnumerable<StackEnvironment> environments) => this with { Environments = Environments.AddRange(environments) };

    /// <summary>
    /// Says what runs the stack: <see cref="DeployTarget.Compose"/>, <see cref="DeployTarget.Swarm"/>
    /// or both. Replaces the default (Compose alone); each target gets its files and its checks.
    /// </summary>
    public ComposeStack WithTargets(params IEnumerable<DeployTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var (compose, swarm) = (false, false);
        foreach (var target in targets)
        {
            compose |= EnumGuard.Defined(target, nameof(targets)) == DeployTarget.Compose;
            swarm |= target == DeployTarget.Swarm;
        }

        var chosen = DeployTargets.Of(compose, swarm);
        if (chosen.IsEmpty)
        {
            throw new ArgumentException("WithTargets needs at least one target: DeployTarget.Compose, DeployTarget.Swarm or both.", nameof(targets));
        }

        return this with { Targets = chosen };
    }

    /// <summary>Changes every service (for an environment: for example all ports on localhost).</summary>
    public ComposeStack MapServices(Func<Service, Service> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return this with { Services = [.. Services.Select(change)] };
    }

    /// <summary>Changes the service named like <paramref name="service"/>.</summary>
    public ComposeStack MapService(Service service, Func<Service, Service> change)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(change);
        return Services.Any(s => s.Name == service.Name)
            ? this with { Services = [.. Services.Select(s => s.Name == service.Name ? change(s) : s)] }
            : throw new ArgumentException($"The stack has no service named '{service.Name}'.", nameof(service));
    }

    /// <summary>Changes the stack's Traefik declaration.</summary>
    public ComposeStack MapTraefik(Func<TraefikProxy, TraefikProxy> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Traefik is { } proxy ? this with { Traefik = change(proxy) } : throw new InvalidOperationException("The stack declares no Traefik (WithTraefik).");
    }

    /// <summary>Declares networks no service joins yet.</summary>
    public ComposeStack WithNetworks(params IEnumerable<Network> networks) => this with { ExtraNetworks = ExtraNetworks.AddRange(networks) };

    /// <summary>Declares volumes no service mounts yet.</summary>
    public ComposeStack WithVolumes(params IEnumerable<Volume> volumes) => this with { ExtraVolumes = ExtraVolumes.AddRange(volumes) };

    /// <summary>Declares secrets.</summary>
    public ComposeStack WithSecrets(params IEnumerable<Secret> secrets) => this with { Secrets = Secrets.AddRange(secrets) };

    /// <summary>Declares configs.</summary>
    public ComposeStack WithConfigs(params IEnumerable<Config> configs) => this with { Configs = Configs.AddRange(configs) };

    /// <summary>Sets a top-level <c>x-</c> extension field to text.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> does not start with <c>x-</c>.</exception>
    public ComposeStack WithExtension(string key, string value, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) => WithExtension(key, YamlValue.Text(value), filePath, line);

    /// <summary>Sets a top-level <c>x-</c> extension field to text that may reference variables.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> does not start with <c>x-</c>.</exception>
    public ComposeStack WithExtension(string key, ComposeString value, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) => WithExtension(key, YamlValue.Text(value), filePath, line);

    /// <summary>Sets a top-level <c>x-</c> extension field.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> does not start with <c>x-</c>.</exception>
    /// <param name="key">The extension's key.</param>
    /// <param name="value">Its value.</param>
    /// <param name="filePath">Filled in by the compiler: a finding about the value is reported at this call.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public ComposeStack WithExtension(string key, YamlValue value, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!key.StartsWith("x-", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Top-level extension '{key}' must start with 'x-'.", nameof(key));
        }

        return this with { Extensions = Extensions.SetItem(key, value), ExtensionSites = ExtensionSites.With(key, value, new SourceLocation(filePath, line)) };
    }

    /// <summary>Where each extension was set (caller information on <see cref="WithExtension(string, YamlValue, string, int)"/>).</summary>
    internal Locations.KeyedSites ExtensionSites { get; init; } = Locations.KeyedSites.None;
}
