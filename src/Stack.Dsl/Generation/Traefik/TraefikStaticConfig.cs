using System.Globalization;
using Stack.Dsl.Traefik;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Generation.Traefik.TraefikText;
using static Stack.Dsl.Yaml.YamlValue;

namespace Stack.Dsl.Generation.Traefik;

/// <summary>
/// Traefik's static config (entrypoints, certificate resolvers, providers), in the order of
/// Traefik's reference file. Traefik reads one static source and no templates, so every value
/// here is literal (variables are refused by STK0406).
/// </summary>
internal static class TraefikStaticConfig
{
    public static YamlMapping Build(TraefikProxy proxy, string projectName)
    {
        var top = new List<YamlEntry>
        {
            new("global", Map(E("checkNewVersion", Boolean(false)), E("sendAnonymousUsage", Boolean(false)))),
            new("log", Map(E("level", Raw(proxy.LogLevel)), E("format", Raw("common")))),
        };
        if (proxy.AccessLog)
        {
            top.Add(new("accessLog", Map(E("format", Raw("common")))));
        }

        if (proxy.Dashboard || proxy.ApiOnInternalPort)
        {
            top.Add(new("api", Map(E("dashboard", Boolean(proxy.Dashboard)), E("insecure", Boolean(proxy.ApiOnInternalPort)))));
        }

        if (proxy.Ping)
        {
            top.Add(new("ping", YamlMapping.Empty));
        }

        if (!proxy.EntryPoints.IsEmpty)
        {
            top.Add(new("entryPoints", new YamlMapping([.. proxy.EntryPoints.Select(e => new YamlEntry(e.Name, EntryPoint(e)))])));
        }

        if (!proxy.CertResolvers.IsEmpty)
        {
            top.Add(new("certificatesResolvers", new YamlMapping([.. proxy.CertResolvers.Select(r => new YamlEntry(r.Name, Map(E("acme", Acme(r)))))])));
        }

        top.Add(new("providers", Map(
            E("docker", Map(
                E("watch", Boolean(true)),
                E("exposedByDefault", Boolean(false)),
                E("network", Raw(StackResources.RealName(proxy.Network, projectName))))),
            E("file", Map(E("watch", Boolean(true)), E("filename", Raw(proxy.DynamicConfigPath)))))));
        return new YamlMapping([.. top]);
    }

    private static YamlMapping EntryPoint(EntryPoint entryPoint)
    {
        var entries = new List<YamlEntry> { new("address", Raw(":" + entryPoint.Port.ToString(CultureInfo.InvariantCulture))) };
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
            entries.Add(new("dnsChallenge", Map(E("provider", Raw(provider)))));
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
