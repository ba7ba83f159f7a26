using System.Globalization;
using System.Text.RegularExpressions;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Traefik;

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

    /// <summary>Variables as tokens, so a literal model's labels compare with the file's text.</summary>
    private static string Tokens(string text)
    {
        var tokens = VariableReference().Replace(text, m => $"@@{m.Groups[1].Value}@@");
        return tokens.Contains('$', StringComparison.Ordinal) ? throw new NotTyped("a label holds a '$' that is not a plain ${VARIABLE}") : tokens;
    }

    [GeneratedRegex(@"^traefik\.http\.routers\.(?<name>[A-Za-z0-9_-]+)\.(?<property>rule|entrypoints|tls\.certresolver|tls|middlewares|priority|service)\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RouterKey();

    [GeneratedRegex(@"^traefik\.http\.services\.(?<name>[A-Za-z0-9_-]+)\.loadbalancer\.server\.port\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PortKey();

    /// <summary>A TCP or UDP router's label, or its load balancer's port.</summary>
    [GeneratedRegex(@"^traefik\.(?<protocol>tcp|udp)\.(?<kind>routers|services)\.(?<name>[A-Za-z0-9_-]+)\.(?<property>rule|entrypoints|tls\.passthrough|tls\.certresolver|service|loadbalancer\.server\.port)\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Layer4Key();

    [GeneratedRegex(@"^traefik\.http\.services\.(?<name>[A-Za-z0-9_-]+)\.loadbalancer\.healthcheck\.path\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HealthPathKey();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex VariableReference();

    /// <summary>The rule grammar the DSL builds: matchers with one backticked argument, joined by one kind of operator.</summary>
    [GeneratedRegex(@"^(?<matcher>Host|PathPrefix|Path)\(`(?<argument>[^`]*)`\)(\s+(?<operator>&&|\|\|)\s+|\z)", RegexOptions.CultureInvariant)]
    private static partial Regex RuleMatcher();

    private sealed class NotTyped(string why) : Exception(why);

    private sealed class ImportedRouter(string name, IReadOnlyDictionary<string, MiddlewareLabelImporter.ImportedMiddleware> typed)
    {
        private readonly List<(string Name, string Provider)> _middlewares = [];
        private readonly List<string> _entryPoints = [];
        private string? _rule;
        private string? _resolver;
        private bool _tls;
        private int? _priority;

        public string Name => name;

        public string? ServiceName { get; set; }

        public bool Internal { get; private set; }

        public int? Port { get; set; }

        /// <summary>The load balancer's health check path, when its labels give one.</summary>
        public string? HealthPath { get; set; }

        public void Set(string property, string value)
        {
            switch (property)
            {
                case "rule":
                    _rule = value;
                    break;
                case "tls.certresolver":
                    _resolver = value.Contains('$', StringComparison.Ordinal) ? throw new NotTyped("a certificate resolver's name holds a variable") : value;
                    break;
                case "tls":
                    _tls = value == "true" ? true : throw new NotTyped($"router '{name}' has tls: {value}");
                    break;
                case "entrypoints":
                    _entryPoints.AddRange(value.Contains('$', StringComparison.Ordinal)
                        ? throw new NotTyped($"router '{name}' names its entrypoints with a variable")
                        : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "priority":
                    _priority = int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var priority) ? priority : throw new NotTyped($"router '{name}' has a priority that is not a number");
                    break;
                case "middlewares":
                    foreach (var reference in value.Split(',', StringSplitOptions.TrimEntries))
                    {
                        // Without @provider, Traefik looks in the router's own provider: a middleware defined by labels the importer does not type.
                        var at = reference.IndexOf('@', StringComparison.Ordinal);
                        _middlewares.Add(at > 0 && !reference.Contains('$', StringComparison.Ordinal)
                            ? (reference[..at], reference[(at + 1)..])
                            : throw new NotTyped($"middleware '{reference}' names no provider (name@file, name@docker)"));
                    }

                    break;
                case "service" when value.EndsWith("@internal", StringComparison.Ordinal):
                    ServiceName = value;
                    Internal = true;
                    break;
                case "service":
                    ServiceName = value.Contains('@', StringComparison.Ordinal) || value.Contains('$', StringComparison.Ordinal)
                        ? throw new NotTyped($"router '{name}' names service '{value}' of another provider")
                        : value;
                    break;
            }
        }

        /// <summary>The router with literal text (variables as tokens), for the proof.</summary>
        public Router Model()
        {
            var router = new Router(name);
            router = _rule is null ? router : router.WithRule(RuleModel(Tokens(_rule)));
            router = _resolver is null ? router : router.WithTls(new CertResolver(_resolver));
            router = _tls ? router.WithTls() : router;
            router = _priority is { } priority ? router.WithPriority(priority) : router;
            router = _entryPoints.Count == 0 ? router : router.OnlyOnEntryPoints(_entryPoints.Select(e => new EntryPoint(e, CSharpCode.EntryPointPort(e) ?? 0)));
            router = _middlewares.Count == 0 ? router : router.WithMiddlewares(_middlewares.Select(m => Typed(m) is { } known ? known.Model : new ExternalMiddleware(m.Name, m.Provider)));
            return Target() is { } target ? router.WithService(target) : router;
        }

        /// <summary>The same router as C#.</summary>
        public string Code(CSharpCode code)
        {
            var calls = new List<string> { $"new Router({CSharpCode.Literal(name)})" };
            if (_rule is not null)
            {
                calls.Add($".WithRule({RuleCode(_rule, code)})");
            }

            if (_resolver is not null)
            {
                calls.Add($".WithTls(new CertResolver({CSharpCode.Literal(_resolver)}))");
            }

            if (_tls)
            {
                calls.Add(".WithTls()");
            }

            if (_priority is { } priority)
            {
                calls.Add($".WithPriority({priority.ToString(CultureInfo.InvariantCulture)})");
            }

            if (_entryPoints.Count > 0)
            {
                calls.Add($".OnlyOnEntryPoints({string.Join(", ", _entryPoints.Select(code.EntryPoint))})");
            }

            if (_middlewares.Count > 0)
            {
                calls.Add($".WithMiddlewares({string.Join(", ", _middlewares.Select(m => Typed(m) is not null ? code.Naming.Middleware(m.Name) : $"new ExternalMiddleware({CSharpCode.Literal(m.Name)}, {CSharpCode.Literal(m.Provider)})"))})");
            }

            if (Internal)
            {
                calls.Add($".WithService(TraefikService.{Pascal(ServiceName![..ServiceName!.IndexOf('@', StringComparison.Ordinal)])})");
            }
            else if (Port is { } port)
            {
                calls.Add(ServiceName == name && HealthPath is null
                    ? $".WithPort({port.ToString(CultureInfo.InvariantCulture)})"
                    : $".WithService(new TraefikService({CSharpCode.Literal(ServiceName!)}, {port.ToString(CultureInfo.InvariantCulture)}){(HealthPath is { } path ? $".WithHealthCheck({CSharpCode.Literal(path)})" : string.Empty)})");
            }

            // One call a line, under the router, as a person writes a chain.
            return $".WithRouter({string.Join("\n            ", calls)})";
        }

        /// <summary>The typed middleware a reference names: one the stack's labels define (<c>name@docker</c>).</summary>
        private MiddlewareLabelImporter.ImportedMiddleware? Typed((string Name, string Provider) reference) =>
            reference.Provider == "docker" && typed.TryGetValue(reference.Name, out var middleware) ? middleware : null;

        private TraefikService? Target() => Internal
            ? ServiceName switch
            {
                "api@internal" => TraefikService.Api,
                "noop@internal" => TraefikService.Noop,
                "ping@internal" => TraefikService.Ping,
                "prometheus@internal" => TraefikService.Prometheus,
                _ => throw new NotTyped($"router '{name}' names '{ServiceName}', an internal service the DSL does not name"),
            }
            : Port is { } port ? (HealthPath is { } path ? new TraefikService(ServiceName!, port).WithHealthCheck(path) : new TraefikService(ServiceName!, port)) : null;

        private static string Pascal(string word) => char.ToUpperInvariant(word[0]) + word[1..];

        /// <summary>The rule's matchers and the one operator joining them; null for a rule outside the DSL's grammar (taken whole, <c>new RouterRule(...)</c>).</summary>
        private static (List<(string Matcher, string Argument)> Matchers, string Joiner)? Grammar(string text)
        {
            var matchers = new List<(string Matcher, string Argument)>();
            var operators = new HashSet<string>(StringComparer.Ordinal);
            var rest = text.Trim();
            var open = true;
            while (rest.Length > 0 && open && RuleMatcher().Match(rest) is { Success: true } match)
            {
                matchers.Add((match.Groups["matcher"].Value, match.Groups["argument"].Value));
                open = match.Groups["operator"].Success;
                if (open)
                {
                    operators.Add(match.Groups["operator"].Value);
                }

                rest = rest[match.Length..];
            }

            return rest.Length > 0 || matchers.Count == 0 || open || operators.Count > 1
                ? null
                : (matchers, operators.Contains("||") ? "Or" : "And");
        }

        private static RouterRule RuleModel(string text)
        {
            if (Grammar(text) is not { } grammar)
            {
                return new RouterRule(text);
            }

            var rules = grammar.Matchers.Select(m => m.Matcher switch
            {
                "Host" => RouterRule.Host(m.Argument),
                "PathPrefix" => RouterRule.PathPrefix(m.Argument),
                _ => RouterRule.Path(m.Argument),
            });
            return rules.Aggregate((all, one) => grammar.Joiner == "Or" ? all.Or(one) : all.And(one));
        }

        private static string RuleCode(string text, CSharpCode code)
        {
            if (Grammar(text) is not { } grammar)
            {
                return $"new RouterRule({code.ComposeText(text)})";
            }

            var matchers = grammar.Matchers.Select(m => $"RouterRule.{m.Matcher}({code.ComposeText(m.Argument)})").ToList();
            return matchers[0] + string.Concat(matchers.Skip(1).Select(m => $".{grammar.Joiner}({m})"));
        }
    }

    /// <summary>
    /// A TCP router (HostSNI, passthrough or a resolver) or a UDP router, as the DSL writes them:
    /// each its own load balancer, named as the router, with the container's port.
    /// </summary>
    private sealed class Layer4Router(string protocol, string name)
    {
        private readonly List<string> _entryPoints = [];
        private string? _host;
        private bool _passthrough;
        private string? _resolver;
        private int? _port;

        public void Set(string kind, string property, string value)
        {
            if (value.Contains('$', StringComparison.Ordinal))
            {
                throw new NotTyped($"{protocol.ToUpperInvariant()} router '{name}' holds a variable in its {property}");
            }

            switch ((kind, property))
            {
                case ("routers", "rule") when protocol == "tcp" && HostSni().Match(value) is { Success: true } sni:
                    _host = sni.Groups["host"].Value;
                    break;
                case ("routers", "entrypoints"):
                    _entryPoints.AddRange(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                    break;
                case ("routers", "tls.passthrough") when protocol == "tcp" && value == "true":
                    _passthrough = true;
                    break;
                case ("routers", "tls.certresolver") when protocol == "tcp":
                    _resolver = value;
                    break;
                case ("routers", "service") when value == name:
                    break;
                case ("services", "loadbalancer.server.port") when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port):
                    _port = port;
                    break;
                default:
                    throw new NotTyped($"{protocol.ToUpperInvariant()} router '{name}' has {property} '{value}', which the importer does not translate");
            }
        }

        /// <summary>The DSL names the load balancer as the router and needs its port.</summary>
        public void Check()
        {
            if (_port is null)
            {
                throw new NotTyped($"{protocol.ToUpperInvariant()} router '{name}' has no load balancer port of its own name");
            }
        }

        public Service AddTo(Service service)
        {
            var entryPoints = _entryPoints.Select(e => new EntryPoint(e, CSharpCode.EntryPointPort(e) ?? 0));
            if (protocol == "udp")
            {
                return service.WithUdpRouter(new UdpRouter(name, _port!.Value).WithEntryPoints(entryPoints));
            }

            var router = new TcpRouter(name, _port!.Value).WithEntryPoints(entryPoints);
            router = _host is null ? router : router.ForHost(_host);
            router = _passthrough ? router.WithTlsPassthrough() : router;
            return service.WithTcpRouter(_resolver is null ? router : router.WithTls(new CertResolver(_resolver)));
        }

        public string Code(CSharpCode code)
        {
            var type = protocol == "udp" ? "UdpRouter" : "TcpRouter";
            var calls = new List<string> { $"new {type}({CSharpCode.Literal(name)}, {_port!.Value.ToString(CultureInfo.InvariantCulture)})" };
            if (_host is not null)
            {
                calls.Add($".ForHost({CSharpCode.Literal(_host)})");
            }

            if (_entryPoints.Count > 0)
            {
                calls.Add($".WithEntryPoints({string.Join(", ", _entryPoints.Select(code.EntryPoint))})");
            }

            if (_passthrough)
            {
                calls.Add(".WithTlsPassthrough()");
            }

            if (_resolver is not null)
            {
                calls.Add($".WithTls(new CertResolver({CSharpCode.Literal(_resolver)}))");
            }

            return $".With{type}({string.Join("\n            ", calls)})";
        }
    }

    [GeneratedRegex(@"^HostSNI\(`(?<host>[^`]+)`\)\z", RegexOptions.CultureInvariant)]
    private static partial Regex HostSni();
}
