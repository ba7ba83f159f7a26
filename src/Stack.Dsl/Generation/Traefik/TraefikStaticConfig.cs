using System.Globalization;
using Stack.Dsl.Traefik;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Generation.Traefik.TraefikText;
using static Stack.Dsl.Yaml.YamlValue;

namespace Stack.Dsl.Generation.Traefik;

/// <summary>
/// Traefik's static config (entrypoints, certificate resolvers, providers), in the order of
/// Traefik's reference file. Traefik reads one static source and no templates, so every value
/// here is literal (the proxy's settings are plain text and numbers, never variables).
/// </summary>
internal static class TraefikStaticConfig
{
    public static YamlMapping Build(TraefikProxy proxy, string projectName)
    {
        var top = new List<YamlEntry>
        {
            new("global", Map(E("checkNewVersion", Boolean(proxy.CheckNewVersion)), E("sendAnonymousUsage", Boolean(proxy.SendAnonymousUsage)))),
            new("log", Log(proxy.LogFilePath, E("level", Raw(proxy.LogLevel)), E("format", Raw(proxy.LogFormat)))),
        };
        if (proxy.AccessLog)
        {
            top.Add(new("accessLog", Log(proxy.AccessLogFilePath, E("format", Raw(proxy.LogFormat)))));
        }

        if (proxy.Dashboard || proxy.ApiOnInternalPort)
        {
            top.Add(new("api", Map(E("dashboard", Boolean(proxy.Dashboard)), E("insecure", Boolean(proxy.ApiOnInternalPort)))));
        }

        if (proxy.Ping)
        {
            top.Add(new("ping", YamlMapping.Empty));
        }

        if (proxy.PrometheusMetrics)
        {
            var prometheus = new List<YamlEntry> { E("addEntryPointsLabels", Boolean(true)), E("addServicesLabels", Boolean(true)) };
            if (proxy.MetricsEntryPoint is { } metrics)
            {
                prometheus.Add(E("entryPoint", Raw(metrics.Name)));
            }

            top.Add(new("metrics", Map(E("prometheus", new YamlMapping([.. prometheus])))));
        }

        if (!proxy.EntryPoints.IsEmpty)
        {
            top.Add(new("entryPoints", new YamlMapping([.. proxy.EntryPoints.Select(e => new YamlEntry(e.Name, EntryPoint(e)))])));
        }

        if (proxy.ServersInsecureSkipVerify)
        {
            top.Add(new("serversTransport", Map(E("insecureSkipVerify", Boolean(true)))));
        }

        if (!proxy.CertResolvers.IsEmpty)
        {
            top.Add(new("certificatesResolvers", new YamlMapping([.. proxy.CertResolvers.Select(r => new YamlEntry(r.Name, Map(E("acme", Acme(r)))))])));
        }

        var engine = new List<YamlEntry>();
        if (proxy.DockerEndpoint is { } endpoint)
        {
            engine.Add(E("endpoint", Raw(endpoint)));
        }

        if (!proxy.Swarm)
        {
            engine.Add(E("watch", Boolean(true)));
        }

        engine.Add(E("exposedByDefault", Boolean(proxy.ExposedByDefault)));
        engine.Add(E("network", Raw(StackResources.RealName(proxy.Network, projectName))));
        top.Add(new("providers", Map(
            E(proxy.Swarm ? "swarm" : "docker", new YamlMapping([.. engine])),
            E("file", Map(E("watch", Boolean(true)), E("filename", Raw(proxy.DynamicConfigPath)))))));
        return new YamlMapping([.. top]);
    }

    private static YamlMapping Log(string? filePath, params YamlEntry[] entries) =>
        filePath is null ? Map(entries) : new YamlMapping([.. entries, E("filePath", Raw(filePath))]);

    private static YamlMapping EntryPoint(EntryPoint entryPoint)
    {
        var entries = new List<YamlEntry> { new("address", Raw(":" + entryPoint.Port.ToString(CultureInfo.InvariantCulture) + (entryPoint.Udp ? "/udp" : string.Empty))) };
        if (entryPoint.IsDefault)
        {
            entries.Add(new("asDefault", Boolean(true)));
        }

        var http = new List<YamlEntry>();
        if (entryPoint.RedirectTo is { } target)
        {
            http.Add(new("redirections", Map(E("entryPoint", Map(E("to", Raw(target.Name)), E("scheme", Raw("https")), E("permanent", Boolean(true)))))));
        }

        if (!entryPoint.Middlewares.IsEmpty)
        {
            http.Add(new("middlewares", Sequence(entryPoint.Middlewares.Select(m => (YamlValue)Raw(m.Reference)))));
        }

        if (http.Count > 0)
        {
            entries.Add(new("http", new YamlMapping([.. http])));
        }

        if (!entryPoint.TrustedForwarders.IsEmpty)
        {
            entries.Add(new("forwardedHeaders", Map(E("trustedIPs", Sequence(entryPoint.TrustedForwarders.Select(ip => (YamlValue)Raw(ip)))))));
        }

        if (!entryPoint.ProxyProtocolTrustedIps.IsEmpty)
        {
            entries.Add(new("proxyProtocol", Map(E("trustedIPs", Sequence(entryPoint.ProxyProtocolTrustedIps.Select(ip => (YamlValue)Raw(ip)))))));
        }

        var timeouts = new List<YamlEntry>();
        foreach (var (key, value) in new[] { ("readTimeout", entryPoint.ReadTimeout), ("writeTimeout", entryPoint.WriteTimeout), ("idleTimeout", entryPoint.IdleTimeout) })
        {
            if (value is { } duration)
            {
                timeouts.Add(E(key, Raw(DurationFormat.Format(duration))));
            }
        }

        if (timeouts.Count > 0)
        {
            entries.Add(new("transport", Map(E("respondingTimeouts", new YamlMapping([.. timeouts])))));
        }

        if (entryPoint.Http3)
        {
            entries.Add(new("http3", YamlMapping.Empty));
        }

        return new YamlMapping([.. entries]);
    }

    private static YamlMapping Acme(CertResolver resolver)
    {
        var entries = new List<YamlEntry>();
        if (resolver.Email is { } email)
        {
            entries.Add(new("email", Raw(email)));
        }

        entries.Add(new("storage", Raw(resolver.Storage)));
        if (resolver.CaServer is { } caServer)
        {
            entries.Add(new("caServer", Raw(caServer)));
        }

        if (resolver.DnsChallengeProvider is { } provider)
        {
            entries.Add(new("dnsChallenge", resolver.DnsResolvers.IsDefaultOrEmpty
                ? Map(E("provider", Raw(provider)))
                : Map(E("provider", Raw(provider)), E("resolvers", Sequence(resolver.DnsResolvers.Select(r => (YamlValue)Raw(r)))))));
        }

        if (resolver.TlsChallenge)
        {
            entries.Add(new("tlsChallenge", YamlMapping.Empty));
        }

        if (resolver.HttpChallengeEntryPoint is { } entryPoint)
        {
            entries.Add(new("httpChallenge", Map(E("entryPoint", Raw(entryPoint.Name)))));
        }

        return new YamlMapping([.. entries]);
    }

    /// <summary>A mapping in the order given (Traefik's reference order, not sorted).</summary>
    internal static YamlMapping Map(params YamlEntry[] entries) => new([.. entries]);

    /// <summary>One entry. A class, not a tuple: generic code over tuples is not precompiled and costs start-up time.</summary>
    internal static YamlEntry E(string key, YamlValue value) => new(key, value);
}
