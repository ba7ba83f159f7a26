using Stack.Dsl.Compose;
using Stack.Dsl.Generation.Traefik;
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
internal static class SwarmLabels
{
    private const string Placeholder = "swarm-placeholder";

    public static (YamlMapping? Container, IReadOnlyList<YamlEntry> Deploy) Split(Service service, YamlMapping? labels, SwarmContext context)
    {
        if (labels is null)
        {
            return (null, []);
        }

        // Loops, not LINQ, over the entries: see SwarmFiles.Targets.
        var container = new List<YamlEntry>();
        var deploy = new List<YamlEntry>();
        foreach (var entry in labels.Entries)
        {
            if (IsTraefik(entry.Key))
            {
                deploy.Add(new YamlEntry(TraefikLabelPrefix.Rename(entry.Key, context.TraefikPrefix), WithSwarmProvider(entry.Key, entry.Value)));
            }
            else
            {
                container.Add(entry);
            }
        }

        var routers = new List<string>();
        var hasPort = false;
        foreach (var entry in deploy)
        {
            if (HttpRouter(entry.Key) is { } router && !routers.Contains(router))
            {
                routers.Add(router);
            }

            hasPort |= entry.Key.StartsWith("traefik.http.services.", StringComparison.Ordinal) && entry.Key.EndsWith(".loadbalancer.server.port", StringComparison.Ordinal);
        }

        if (routers.Count > 0 && !hasPort)
        {
            if (WithoutService(routers, deploy) is { } unnamed)
            {
                // At the router's new Router(...) when the model has it (not a hand-written label).
                var router = service.Routers.FirstOrDefault(r => r.Name == unnamed);
                context.Refuse(router?.Location ?? service.Location, $"Service '{service.Name}': router '{unnamed}' has no port, and Traefik's swarm provider cannot find one by itself (it skips the whole service). Give the router its port: .WithPort(8080) on the router.");
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
    /// item becomes <c>name@swarm</c> (white space around it kept); anything else (a header's value
    /// such as <c>ops@docker.example.com</c>) is the user's text and stays as written.
    /// </summary>
    public static string OnSwarm(string reference)
    {
        var item = reference.Trim();
        var start = reference.Length - reference.TrimStart().Length;
        return TraefikReferenceLabels.DockerName(item) is { } name
            ? string.Concat(reference.AsSpan(0, start), name, "@swarm", reference.AsSpan(start + item.Length))
            : reference;
    }

    /// <summary>
    /// Traefik's files' references, for the swarm provider: an entrypoint's <c>http.middlewares</c>
    /// (static), a chain's <c>middlewares</c> and an errors middleware's <c>service</c> (dynamic),
    /// the only places they name another object. Nothing else in them is read as a reference.
    /// </summary>
    public static YamlValue WithSwarmProvider(YamlValue value, string? parent = null)
    {
        if (value is not YamlMapping mapping)
        {
            return value;
        }

        var entries = new YamlEntry[mapping.Entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var (key, inner) = mapping.Entries[i];
            entries[i] = new YamlEntry(key, (parent, key, inner) switch
            {
                ("chain" or "http", "middlewares", YamlSequence list) => References(list),
                ("errors", "service", YamlScalar service) => Reference(service),
                _ => WithSwarmProvider(inner, key),
            });
        }

        return new YamlMapping([.. entries]);
    }

    private static YamlSequence References(YamlSequence list)
    {
        var items = new YamlValue[list.Items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Reference(list.Items[i]);
        }

        return new YamlSequence([.. items]);
    }

    /// <summary>
    /// A label that names objects (<see cref="TraefikReferenceLabels"/>): each item of a list, or
    /// the service. A hand-written <c>name@docker</c> there is refused before anything is written
    /// (STK0507), so what this renames is Stack's own: typed middlewares written with
    /// <c>.ViaDockerLabels()</c> and the labels Stack writes for routers.
    /// </summary>
    internal static YamlValue WithSwarmProvider(string key, YamlValue value)
    {
        var label = TraefikReferenceLabels.Of(key);
        if (label == ReferenceLabel.None || value is not YamlScalar { Composed: { IsLiteral: true } } scalar
            || !TraefikReferenceLabels.Items(label, scalar.Value).Any(i => TraefikReferenceLabels.DockerName(i) is not null))
        {
            return value;
        }

        var written = TraefikReferenceLabels.IsList(label) ? string.Join(',', scalar.Value.Split(',').Select(OnSwarm)) : OnSwarm(scalar.Value);
        return Text(written) with { AlwaysQuoted = scalar.AlwaysQuoted };
    }

    private static YamlValue Reference(YamlValue item) =>
        item is YamlScalar scalar && TraefikReferenceLabels.DockerName(scalar.Value) is not null
            ? (scalar.Composed is null ? scalar with { Value = OnSwarm(scalar.Value) } : Text(OnSwarm(scalar.Value)) with { AlwaysQuoted = scalar.AlwaysQuoted })
            : item;

    private static bool IsTraefik(string key) => key.StartsWith("traefik.", StringComparison.Ordinal);

    /// <summary>The HTTP router a label sets (<c>traefik.http.routers.NAME.*</c>), or null.</summary>
    private static string? HttpRouter(string key)
    {
        const string Prefix = "traefik.http.routers.";
        var end = key.StartsWith(Prefix, StringComparison.Ordinal) ? key.IndexOf('.', Prefix.Length) : -1;
        return end > Prefix.Length ? key[Prefix.Length..end] : null;
    }

    /// <summary>The first router no label gives a service of its own, or null.</summary>
    private static string? WithoutService(List<string> routers, List<YamlEntry> labels)
    {
        foreach (var router in routers)
        {
            var service = $"traefik.http.routers.{router}.service";
            var named = false;
            foreach (var label in labels)
            {
                named |= label.Key == service;
            }

            if (!named)
            {
                return router;
            }
        }

        return null;
    }
}
