using Stack.Dsl.Traefik;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Generation.Traefik.TraefikStaticConfig;
using static Stack.Dsl.Generation.Traefik.TraefikText;
using static Stack.Dsl.Yaml.YamlValue;

namespace Stack.Dsl.Generation.Traefik;

/// <summary>
/// Traefik's dynamic config for the file provider: every file middleware, sorted by name. Traefik
/// reads the file as a Go template, so every scalar is written through <see cref="TraefikText.Literal"/>
/// or <see cref="TraefikText.Templated"/> (keys are middleware names, validated by STK0201).
/// </summary>
internal static class TraefikDynamicConfig
{
    public static YamlMapping Build(IEnumerable<Middleware> middlewares) =>
        Map(E("http", Map(E("middlewares", new YamlMapping([.. middlewares
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new YamlEntry(m.Name, Middleware(m)))])))));

    private static YamlMapping Middleware(Middleware middleware) => middleware switch
    {
        CompressMiddleware => Map(E("compress", YamlMapping.Empty)),
        RedirectRegexMiddleware redirect => Map(E("redirectRegex", Map(
            E("regex", Literal(redirect.Regex)),
            E("replacement", Literal(redirect.Replacement)),
            E("permanent", Boolean(redirect.Permanent))))),
        IpAllowListMiddleware allow => Map(E("ipAllowList", Map(E("sourceRange", Sequence(allow.SourceRanges.Select(r => (YamlValue)Literal(r))))))),
        RateLimitMiddleware limit => Map(E("rateLimit", RateLimit(limit))),
        ForwardAuthMiddleware auth => Map(E("forwardAuth", ForwardAuth(auth))),
        _ => throw new ArgumentOutOfRangeException(nameof(middleware), middleware, "Not a file middleware Stack can write."),
    };

    private static YamlMapping RateLimit(RateLimitMiddleware limit)
    {
        var entries = new List<YamlEntry>
        {
            new("average", Number(limit.Average)),
            new("burst", Number(limit.Burst)),
            new("period", Literal(DurationFormat.Format(limit.Period))),
        };
        if (limit.SourceIpDepth is { } depth)
        {
            entries.Add(new("sourceCriterion", Map(E("ipStrategy", Map(E("depth", Number(depth)))))));
        }

        return new YamlMapping([.. entries]);
    }

    private static YamlMapping ForwardAuth(ForwardAuthMiddleware auth)
    {
        var entries = new List<YamlEntry>
        {
            new("address", Templated(auth.Address)),
            new("trustForwardHeader", Boolean(auth.TrustForwardHeader)),
        };
        if (!auth.AuthResponseHeaders.IsEmpty)
        {
            entries.Add(new("authResponseHeaders", Sequence(auth.AuthResponseHeaders.Select(h => (YamlValue)Literal(h)))));
        }

        return new YamlMapping([.. entries]);
    }

    /// <summary>Whether Stack can write <paramref name="middleware"/> into the dynamic file.</summary>
    public static bool CanWrite(Middleware middleware) =>
        middleware is CompressMiddleware or RedirectRegexMiddleware or IpAllowListMiddleware or RateLimitMiddleware or ForwardAuthMiddleware;
}
