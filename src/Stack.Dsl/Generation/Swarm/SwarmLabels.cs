using System.Text.RegularExpressions;
using Stack.Dsl.Compose;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Yaml.YamlValue;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// Traefik's swarm provider reads the service's labels (<c>deploy.labels</c>), not the
/// container's; it cannot find a task's port by itself, so every HTTP service needs
/// <c>loadbalancer.server.port</c>; and a middleware or service defined by labels is
/// <c>name@swarm</c> there, not <c>name@docker</c>. Other labels stay on the containers (a
/// container label such as <c>com.docker.keep-container</c> is read from the container). The
/// service's network label is <c>traefik.swarm.network</c> for a proxy that reads it (<see cref="TraefikLabelPrefix"/>).
/// </summary>
internal static partial class SwarmLabels
{
    private const string Placeholder = "swarm-placeholder";

    private const string DockerProvider = "@docker";

    public static (YamlMapping? Container, IReadOnlyList<YamlEntry> Deploy) Split(Service service, YamlMapping? labels, SwarmContext context)
    {
        if (labels is null)
        {
            return (null, []);
        }

        var container = labels.Entries.Where(e => !IsTraefik(e.Key)).ToList();
        var deploy = labels.Entries.Where(e => IsTraefik(e.Key)).Select(e => new YamlEntry(TraefikLabelPrefix.Rename(e.Key, context.TraefikPrefix), WithSwarmProvider(e.Key, e.Value))).ToList();
        var routers = deploy.Select(e => HttpRouter().Match(e.Key)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        var hasPort = deploy.Any(e => e.Key.StartsWith("traefik.http.services.", StringComparison.Ordinal) && e.Key.EndsWith(".loadbalancer.server.port", StringComparison.Ordinal));
        if (routers.Count > 0 && !hasPort)
        {
            var unnamed = routers.Where(r => !deploy.Any(e => e.Key == $"traefik.http.routers.{r}.service")).ToList();
            if (unnamed.Count > 0)
            {
                // At the router's new Router(...) when the model has it (not a hand-written label).
                var router = service.Routers.FirstOrDefault(r => r.Name == unnamed[0]);
                context.Refuse(router?.Location ?? service.Location, $"Service '{service.Name}': router '{unnamed[0]}' has no port, and Traefik's swarm provider cannot find one by itself (it skips the whole service). Give the router its port: .WithPort(8080) on the router.");
            }
            else
            {
                // Every router names its own service (api@internal, a file service): Traefik still
                // builds a default service for the task and skips the task when that one has no port.
                deploy.Add(new($"traefik.http.services.{service.Name}-{Placeholder}.loadbalancer.server.port", Text("1")));
            }
        }

        deploy.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return (container.Count == 0 ? null : new YamlMapping([.. container]), deploy);
    }

    /// <summary>
    /// A reference to a label-defined object, for the swarm provider: <c>name@docker</c> as a whole
    /// item becomes <c>name@swarm</c>; anything else (a header's value such as
    /// <c>ops@docker.example.com</c>) is the user's text and stays as written.
    /// </summary>
    public static string OnSwarm(string reference) => IsDockerReference(reference) ? string.Concat(reference.AsSpan(0, reference.Length - DockerProvider.Length), "@swarm") : reference;

    /// <summary>
    /// Traefik's files' references, for the swarm provider: an entrypoint's <c>http.middlewares</c>
    /// (static), a chain's <c>middlewares</c> and an errors middleware's <c>service</c> (dynamic),
    /// the only places they name another object. Nothing else in them is read as a reference.
    /// </summary>
    public static YamlValue WithSwarmProvider(YamlValue value, string? parent = null) => value switch
    {
        YamlMapping mapping => new YamlMapping([.. mapping.Entries.Select(e => new YamlEntry(e.Key, (parent, e.Key, e.Value) switch
        {
            ("chain" or "http", "middlewares", YamlSequence list) => new YamlSequence([.. list.Items.Select(Reference)]),
            ("errors", "service", YamlScalar service) => Reference(service),
            _ => WithSwarmProvider(e.Value, e.Key),
        }))]),
        _ => value,
    };

    /// <summary>A label that names objects (a router's middlewares or service, a chain's members, an errors page's service): each comma-separated item.</summary>
    private static YamlValue WithSwarmProvider(string key, YamlValue value) =>
        IsReferenceKey(key) && value is YamlScalar { Composed: { IsLiteral: true } } scalar && scalar.Value.Contains(DockerProvider, StringComparison.Ordinal)
            ? Text(string.Join(',', scalar.Value.Split(',').Select(OnSwarm))) with { AlwaysQuoted = scalar.AlwaysQuoted }
            : value;

    private static YamlValue Reference(YamlValue item) =>
        item is YamlScalar scalar && IsDockerReference(scalar.Value)
            ? (scalar.Composed is null ? scalar with { Value = OnSwarm(scalar.Value) } : Text(OnSwarm(scalar.Value)) with { AlwaysQuoted = scalar.AlwaysQuoted })
            : item;

    /// <summary>NAME@docker with a name Traefik takes (letters, digits, '-', '_'), nothing around it.</summary>
    private static bool IsDockerReference(string text)
    {
        if (text.Length <= DockerProvider.Length || !text.EndsWith(DockerProvider, StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < text.Length - DockerProvider.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]) && text[i] is not ('-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    // traefik.(http|tcp).routers.NAME.(middlewares|service), traefik.http.middlewares.NAME.(chain.middlewares|errors.service).
    private static bool IsReferenceKey(string key)
    {
        var parts = key.Split('.');
        return parts.Length >= 5 && parts[0] == "traefik"
            && ((parts[2] == "routers" && parts.Length == 5 && parts[4] is "middlewares" or "service")
                || (parts[2] == "middlewares" && parts.Length == 6 && (parts[4], parts[5]) is ("chain", "middlewares") or ("errors", "service")));
    }

    private static bool IsTraefik(string key) => key.StartsWith("traefik.", StringComparison.Ordinal);

    [GeneratedRegex(@"^traefik\.http\.routers\.([^.]+)\.")]
    private static partial Regex HttpRouter();
}
