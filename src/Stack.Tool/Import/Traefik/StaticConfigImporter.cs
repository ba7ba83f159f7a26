using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;
using Stack.Dsl.Traefik;

namespace Stack.Tool.Import;

/// <summary>Traefik's static config as a <c>TraefikProxy</c>: the expression, and each entrypoint's exact declaration.</summary>
/// <param name="Expression">The <c>new TraefikProxy(...)</c> expression, one call a line.</param>
/// <param name="EntryPoints">Each entrypoint's C#, by name, in an order where a redirect's target comes first.</param>
internal sealed record ImportedProxy(string Expression, IReadOnlyList<(string Name, string Code)> EntryPoints);

/// <summary>
/// Reads a Traefik static config file (the one a service bind-mounts) into a typed
/// <c>TraefikProxy</c>, key by key, keeping Traefik's own default wherever the file is silent
/// (so the proxy Stack writes means what the file meant). A key outside what it reads (the file
/// provider, plugins, tracing, ...) keeps the whole file as it was: <see cref="NotTyped"/> says which.
/// </summary>
internal static class StaticConfigImporter
{
    /// <summary>The top-level keys of a Traefik static config, to tell one from a compose file.</summary>
    private static readonly string[] StaticKeys = ["entryPoints", "providers", "certificatesResolvers", "api", "ping", "log", "accessLog", "global", "metrics", "serversTransport"];

    /// <summary>TraefikProxy's defaults, as C#: a setting equal to one is not written.</summary>
    private static readonly Dictionary<string, string> DslDefaults = new(StringComparer.Ordinal)
    {
        ["CheckNewVersion"] = "false", ["SendAnonymousUsage"] = "false", ["LogLevel"] = "\"INFO\"", ["LogFormat"] = "\"common\"",
        ["Dashboard"] = "false", ["ApiOnInternalPort"] = "false", ["Ping"] = "true", ["ExposedByDefault"] = "false",
    };

    public static bool IsStaticConfig(YamlMappingNode root) =>
        root.Children.Keys.OfType<YamlScalarNode>().Any(k => StaticKeys.Contains(k.Value, StringComparer.OrdinalIgnoreCase))
        && !root.Children.ContainsKey(new YamlScalarNode("services"));

    /// <param name="config">The static config.</param>
    /// <param name="service">How the code names the Traefik service.</param>
    /// <param name="mountTarget">Where the service mounts the file.</param>
    /// <param name="networkByRealName">The stack's networks by the name Docker gives them, with how the code names them.</param>
    /// <param name="code">Declares the entrypoints.</param>
    public static ImportedProxy Translate(YamlMappingNode config, string service, string mountTarget, IReadOnlyDictionary<string, string> networkByRealName, CSharpCode code)
    {
        var file = new Keys(config, string.Empty);
        var init = new List<string>();
        void Set(string property, string value)
        {
            // Only what differs from TraefikProxy's own defaults is written.
            if (!DslDefaults.TryGetValue(property, out var fallback) || fallback != value)
            {
                init.Add($"{property} = {value}");
            }
        }

        // Traefik's defaults where the file is silent; the DSL's defaults differ for some.
        if (file.Child("global") is { } global)
        {
            Set("CheckNewVersion", global.Bool("checkNewVersion", fallback: true));
            Set("SendAnonymousUsage", global.Bool("sendAnonymousUsage", fallback: false));
        }
        else
        {
            Set("CheckNewVersion", "true");
        }

        var log = file.Child("log");
        Set("LogLevel", CSharpCode.Literal((log?.Text("level") ?? "ERROR").ToUpperInvariant()));
        var format = log?.Text("format") ?? "common";
        Set("LogFormat", CSharpCode.Literal(format));
        if (log?.Text("filePath") is { } logFile)
        {
            Set("LogFilePath", CSharpCode.Literal(logFile));
        }

        if (file.Child("accessLog", allowEmpty: true) is { } access)
        {
            Set("AccessLog", "true");
            if ((access.Text("format") ?? "common") != format)
            {
                throw new NotTyped("accessLog.format differs from log.format, and Stack writes one format for both");
            }

            if (access.Text("filePath") is { } accessFile)
            {
                Set("AccessLogFilePath", CSharpCode.Literal(accessFile));
            }
        }

        if (file.Child("api", allowEmpty: true) is { } api)
        {
            Set("Dashboard", api.Bool("dashboard", fallback: true));
            Set("ApiOnInternalPort", api.Bool("insecure", fallback: false));
        }

        Set("Ping", file.Child("ping", allowEmpty: true) is not null ? "true" : "false");
        if (file.Child("serversTransport") is { } transport && transport.Bool("insecureSkipVerify", fallback: false) == "true")
        {
            Set("ServersInsecureSkipVerify", "true");
        }

        var entryPoints = EntryPoints(file.Child("entryPoints"), code);
        if (file.Child("metrics")?.Child("prometheus", allowEmpty: true) is { } prometheus)
        {
            Set("PrometheusMetrics", "true");
            foreach (var label in new[] { "addEntryPointsLabels", "addServicesLabels" })
            {
                if (prometheus.Bool(label, fallback: true) != "true")
                {
                    throw new NotTyped($"metrics.prometheus.{label} is false, and Stack always adds those labels");
                }
            }

            if (prometheus.Text("entryPoint") is { } metricsEntryPoint)
            {
                Set("MetricsEntryPoint", code.EntryPoint(metricsEntryPoint));
            }
        }

        var network = Providers(file.Child("providers") ?? throw new NotTyped("it has no providers, and a TraefikProxy watches Docker"), networkByRealName, Set);
        if (mountTarget != TraefikProxy.DefaultStaticConfigPath)
        {
            Set("StaticConfigPath", CSharpCode.Literal(mountTarget));
        }

        var resolvers = Resolvers(file.Child("certificatesResolvers"), code);
        file.RefuseUnread();

        var expression = new StringBuilder($"new TraefikProxy({service}, {network}){(init.Count > 0 ? $" {{ {string.Join(", ", init)} }}" : string.Empty)}");
        if (entryPoints.Count > 0)
        {
            expression.Append($"\n.WithEntryPoints({string.Join(", ", entryPoints.Select(e => code.EntryPoint(e.Name)))})");
        }

        if (resolvers.Count > 0)
        {
            expression.Append($"\n.WithCertResolvers({string.Join(", ", resolvers)})");
        }

        return new ImportedProxy(expression.ToString(), entryPoints);
    }

    private static string Providers(Keys providers, IReadOnlyDictionary<string, string> networkByRealName, Action<string, string> set)
    {
        var docker = providers.Child("docker", allowEmpty: true);
        var swarm = providers.Child("swarm", allowEmpty: true);
        if (providers.Has("file"))
        {
            throw new NotTyped("providers.file: Stack writes the file provider's config itself, and this importer does not read yours");
        }

        var engine = (docker, swarm) switch
        {
            ({ } d, null) => d,
            (null, { } s) => s,
            _ => throw new NotTyped("it needs exactly one of providers.docker and providers.swarm"),
        };
        if (swarm is not null)
        {
            set("Swarm", "true");
        }
        else if (engine.Bool("watch", fallback: true) != "true")
        {
            throw new NotTyped("providers.docker.watch is false, and Stack's Traefik watches Docker");
        }

        if (engine.Text("endpoint") is { } endpoint)
        {
            set("DockerEndpoint", CSharpCode.Literal(endpoint));
        }

        set("ExposedByDefault", engine.Bool("exposedByDefault", fallback: true));
        var network = engine.Text("network") ?? throw new NotTyped("providers.docker.network is not set, and a TraefikProxy names the network it reaches containers on");
        return networkByRealName.TryGetValue(network, out var identifier)
            ? identifier
            : throw new NotTyped($"providers.docker.network '{network}' is none of the stack's networks (compose names them PROJECT_NAME unless they set name:)");
    }

    /// <summary>Each entrypoint's declaration, redirect targets first.</summary>
    private static List<(string Name, string Code)> EntryPoints(Keys? entryPoints, CSharpCode code)
    {
        var declared = new List<(string Name, string Code, string? Target)>();
        foreach (var name in entryPoints?.Names() ?? [])
        {
            var entry = entryPoints!.Child(name)!;
            var address = entry.Text("address") ?? throw new NotTyped($"entryPoints.{name} has no address");
            var udp = address.EndsWith("/udp", StringComparison.OrdinalIgnoreCase);
            var portText = (udp ? address[..^4] : address.EndsWith("/tcp", StringComparison.OrdinalIgnoreCase) ? address[..^4] : address).TrimStart(':');
            if (!address.StartsWith(':') || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                throw new NotTyped($"entryPoints.{name}.address '{address}' is not :PORT[/udp] (Stack's entrypoints listen on every address)");
            }

            var calls = new StringBuilder($"new EntryPoint({CSharpCode.Literal(name)}, {port})");
            var init = new List<string>();
            if (udp)
            {
                init.Add("Udp = true");
            }

            if (entry.Child("http3", allowEmpty: true) is not null)
            {
                init.Add("Http3 = true");
            }

            if (entry.Child("proxyProtocol")?.Strings("trustedIPs") is { } proxied)
            {
                init.Add($"ProxyProtocolTrustedIps = [{string.Join(", ", proxied.Select(CSharpCode.Literal))}]");
            }

            if (entry.Child("transport")?.Child("respondingTimeouts") is { } timeouts)
            {
                foreach (var (key, property) in new[] { ("readTimeout", "ReadTimeout"), ("writeTimeout", "WriteTimeout"), ("idleTimeout", "IdleTimeout") })
                {
                    if (timeouts.Node(key) is { } duration)
                    {
                        init.Add($"{property} = {ServiceImporter.TraefikDuration(Nodes.Scalar(duration, key), duration)}");
                    }
                }
            }

            if (init.Count > 0)
            {
                calls.Append(" { ").Append(string.Join(", ", init)).Append(" }");
            }

            if (entry.Bool("asDefault", fallback: false) == "true")
            {
                calls.Append(".AsDefault()");
            }

            string? target = null;
            var http = entry.Child("http");
            if (http?.Child("redirections")?.Child("entryPoint") is { } redirect)
            {
                target = redirect.Text("to") ?? throw new NotTyped($"entryPoints.{name}.http.redirections.entryPoint has no to");
                if ((redirect.Text("scheme") ?? "https") != "https" || redirect.Bool("permanent", fallback: true) != "true")
                {
                    throw new NotTyped($"entryPoints.{name} redirects other than permanently to https, and Stack's redirect is that");
                }

                calls.Append($".RedirectingTo({code.EntryPoint(target)})");
            }

            if (http?.Strings("middlewares") is { } middlewares)
            {
                calls.Append($".WithMiddlewares({string.Join(", ", middlewares.Select(Middleware))})");
            }

            if (entry.Child("forwardedHeaders")?.Strings("trustedIPs") is { } forwarders)
            {
                calls.Append($".TrustingForwardedHeadersFrom({string.Join(", ", forwarders.Select(CSharpCode.Literal))})");
            }

            code.EntryPoint(name);
            declared.Add((name, calls.ToString(), target));
        }

        // A redirect names its target's variable: the target is declared first.
        var ordered = new List<(string Name, string Code)>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < declared.Count)
        {
            var next = declared.FirstOrDefault(d => !placed.Contains(d.Name) && (d.Target is null || placed.Contains(d.Target) || declared.All(o => o.Name != d.Target)));
            if (next.Name is null)
            {
                throw new NotTyped("its entrypoints redirect in a circle");
            }

            if (next.Target is { } t && declared.All(o => o.Name != t))
            {
                throw new NotTyped($"an entrypoint redirects to '{t}', which the file does not define");
            }

            ordered.Add((next.Name, next.Code));
            placed.Add(next.Name);
        }

        return ordered;
    }

    /// <summary>An entrypoint middleware: defined by another provider (labels or Traefik itself); a file one would need the file provider.</summary>
    private static string Middleware(string reference)
    {
        var at = reference.LastIndexOf('@');
        return at > 0 && reference[(at + 1)..] is "docker" or "swarm" or "internal"
            ? $"new ExternalMiddleware({CSharpCode.Literal(reference[..at])}, {CSharpCode.Literal(reference[(at + 1)..])})"
            : throw new NotTyped($"the entrypoint middleware '{reference}' is not from the docker provider or Traefik itself");
    }

    private static List<string> Resolvers(Keys? resolvers, CSharpCode code)
    {
        var made = new List<string>();
        foreach (var name in resolvers?.Names() ?? [])
        {
            var acme = resolvers!.Child(name)?.Child("acme") ?? throw new NotTyped($"certificatesResolvers.{name} is not an ACME resolver");
            var init = new List<string> { $"Storage = {CSharpCode.Literal(acme.Text("storage") ?? "acme.json")}" };
            if (acme.Text("email") is { } email)
            {
                init.Add($"Email = {CSharpCode.Literal(email)}");
            }

            if (acme.Text("caServer") is { } caServer)
            {
                init.Add($"CaServer = {CSharpCode.Literal(caServer)}");
            }

            if (acme.Child("dnsChallenge") is { } dns)
            {
                init.Add($"DnsChallengeProvider = {CSharpCode.Literal(dns.Text("provider") ?? throw new NotTyped($"certificatesResolvers.{name}.acme.dnsChallenge has no provider"))}");
                if (dns.Strings("resolvers") is { } dnsResolvers)
                {
                    init.Add($"DnsResolvers = [{string.Join(", ", dnsResolvers.Select(CSharpCode.Literal))}]");
                }
            }

            if (acme.Child("tlsChallenge", allowEmpty: true) is not null)
            {
                init.Add("TlsChallenge = true");
            }

            if (acme.Child("httpChallenge")?.Text("entryPoint") is { } challenge)
            {
                init.Add($"HttpChallengeEntryPoint = {code.EntryPoint(challenge)}");
            }

            made.Add($"new CertResolver({CSharpCode.Literal(name)}) {{ {string.Join(", ", init)} }}");
        }

        return made;
    }

    /// <summary>
    /// A mapping read by key as Traefik reads them (any case), remembering what was read so that
    /// whatever was not is named (<see cref="RefuseUnread"/>) instead of dropped.
    /// </summary>
    private sealed class Keys(YamlMappingNode mapping, string path)
    {
        private readonly HashSet<string> read = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<Keys> children = [];

        public IEnumerable<string> Names() => mapping.Children.Keys.Select(k => Nodes.Scalar(k, "a Traefik key"));

        public bool Has(string key) => Find(key) is not null;

        public YamlNode? Node(string key)
        {
            var node = Find(key);
            if (node is not null)
            {
                read.Add(key);
            }

            return node;
        }

        public Keys? Child(string key, bool allowEmpty = false)
        {
            switch (Node(key))
            {
                case YamlMappingNode child:
                    var keys = new Keys(child, $"{path}{key}.");
                    children.Add(keys);
                    return keys;
                case YamlScalarNode scalar when allowEmpty && (Nodes.IsNull(scalar) || scalar.Value is "true" or "{}"):
                    return new Keys(new YamlMappingNode(), $"{path}{key}.");
                case null:
                    return null;
                default:
                    throw new NotTyped($"{path}{key} is not a mapping");
            }
        }

        public string? Text(string key) => Node(key) is { } node ? Nodes.Scalar(node, key) : null;

        public string Bool(string key, bool fallback) => Node(key) is { } node
            ? (Nodes.Bool(node, key) ? "true" : "false")
            : (fallback ? "true" : "false");

        public IReadOnlyList<string>? Strings(string key) => Node(key) is { } node ? [.. Nodes.Strings(node, key).Select(s => s.Value)] : null;

        /// <summary>Throws for the first key nothing read, here or below.</summary>
        public void RefuseUnread()
        {
            foreach (var name in Names())
            {
                if (!read.Contains(name))
                {
                    throw new NotTyped($"{path}{name} is not read by the importer");
                }
            }

            foreach (var child in children)
            {
                child.RefuseUnread();
            }
        }

        private YamlNode? Find(string key) =>
            mapping.Children.FirstOrDefault(e => e.Key is YamlScalarNode { Value: { } k } && string.Equals(k, key, StringComparison.OrdinalIgnoreCase)).Value;
    }
}
