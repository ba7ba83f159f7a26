using System.Globalization;
using System.Text.RegularExpressions;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;

namespace Stack.Tool.Import;

/// <summary>
/// A service's Traefik labels (docker provider) as typed routers: rule, TLS, middlewares, priority
/// and the load balancer's port. All or nothing, and proven: the routers are built with the
/// library and must write back exactly the labels the file has; otherwise the labels stay labels,
/// with a TODO that says why. So the checklist sees the routers, and the meaning never changes.
/// </summary>
internal static partial class TraefikLabelImporter
{
    /// <summary>The typed routers' calls and the label keys they replace; or, when the labels cannot be typed, why.</summary>
    public sealed record Translation(IReadOnlyList<string> Calls, IReadOnlySet<string> Keys);

    /// <param name="labels">The service's labels.</param>
    /// <param name="code">Names and text of the code being written.</param>
    /// <param name="middlewares">The typed middlewares the stack's labels define (<see cref="MiddlewareLabelImporter.Candidates"/>).</param>
    /// <param name="service">The service whose labels these are.</param>
    /// <param name="why">Why the labels stay labels, when they do.</param>
    public static Translation? Translate(
        IReadOnlyList<(string Key, string Value)> labels, CSharpCode code, IReadOnlyDictionary<string, MiddlewareLabelImporter.ImportedMiddleware> middlewares, string service, out string? why)
    {
        var traefik = labels.Where(l => l.Key.StartsWith("traefik.", StringComparison.OrdinalIgnoreCase)).ToList();
        why = null;
        if (traefik.Count == 0)
        {
            return null;
        }

        try
        {
            var (routers, defined, layer4) = Parse(traefik, middlewares, service);
            var calls = routers.Select(r => r.Code(code)).Concat(layer4.Select(r => r.Code(code))).ToList();
            if (defined.Count > 0)
            {
                calls.Insert(0, $".WithMiddlewareLabels({string.Join(", ", defined.Select(m => code.Naming.Middleware(m.Name)))})");
            }

            var proof = new Service("proof").WithMiddlewareLabels(defined.Select(m => m.Model));
            proof = layer4.Aggregate(proof, (made, router) => router.AddTo(made));
            var written = TraefikLabels.For(routers.Aggregate(proof, (made, router) => made.WithRouter(router.Model())))
                .Select(l => (l.Key.ToLowerInvariant(), l.Value.ToCompose())).ToHashSet();

            // Traefik reads its label keys without case (entryPoints, certResolver): so does the proof.
            var expected = traefik.Select(l => (l.Key.ToLowerInvariant(), Tokens(l.Value))).ToHashSet();
            if (!written.SetEquals(expected))
            {
                var differing = written.Except(expected).Concat(expected.Except(written)).Select(l => l.Item1).Order(StringComparer.Ordinal).First();
                throw new NotTyped($"the typed routers would write '{differing}' differently");
            }

            return new Translation(calls, labels.Select(l => l.Key).Where(k => k.StartsWith("traefik.", StringComparison.OrdinalIgnoreCase)).ToHashSet(StringComparer.Ordinal));
        }
        catch (NotTyped notTyped)
        {
            why = notTyped.Message;
            return null;
        }
    }

    private static (List<ImportedRouter> Routers, List<MiddlewareLabelImporter.ImportedMiddleware> Defined, List<Layer4Router> Layer4) Parse(
        List<(string Key, string Value)> labels, IReadOnlyDictionary<string, MiddlewareLabelImporter.ImportedMiddleware> middlewares, string service)
    {
        var routers = new Dictionary<string, ImportedRouter>(StringComparer.Ordinal);
        var defined = new Dictionary<string, MiddlewareLabelImporter.ImportedMiddleware>(StringComparer.Ordinal);
        var healthPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        var layer4 = new Dictionary<(string Protocol, string Name), Layer4Router>();
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            if (key.Equals("traefik.enable", StringComparison.OrdinalIgnoreCase))
            {
                _ = value == "true" ? 0 : throw new NotTyped("traefik.enable is not true");
            }
            else if (RouterKey().Match(key) is { Success: true } router)
            {
                var name = router.Groups["name"].Value;
                var imported = routers.TryGetValue(name, out var found) ? found : routers[name] = new ImportedRouter(name, middlewares);
                imported.Set(router.Groups["property"].Value.ToLowerInvariant(), value);
            }
            else if (HealthPathKey().Match(key) is { Success: true } health)
            {
                healthPaths[health.Groups["name"].Value] = value.Contains('$', StringComparison.Ordinal) ? throw new NotTyped($"'{key}' holds a variable") : value;
            }
            else if (PortKey().Match(key) is { Success: true } port)
            {
                ports[port.Groups["name"].Value] = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    ? number : throw new NotTyped($"'{key}' is not a port number");
            }
            else if (Layer4Key().Match(key) is { Success: true } l4)
            {
                var id = (l4.Groups["protocol"].Value.ToLowerInvariant(), l4.Groups["name"].Value);
                var transport = layer4.TryGetValue(id, out var known) ? known : layer4[id] = new Layer4Router(id.Item1, id.Item2);
                transport.Set(l4.Groups["kind"].Value.ToLowerInvariant(), l4.Groups["property"].Value.ToLowerInvariant(), value);
            }
            else if (MiddlewareLabelImporter.IsDefinition(key))
            {
                var name = MiddlewareLabelImporter.NameIn(key);
                defined[name] = middlewares.TryGetValue(name, out var middleware) && middleware.Owner == service
                    ? middleware
                    : throw new NotTyped($"middleware '{name}' is of a kind or shape the importer does not type, is defined twice, or its service's labels do not type as a whole");
            }
            else
            {
                throw new NotTyped($"'{key}' is not translated");
            }
        }

        if (routers.Count == 0 && defined.Count == 0 && layer4.Count == 0)
        {
            throw new NotTyped("the labels define no router");
        }

        foreach (var router in routers.Values)
        {
            // Traefik pairs a router without a service label with the container's only service.
            var target = router.ServiceName ?? (ports.Count <= 1 ? ports.Keys.SingleOrDefault()
                : throw new NotTyped($"router '{router.Name}' names no service, and the container defines {ports.Count}"));
            if (target is not null && !router.Internal)
            {
                router.Port = ports.TryGetValue(target, out var port) ? port : throw new NotTyped($"router '{router.Name}' names service '{target}', which this container does not define");
                router.ServiceName = target;
                router.HealthPath = healthPaths.GetValueOrDefault(target);
            }
        }

        var unused = ports.Keys.Concat(healthPaths.Keys).Except(routers.Values.Select(r => r.ServiceName).OfType<string>()).FirstOrDefault();
        foreach (var router in layer4.Values)
        {
            router.Check();
        }

        return unused is null ? ([.. routers.Values], [.. defined.Values], [.. layer4.Values]) : throw new NotTyped($"service '{unused}' serves no router");
    }

    /// <summary>Variables as tokens, so a literal model's labels compare with the file's text (<see cref="MiddlewareLabelImporter.Tokens"/>).</summary>
    internal static string Tokens(string text) =>
        MiddlewareLabelImporter.Tokens(text) ?? throw new NotTyped("a label holds a '$' that is not a plain ${VARIABLE}");

    [GeneratedRegex(@"^traefik\.http\.routers\.(?<name>[A-Za-z0-9_-]+)\.(?<property>rule|entrypoints|tls\.certresolver|tls|middlewares|priority|service)\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RouterKey();

    [GeneratedRegex(@"^traefik\.http\.services\.(?<name>[A-Za-z0-9_-]+)\.loadbalancer\.server\.port\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PortKey();

    /// <summary>A TCP or UDP router's label, or its load balancer's port.</summary>
    [GeneratedRegex(@"^traefik\.(?<protocol>tcp|udp)\.(?<kind>routers|services)\.(?<name>[A-Za-z0-9_-]+)\.(?<property>rule|entrypoints|tls\.passthrough|tls\.certresolver|service|loadbalancer\.server\.port)\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Layer4Key();

    [GeneratedRegex(@"^traefik\.http\.services\.(?<name>[A-Za-z0-9_-]+)\.loadbalancer\.healthcheck\.path\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HealthPathKey();
}
