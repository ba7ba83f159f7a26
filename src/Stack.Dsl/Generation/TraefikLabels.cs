using System.Globalization;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation.Traefik;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;

namespace Stack.Dsl.Generation;

/// <summary>Turns a service's routers into Traefik's docker-provider labels.</summary>
internal static class TraefikLabels
{
    public static IEnumerable<ServiceLabel> For(Service service)
    {
        if (service.Routers.IsEmpty && service.DefinedMiddlewares.IsEmpty && service.TcpRouters.IsEmpty && service.UdpRouters.IsEmpty)
        {
            yield break;
        }

        // Without it, a provider that does not expose containers by default ignores this one's
        // routers and middlewares alike.
        yield return Label("traefik.enable", "true");
        foreach (var label in service.DefinedMiddlewares.SelectMany(MiddlewareLabels.Of))
        {
            yield return label;
        }

        var services = LoadBalancers(service);

        var severalServices = !service.Routers.IsEmpty && SeveralServices(services, service);
        foreach (var router in service.Routers)
        {
            var prefix = $"traefik.http.routers.{router.Name}";
            if (router.Rule is { } rule)
            {
                yield return Label($"{prefix}.rule", rule.Expression);
            }

            if (!router.EntryPoints.IsEmpty)
            {
                yield return Label($"{prefix}.entrypoints", string.Join(',', router.EntryPoints.Select(e => e.Name)));
            }

            if (router.CertResolver is { } resolver)
            {
                yield return Label($"{prefix}.tls.certresolver", resolver.Name);
            }

            foreach (var label in Tls(prefix, router))
            {
                yield return label;
            }

            if (router.Priority is { } priority)
            {
                yield return Label($"{prefix}.priority", priority.ToString(CultureInfo.InvariantCulture));
            }

            if (!router.Middlewares.IsEmpty)
            {
                yield return Label($"{prefix}.middlewares", string.Join(',', router.Middlewares.Select(m => m.Reference)));
            }

            // Traefik pairs a router with the container's only service by itself; name the
            // service whenever that pairing would be wrong or ambiguous.
            if (router.Service is { } target && (target.Provider is not null || target.Name != router.Name || severalServices))
            {
                yield return Label($"{prefix}.service", target.Reference);
            }
        }

        foreach (var label in services.SelectMany(LoadBalancerLabels))
        {
            yield return label;
        }

        foreach (var label in service.TcpRouters.SelectMany(TcpLabels).Concat(service.UdpRouters.SelectMany(UdpLabels)))
        {
            yield return label;
        }
    }

    private static IEnumerable<ServiceLabel> TcpLabels(TcpRouter router)
    {
        var prefix = $"traefik.tcp.routers.{router.Name}";
        yield return Label($"{prefix}.rule", router.Rule);
        if (!router.EntryPoints.IsEmpty)
        {
            yield return Label($"{prefix}.entrypoints", string.Join(',', router.EntryPoints.Select(e => e.Name)));
        }

        if (router.Passthrough)
        {
            yield return Label($"{prefix}.tls.passthrough", "true");
        }

        if (router.CertResolver is { } resolver)
        {
            yield return Label($"{prefix}.tls.certresolver", resolver.Name);
        }

        yield return Label($"{prefix}.service", router.Name);
        yield return Label($"traefik.tcp.services.{router.Name}.loadbalancer.server.port", router.Port.ToString(CultureInfo.InvariantCulture));
    }

    private static IEnumerable<ServiceLabel> UdpLabels(UdpRouter router)
    {
        var prefix = $"traefik.udp.routers.{router.Name}";
        if (!router.EntryPoints.IsEmpty)
        {
            yield return Label($"{prefix}.entrypoints", string.Join(',', router.EntryPoints.Select(e => e.Name)));
        }

        yield return Label($"{prefix}.service", router.Name);
        yield return Label($"traefik.udp.services.{router.Name}.loadbalancer.server.port", router.Port.ToString(CultureInfo.InvariantCulture));
    }

    private static IEnumerable<ServiceLabel> LoadBalancerLabels(TraefikService service)
    {
        var prefix = $"traefik.http.services.{service.Name}.loadbalancer";
        yield return Label($"{prefix}.server.port", service.Port.ToString(CultureInfo.InvariantCulture));
        if (service.Scheme is { } scheme)
        {
            yield return Label($"{prefix}.server.scheme", scheme);
        }

        if (service.PassHostHeader is { } passHost)
        {
            yield return Label($"{prefix}.passhostheader", passHost ? "true" : "false");
        }

        if (service.HealthCheckPath is { } path)
        {
            yield return Label($"{prefix}.healthcheck.path", path);
            foreach (var (key, value) in new[] { ("interval", service.HealthCheckInterval), ("timeout", service.HealthCheckTimeout) })
            {
                if (value is { } duration)
                {
                    yield return Label($"{prefix}.healthcheck.{key}", DurationFormat.Format(duration));
                }
            }
        }

        if (service.StickyCookie is { } cookie)
        {
            yield return Label($"{prefix}.sticky.cookie.name", cookie);
            yield return Label($"{prefix}.sticky.cookie.secure", "true");
            yield return Label($"{prefix}.sticky.cookie.httponly", "true");
        }
    }

    /// <summary>TLS without a resolver, options and domains; any tls.* label turns TLS on, so tls=true only stands alone.</summary>
    private static IEnumerable<ServiceLabel> Tls(string prefix, Router router)
    {
        if (router.TlsFromStore && router.CertResolver is null && router.TlsOptions is null && router.TlsDomains.IsDefaultOrEmpty)
        {
            yield return Label($"{prefix}.tls", "true");
        }

        if (router.TlsOptions is { } options)
        {
            yield return Label($"{prefix}.tls.options", options);
        }

        for (var i = 0; i < router.TlsDomains.Length; i++)
        {
            yield return Label($"{prefix}.tls.domains[{i}].main", router.TlsDomains[i].Main);
            if (!router.TlsDomains[i].Sans.IsDefaultOrEmpty)
            {
                yield return Label($"{prefix}.tls.domains[{i}].sans", string.Join(',', router.TlsDomains[i].Sans));
            }
        }
    }

    /// <summary>The distinct load-balancer services the routers forward to, in router order (internal services have none).</summary>
    public static IReadOnlyList<TraefikService> LoadBalancers(Service service) =>
        service.Routers.Select(r => r.Service).OfType<TraefikService>().Where(s => s.Provider is null).DistinctBy(s => s.Name).ToList();

    private static ServiceLabel Label(string key, ComposeString value) => new(key, value);

    /// <summary>
    /// Whether the container defines more than one HTTP service: its routers' load balancers
    /// (distinct by name) and the services its own labels define count alike; with two, Traefik
    /// pairs no router by itself. A loop, not a distinct set: it runs for every routed service,
    /// twice a generate (the label rules and the YAML).
    /// </summary>
    private static bool SeveralServices(IReadOnlyList<TraefikService> loadBalancers, Service service)
    {
        if (loadBalancers.Count > 1)
        {
            return true;
        }

        var only = loadBalancers.Count == 1 ? loadBalancers[0].Name : null;
        foreach (var key in service.Labels.Keys)
        {
            if (HandWrittenService(key) is not { } name)
            {
                continue;
            }

            if (only is null)
            {
                only = name;
            }
            else if (!string.Equals(only, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The HTTP service a hand-written label defines (<c>traefik.http.services.NAME.*</c>, read without case as Traefik does).</summary>
    private static string? HandWrittenService(string key)
    {
        const string prefix = "traefik.http.services.";
        if (!key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = key[prefix.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? rest[..dot] : null;
    }
}

/// <summary>One container label, written by hand or by a router.</summary>
/// <param name="Key">The label key.</param>
/// <param name="Value">The label value.</param>
internal sealed record ServiceLabel(string Key, ComposeString Value);
