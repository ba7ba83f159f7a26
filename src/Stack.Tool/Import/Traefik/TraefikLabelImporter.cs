using System.Globalization;
using System.Text.RegularExpressions;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;

namespace Stack.Tool.Import;

/// <summary>
/// A service's Traefik labels (docker provider) as typed routers, middlewares and the Traefik
/// network, one router at a time: each router whose labels the model holds is typed, and only the
/// labels it cannot hold stay labels, each with the one reason. Proven, by meaning: the typed part
/// written back by the library, with the labels kept, must mean to Traefik what the file's labels
/// mean (<see cref="LabelMeaning"/>); otherwise every label stays, with the difference named.
/// </summary>
internal static partial class TraefikLabelImporter
{
    /// <summary>The typed calls, the label keys they replace, and each label kept with the one reason Traefik would read the typed form differently.</summary>
    public sealed record Translation(IReadOnlyList<string> Calls, IReadOnlySet<string> Keys, IReadOnlyDictionary<string, string> Kept)
    {
        /// <summary>Typed routers (HTTP, TCP, UDP) and middlewares this service's labels define.</summary>
        public int TypedRouters { get; init; }

        /// <summary>Typed middleware definitions.</summary>
        public int TypedMiddlewares { get; init; }
    }

    /// <param name="labels">The service's labels.</param>
    /// <param name="code">Names and text of the code being written.</param>
    /// <param name="middlewares">The typed middlewares the stack's labels define (<see cref="MiddlewareLabelImporter.Candidates"/>).</param>
    /// <param name="service">The service whose labels these are.</param>
    /// <param name="networks">The networks a <c>traefik.docker.network</c> label may name.</param>
    public static Translation Translate(
        IReadOnlyList<(string Key, string Value)> labels, CSharpCode code, IReadOnlyDictionary<string, MiddlewareLabelImporter.ImportedMiddleware> middlewares, string service, TraefikNetworks? networks = null)
    {
        var traefik = labels.Where(l => l.Key.StartsWith("traefik.", StringComparison.OrdinalIgnoreCase)).ToList();
        var empty = new Translation([], new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal));
        if (traefik.Count == 0)
        {
            return empty;
        }

        // traefik.enable=false hides the container from Traefik: typed routers would show it.
        if (traefik.FirstOrDefault(l => l.Key.Equals("traefik.enable", StringComparison.OrdinalIgnoreCase)) is { Key: { } enable } disabled
            && !disabled.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return empty with { Kept = traefik.ToDictionary(l => l.Key, l => l.Key == enable
                ? $"it is '{disabled.Value}', so Traefik ignores this container, and Stack writes traefik.enable=true with any typed router"
                : $"'{enable}' hides this container from Traefik", StringComparer.Ordinal) };
        }

        var read = new LabelSet(traefik, middlewares, service, code.Naming, networks ?? TraefikNetworks.None);
        if (read.Routers.Count == 0 && read.Defined.Count == 0 && read.Layer4.Count == 0)
        {
            return empty with { Kept = read.Kept };
        }

        // The proof compares variables as tokens: a '$' that is no variable compose reads on its own
        // (a nested default, a cut reference) has no token, so the labels cannot be proven and all stay.
        if (traefik.FirstOrDefault(l => MiddlewareLabelImporter.Tokens(l.Value, escaped: true) is null) is { Key: { } unreadable })
        {
            return empty with { Kept = new Dictionary<string, string>(StringComparer.Ordinal) { [unreadable] = "it holds a '$' that is not a variable compose reads on its own (a nested default, say), so this service's Traefik labels all stay labels" } };
        }

        // The proof: typed labels as the library writes them, plus the labels kept, mean what the file's labels mean.
        // The kept labels' keys ride along: the library decides what to name from them too (a second service).
        var proof = read.Kept.Keys.Aggregate(new Service("proof"), (made, key) => made.WithLabel(key, "kept")).WithMiddlewareLabels(read.Defined.Select(m => m.Model));
        proof = read.Layer4.Aggregate(proof, (made, router) => router.AddTo(made));
        proof = read.Routers.Aggregate(proof, (made, router) => made.WithRouter(router.Model()));
        var written = TraefikLabels.For(proof).Select(l => (l.Key, l.Value.ToCompose()))
            .Concat(traefik.Where(l => read.Kept.ContainsKey(l.Key)).Select(l => (l.Key, Tokens(l.Value, escaped: true))));
        // The typed network is written by the generator (its real name), not by the routers.
        var expected = traefik.Where(l => read.Network is null || !l.Key.Equals("traefik.docker.network", StringComparison.OrdinalIgnoreCase)).Select(l => (l.Key, Tokens(l.Value, escaped: true)));
        if (LabelMeaning.FirstDifference(LabelMeaning.Of(written), LabelMeaning.Of(expected)) is { } difference)
        {
            var first = traefik.Select(l => l.Key).Order(StringComparer.Ordinal).First();
            return empty with { Kept = new Dictionary<string, string>(StringComparer.Ordinal) { [first] = $"the typed routers would make Traefik read '{difference}' differently, so this service's Traefik labels all stay labels" } };
        }

        var calls = new List<string>();
        if (read.Defined.Count > 0)
        {
            calls.Add($".WithMiddlewareLabels({string.Join(", ", read.Defined.Select(m => code.Naming.Middleware(m.Name)))})");
        }

        calls.AddRange(read.Network is { } network ? [$".WithTraefikNetwork({network})"] : []);
        calls.AddRange(read.Routers.Select(r => r.Code(code)).Concat(read.Layer4.Select(r => r.Code(code))));
        var keys = traefik.Select(l => l.Key).Where(k => !read.Kept.ContainsKey(k)).ToHashSet(StringComparer.Ordinal);
        return new Translation(calls, keys, read.Kept) { TypedRouters = read.Routers.Count + read.Layer4.Count, TypedMiddlewares = read.Defined.Count };
    }

    /// <summary>Variables as tokens, so a literal model's labels compare with the file's text (<see cref="MiddlewareLabelImporter.Tokens"/>).</summary>
    internal static string Tokens(string text, bool escaped = false) =>
        MiddlewareLabelImporter.Tokens(text, escaped) ?? throw new NotTyped("it holds a '$' that is not a variable compose reads on its own (a nested default, say)");

    /// <summary>One service's Traefik labels, read: what types, and each label that stays with its reason.</summary>
    private sealed class LabelSet
    {
        public LabelSet(List<(string Key, string Value)> labels, IReadOnlyDictionary<string, MiddlewareLabelImporter.ImportedMiddleware> middlewares, string service, Naming naming, TraefikNetworks networks)
        {
            var routers = new Dictionary<string, (ImportedRouter Router, List<string> Keys)>(StringComparer.Ordinal);
            var balancers = new Dictionary<string, LoadBalancer>(StringComparer.Ordinal);
            var layer4 = new Dictionary<(string Protocol, string Name), (Layer4Router Router, List<string> Keys)>();
            var defined = new Dictionary<string, MiddlewareLabelImporter.ImportedMiddleware>(StringComparer.Ordinal);
            var failed = new Dictionary<string, (string Key, string Why)>(StringComparer.Ordinal);
            string? enable = null;
            foreach (var (key, value) in labels)
            {
                if (key.Equals("traefik.enable", StringComparison.OrdinalIgnoreCase))
                {
                    enable = key;
                }
                else if (key.Equals("traefik.docker.network", StringComparison.OrdinalIgnoreCase))
                {
                    Network = networks.Find(service, value.Trim(), out var why);
                    if (Network is null)
                    {
                        Kept[key] = why;
                    }
                }
                else if (RouterKey().Match(key) is { Success: true } router)
                {
                    var name = router.Groups["name"].Value;
                    var entry = routers.TryGetValue(name, out var found) ? found : routers[name] = (new ImportedRouter(name, middlewares, naming), []);
                    entry.Keys.Add(key);
                    Try($"http router {name}", key, () => entry.Router.Set(router.Groups["property"].Value.ToLowerInvariant(), value));
                }
                else if (ServiceKey().Match(key) is { Success: true } balancer)
                {
                    var name = balancer.Groups["name"].Value;
                    var entry = balancers.TryGetValue(name, out var found) ? found : balancers[name] = new LoadBalancer(name);
                    entry.Keys.Add(key);
                    Try($"http service {name}", key, () => entry.Set(balancer.Groups["property"].Value.ToLowerInvariant(), value));
                }
                else if (Layer4Key().Match(key) is { Success: true } l4)
                {
                    var id = (l4.Groups["protocol"].Value.ToLowerInvariant(), l4.Groups["name"].Value);
                    var entry = layer4.TryGetValue(id, out var known) ? known : layer4[id] = (new Layer4Router(id.Item1, id.Item2), []);
                    entry.Keys.Add(key);
                    Try($"{id.Item1} router {id.Item2}", key, () => entry.Router.Set(l4.Groups["kind"].Value.ToLowerInvariant(), l4.Groups["property"].Value.ToLowerInvariant(), value));
                }
                else if (MiddlewareLabelImporter.IsDefinition(key))
                {
                    var name = MiddlewareLabelImporter.NameIn(key);
                    if (middlewares.TryGetValue(name, out var middleware) && middleware.Owner == service)
                    {
                        defined[name] = middleware;
                    }
                    else
                    {
                        Kept[key] = middlewares.TryGetValue(name, out var other)
                            ? $"service '{other.Owner}' defines a middleware of the same name, which Traefik reads as one"
                            : $"the DSL has no typed middleware with exactly middleware '{name}''s options";
                    }
                }
                else
                {
                    Kept[key] = "the DSL has no typed form of this label";
                }

                void Try(string unit, string at, Action set)
                {
                    try
                    {
                        set();
                    }
                    catch (NotTyped notTyped)
                    {
                        failed.TryAdd(unit, (at, notTyped.Message));
                    }
                }
            }

            // Traefik pairs a router without a service label with the container's only service.
            foreach (var (name, (router, keys)) in routers)
            {
                if (failed.ContainsKey($"http router {name}"))
                {
                    continue;
                }

                try
                {
                    router.Check();
                }
                catch (NotTyped notTyped)
                {
                    failed[$"http router {name}"] = (keys.First(k => k.Contains(".tls.domains[", StringComparison.OrdinalIgnoreCase)), notTyped.Message);
                    continue;
                }

                var target = router.ServiceName ?? (balancers.Count == 1 ? balancers.Keys.Single() : null);
                if (router.ServiceName is null && balancers.Count > 1)
                {
                    failed[$"http router {name}"] = (keys[0], $"router '{name}' names no service, and the container defines {balancers.Count}, which Traefik refuses");
                }
                else if (target is not null && !router.Internal)
                {
                    if (!balancers.TryGetValue(target, out var balancer))
                    {
                        failed[$"http router {name}"] = (keys[0], $"router '{name}' names service '{target}', which this container does not define");
                    }
                    else if (failed.TryGetValue($"http service {target}", out var why))
                    {
                        failed[$"http router {name}"] = (keys[0], $"router '{name}' forwards to service '{target}', which stays labels ({why.Key})");
                    }
                    else if (balancer.Port is null)
                    {
                        failed[$"http router {name}"] = (balancer.Keys[0], $"service '{target}' has no port label, and the DSL's typed service needs one");
                    }
                    else
                    {
                        router.ServiceName = target;
                        router.Port = balancer.Port;
                        router.Balancer = balancer.Options.Checked();
                        balancer.Used = true;
                    }
                }
            }

            foreach (var (id, (router, _)) in layer4)
            {
                try
                {
                    router.Check();
                }
                catch (NotTyped notTyped)
                {
                    failed.TryAdd($"{id.Protocol} router {id.Name}", (layer4[id].Keys[0], notTyped.Message));
                }
            }

            // Each unit that stays: its offending label with the reason, its other labels pointing there.
            foreach (var (name, (_, keys)) in routers)
            {
                Keep($"http router {name}", keys, $"router '{name}'");
            }

            foreach (var (id, (_, keys)) in layer4)
            {
                Keep($"{id.Protocol} router {id.Name}", keys, $"{id.Protocol.ToUpperInvariant()} router '{id.Name}'");
            }

            foreach (var (name, balancer) in balancers)
            {
                if (failed.ContainsKey($"http service {name}"))
                {
                    Keep($"http service {name}", balancer.Keys, $"service '{name}'");
                }
                else if (!balancer.Used)
                {
                    foreach (var key in balancer.Keys)
                    {
                        Kept[key] = $"service '{name}' serves no router typed here (Stack writes a load balancer with its router)";
                    }
                }
            }

            void Keep(string unit, List<string> keys, string what)
            {
                if (failed.TryGetValue(unit, out var why))
                {
                    foreach (var key in keys)
                    {
                        Kept[key] = key == why.Key ? why.Why : $"{what} stays labels because of '{why.Key}'";
                    }
                }
            }

            Routers = [.. routers.Where(r => !failed.ContainsKey($"http router {r.Key}")).Select(r => r.Value.Router)];
            Layer4 = [.. layer4.Where(r => !failed.ContainsKey($"{r.Key.Protocol} router {r.Key.Name}")).Select(r => r.Value.Router)];
            Defined = [.. defined.Values];

            // With nothing typed, traefik.enable stays with the labels it enables.
            if (enable is not null && Routers.Count == 0 && Layer4.Count == 0 && Defined.Count == 0)
            {
                Kept.TryAdd(enable, "no router or middleware of this service is typed, and Stack writes it only with one");
            }
        }

        public Dictionary<string, string> Kept { get; } = new(StringComparer.Ordinal);

        public string? Network { get; }

        public List<ImportedRouter> Routers { get; }

        public List<Layer4Router> Layer4 { get; }

        public List<MiddlewareLabelImporter.ImportedMiddleware> Defined { get; }
    }

    /// <summary>An HTTP load balancer read from labels: the options <see cref="Stack.Dsl.Traefik.TraefikService"/> holds.</summary>
    private sealed class LoadBalancer(string name)
    {
        public List<string> Keys { get; } = [];

        public int? Port { get; private set; }

        public bool Used { get; set; }

        /// <summary>Scheme, passHostHeader and the health check: what Traefik reads, as given (no added defaults).</summary>
        public ImportedBalancer Options { get; private set; } = new();

        public void Set(string property, string value)
        {
            var text = value.Trim();
            string Plain(string what) => text.Contains('$', StringComparison.Ordinal) ? throw new NotTyped($"the {what} holds a variable, and the DSL takes plain text there") : text;
            switch (property)
            {
                case "loadbalancer.server.port":
                    Port = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : throw new NotTyped($"service '{name}''s port is not a number (a variable, say), and the DSL takes one");
                    break;
                case "loadbalancer.server.scheme":
                    Options = Options with { Scheme = Plain("scheme").ToLowerInvariant() is "http" or "https" or "h2c" ? Plain("scheme") : throw new NotTyped($"the scheme '{text}' is not http, https or h2c") };
                    break;
                case "loadbalancer.passhostheader":
                    Options = Options with { PassHostHeader = bool.TryParse(text, out var pass) ? pass : throw new NotTyped($"passHostHeader '{text}' is not true or false") };
                    break;
                case "loadbalancer.healthcheck.path":
                    Options = Options with { HealthPath = Plain("health-check path") };
                    break;
                case "loadbalancer.healthcheck.interval":
                    Options = Options with { HealthInterval = ImportedBalancer.Duration(Plain("health-check interval")) };
                    break;
                case "loadbalancer.healthcheck.timeout":
                    Options = Options with { HealthTimeout = ImportedBalancer.Duration(Plain("health-check timeout")) };
                    break;
                default:
                    throw new NotTyped($"the DSL's typed service has no '{property}' written this way");
            }
        }
    }

    [GeneratedRegex(@"^traefik\.http\.routers\.(?<name>[A-Za-z0-9_-]+)\.(?<property>.+)\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RouterKey();

    [GeneratedRegex(@"^traefik\.http\.services\.(?<name>[A-Za-z0-9_-]+)\.(?<property>.+)\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ServiceKey();

    /// <summary>A TCP or UDP router's label, or its load balancer's.</summary>
    [GeneratedRegex(@"^traefik\.(?<protocol>tcp|udp)\.(?<kind>routers|services)\.(?<name>[A-Za-z0-9_-]+)\.(?<property>.+)\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Layer4Key();
}
