using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Traefik;

/// <summary>
/// The stack's Traefik: which service it is, the network its docker provider watches, and the
/// entrypoints, certificate resolvers and file middlewares it defines. From this and the routers
/// the generator writes Traefik's static and dynamic config files and mounts them into
/// <see cref="Service"/>; the STK04nn rules check every router against it.
/// </summary>
public sealed record TraefikProxy
{
    /// <summary>
    /// Where the static config is mounted unless set otherwise: the place Traefik reads without
    /// <c>--configFile</c>, so <c>traefik</c> and <c>traefik healthcheck</c> both find it.
    /// </summary>
    public const string DefaultStaticConfigPath = "/etc/traefik/traefik.yml";

    /// <summary>Where the dynamic config is mounted unless set otherwise.</summary>
    public const string DefaultDynamicConfigPath = "/etc/traefik/dynamic.yml";

    /// <summary>Declares <paramref name="service"/> as the stack's Traefik, its docker provider watching <paramref name="network"/>.</summary>
    /// <param name="service">The Traefik service.</param>
    /// <param name="network">The network its docker provider reaches containers on.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public TraefikProxy(Service service, Network network, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        Location = new SourceLocation(filePath, line);
        Service = service ?? throw new ArgumentNullException(nameof(service));
        Network = network ?? throw new ArgumentNullException(nameof(network));
    }

    /// <summary>Where the proxy was declared.</summary>
    public SourceLocation Location { get; }

    /// <summary>The Traefik service (matched by name in the stack).</summary>
    public Service Service { get; init; }

    /// <summary>The network Traefik reaches routed containers on (<c>providers.docker.network</c>).</summary>
    public Network Network { get; init; }

    /// <summary>The entrypoints, in the order given.</summary>
    public ImmutableArray<EntryPoint> EntryPoints { get; init; } = [];

    /// <summary>The certificate resolvers.</summary>
    public ImmutableArray<CertResolver> CertResolvers { get; init; } = [];

    /// <summary>File-provider middlewares defined even if nothing uses them; used ones are defined automatically.</summary>
    public ImmutableArray<Middleware> ExtraMiddlewares { get; init; } = [];

    /// <summary>Whether the dashboard and API are served (reach them through a router to <c>api@internal</c>).</summary>
    public bool Dashboard { get; init; }

    /// <summary>
    /// Whether the API and dashboard answer on port 8080 without a router (<c>api.insecure</c>):
    /// reachable by every container on Traefik's networks, so never publish 8080.
    /// </summary>
    public bool ApiOnInternalPort { get; init; }

    /// <summary>Whether <c>/ping</c> answers, for <c>traefik healthcheck --ping</c>.</summary>
    public bool Ping { get; init; } = true;

    /// <summary>Traefik's log level (<c>DEBUG</c>, <c>INFO</c>, <c>WARN</c>, <c>ERROR</c>).</summary>
    public string LogLevel { get; init; } = "INFO";

    /// <summary>Whether every request is logged.</summary>
    public bool AccessLog { get; init; }

    /// <summary>The format of Traefik's log and access log: <c>common</c> or <c>json</c>.</summary>
    public string LogFormat { get; init; } = "common";

    /// <summary>Where Traefik writes its log; unset is standard output.</summary>
    public string? LogFilePath { get; init; }

    /// <summary>Where Traefik writes the access log; unset is standard output.</summary>
    public string? AccessLogFilePath { get; init; }

    /// <summary>Whether Traefik checks for new versions (<c>global.checkNewVersion</c>); off, as a pinned image does not update itself.</summary>
    public bool CheckNewVersion { get; init; }

    /// <summary>Whether Traefik sends anonymous usage statistics (<c>global.sendAnonymousUsage</c>).</summary>
    public bool SendAnonymousUsage { get; init; }

    /// <summary>
    /// The engine's API endpoint for the docker provider (<c>tcp://socket-proxy:2375</c>): a socket
    /// proxy that allows only reads, instead of the Docker socket mounted into Traefik. Unset is the socket.
    /// </summary>
    public string? DockerEndpoint { get; init; }

    /// <summary>Whether containers are routed without <c>traefik.enable=true</c>; off, so nothing is published by accident.</summary>
    public bool ExposedByDefault { get; init; }

    /// <summary>Whether Traefik reads a swarm's services (<c>providers.swarm</c>) instead of the engine's containers.</summary>
    public bool Swarm { get; init; }

    /// <summary>Whether Traefik serves Prometheus metrics (on <see cref="MetricsEntryPoint"/>, or its own traefik entrypoint).</summary>
    public bool PrometheusMetrics { get; init; }

    /// <summary>The entrypoint serving Prometheus metrics; unset is Traefik's own (port 8080).</summary>
    public EntryPoint? MetricsEntryPoint { get; init; }

    /// <summary>Whether Traefik accepts any certificate from the services it forwards to (<c>serversTransport.insecureSkipVerify</c>), for services that serve HTTPS with a self-signed one.</summary>
    public bool ServersInsecureSkipVerify { get; init; }

    /// <summary>How Traefik receives this static config: a mounted file (the default) or command-line flags.</summary>
    public TraefikConfigForm StaticConfigForm { get; init => field = EnumGuard.Defined(value, nameof(StaticConfigForm)); } = TraefikConfigForm.File;

    /// <summary>Writes the static config as Traefik command-line flags on the service (no static file), as many stacks configure Traefik.</summary>
    public TraefikProxy WithStaticConfigAsFlags() => this with { StaticConfigForm = TraefikConfigForm.CommandLine };

    /// <summary>
    /// Where the static config file is mounted in the container. Anywhere but
    /// <c>/etc/traefik/traefik.yml</c> or <c>.yaml</c>, the generator adds <c>--configFile=</c> to
    /// the command (which <c>traefik healthcheck</c> in a healthcheck does not get).
    /// </summary>
    public string StaticConfigPath { get; init; } = DefaultStaticConfigPath;

    /// <summary>Where the dynamic config file is mounted in the container.</summary>
    public string DynamicConfigPath { get; init; } = DefaultDynamicConfigPath;

    /// <summary>Adds entrypoints.</summary>
    public TraefikProxy WithEntryPoints(params IEnumerable<EntryPoint> entryPoints) => this with { EntryPoints = EntryPoints.AddRange(entryPoints) };

    /// <summary>Adds certificate resolvers.</summary>
    public TraefikProxy WithCertResolvers(params IEnumerable<CertResolver> resolvers) => this with { CertResolvers = CertResolvers.AddRange(resolvers) };

    /// <summary>Defines file middlewares that no router or entrypoint uses (yet).</summary>
    public TraefikProxy WithMiddlewares(params IEnumerable<Middleware> middlewares) => this with { ExtraMiddlewares = ExtraMiddlewares.AddRange(middlewares) };

    /// <summary>Replaces the entrypoint named like <paramref name="entryPoint"/> (an environment's variant of it).</summary>
    public TraefikProxy ReplaceEntryPoint(EntryPoint entryPoint)
    {
        ArgumentNullException.ThrowIfNull(entryPoint);
        var index = EntryPoints.Select(e => e.Name).ToList().IndexOf(entryPoint.Name);
        return index < 0
            ? throw new ArgumentException($"The proxy has no entrypoint named '{entryPoint.Name}'.", nameof(entryPoint))
            : this with { EntryPoints = EntryPoints.SetItem(index, entryPoint) };
    }
}
