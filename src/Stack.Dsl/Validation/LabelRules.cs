using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>
/// STK0204: a label written by a router must not also be set by hand to something else, and no
/// hand-set Traefik label may differ from a router's only in case (Traefik reads keys without case,
/// so the two would be one setting with two values).
/// </summary>
internal static class LabelRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack)
    {
        foreach (var service in stack.Services)
        {
            foreach (var (key, value) in TraefikLabels.For(service))
            {
                if (service.Labels.TryGetValue(key, out var manual) && !manual.Equals(value))
                {
                    yield return new StackDiagnostic(
                        RuleIds.ConflictingLabel,
                        $"Service '{service.Name}' sets label '{key}' to '{manual}', but its routers write '{value}'. {Fix(key, key)}",
                        service.Location);
                }

                foreach (var twin in service.Labels.Keys.Where(k => k != key && string.Equals(k, key, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return new StackDiagnostic(
                        RuleIds.ConflictingLabel,
                        $"Service '{service.Name}' sets label '{twin}', which Traefik reads as '{key}' (keys ignore case), a label its routers write. {Fix(twin, key)}",
                        service.Location);
                }
            }
        }
    }

    /// <summary>The fix sentence: drop the hand-set label, and the DSL call that sets what the label holds.</summary>
    private static string Fix(string manualKey, string key)
    {
        var remove = $"Remove .WithLabel(\"{manualKey}\", ...)";
        return key == "traefik.enable"
            ? $"{remove}: Stack writes traefik.enable=true on every service with routers or label-defined middlewares, so Traefik reads them whatever its exposedByDefault; to keep this service off Traefik, remove its .WithRouter(...), .WithTcpRouter(...) and .WithUdpRouter(...) calls instead."
            : $"{remove} and set the value with {Api(key)}.";
    }

    /// <summary>The call whose value a router-written label holds, by the label's key.</summary>
    private static string Api(string key)
    {
        var (suffix, api) = Apis.FirstOrDefault(a => key.EndsWith(a.Suffix, StringComparison.Ordinal) || key.Contains(a.Suffix + ".", StringComparison.Ordinal) || key.Contains(a.Suffix + "[", StringComparison.Ordinal));
        return suffix is null ? "the router's own method (Router, TcpRouter or UdpRouter)"
            : key.StartsWith("traefik.tcp.", StringComparison.Ordinal) && suffix == ".loadbalancer.server.port" ? "the port of .WithTcpRouter(...)"
            : key.StartsWith("traefik.udp.", StringComparison.Ordinal) && suffix == ".loadbalancer.server.port" ? "the port of .WithUdpRouter(...)"
            : api;
    }

    // Most specific first: ".tls.certresolver" before ".tls", a middleware's keys before a router's.
    private static readonly (string Suffix, string Api)[] Apis =
    [
        ("traefik.http.middlewares", "the service's .WithMiddlewareLabels(...)"),
        (".rule", "the router's .WithHost(...) or .WithRule(...)"),
        (".entrypoints", "the router's .WithEntryPoints(...)"),
        (".tls.certresolver", "the router's .WithTls(resolver)"),
        (".tls.options", "the router's .WithTlsOptions(...)"),
        (".tls.domains", "the router's .WithTlsDomain(...)"),
        (".tls.passthrough", "the TCP router's .WithTlsPassthrough()"),
        (".tls", "the router's .WithTls(...)"),
        (".priority", "the router's .WithPriority(...)"),
        (".middlewares", "the router's .WithMiddlewares(...)"),
        (".service", "the router's .WithService(...)"),
        (".loadbalancer.server.port", "the router's .WithPort(...)"),
        (".loadbalancer.server.scheme", "the router's service: .WithService(new TraefikService(...) { Scheme = \"https\" })"),
        (".loadbalancer.passhostheader", "the router's service: .WithService(new TraefikService(...) { PassHostHeader = false })"),
        (".loadbalancer.healthcheck", "the router's service: .WithService(new TraefikService(...).WithHealthCheck(...))"),
        (".loadbalancer.sticky", "the router's service: .WithService(new TraefikService(...).WithStickyCookie(...))"),
    ];
}
