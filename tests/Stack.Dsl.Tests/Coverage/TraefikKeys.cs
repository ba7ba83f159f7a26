namespace Stack.Dsl.Tests.Coverage;

/// <summary>
/// Traefik as self-hosted stacks configure it (routers, services, middlewares, the static config),
/// each key with its C# API or the reason it has none. <see cref="TraefikCoverageTests"/> checks
/// the APIs exist, that every typed middleware is listed, and writes docs/traefik.md.
/// </summary>
internal static class TraefikKeys
{
    public const string Routers = "HTTP routers (docker labels traefik.http.routers.NAME.*)";
    public const string OtherRouters = "TCP and UDP routers (traefik.tcp.*, traefik.udp.*)";
    public const string Services = "Services (traefik.http.services.NAME.loadbalancer.*)";
    public const string Middlewares = "Middlewares (the dynamic file, or labels with Service.WithMiddlewareLabels)";
    public const string Static = "Static config (a file, or flags with TraefikProxy.WithStaticConfigAsFlags)";

    private static KeyCoverage T(string section, string key, string api) => new(section, key, KeyStatus.Typed, api, null);

    private static KeyCoverage O(string section, string key, string note) => new(section, key, KeyStatus.Open, null, note);

    public static IReadOnlyList<KeyCoverage> All { get; } =
    [
        T(Routers, "rule", "Router.WithHost, Router.WithRule, RouterRule.Host, RouterRule.PathPrefix, RouterRule.Path"),
        T(Routers, "entrypoints", "Router.WithEntryPoints, Router.OnlyOnEntryPoints, Router.OnDefaultEntryPoints"),
        T(Routers, "middlewares", "Router.WithMiddlewares"),
        T(Routers, "service", "Router.WithPort, Router.WithService, TraefikService.Api, TraefikService.Noop, TraefikService.Ping, TraefikService.Prometheus"),
        T(Routers, "tls", "Router.WithTls"),
        T(Routers, "tls.certresolver", "Router.WithTls"),
        T(Routers, "tls.options", "Router.WithTlsOptions"),
        T(Routers, "tls.domains", "Router.WithTlsDomain"),
        T(Routers, "priority", "Router.WithPriority"),
        O(Routers, "observability", "Per-router tracing and metrics switches (Traefik 3.1+): Service.WithLabel."),

        T(OtherRouters, "tcp rule (HostSNI)", "TcpRouter.ForHost"),
        T(OtherRouters, "tcp entrypoints", "TcpRouter.WithEntryPoints"),
        T(OtherRouters, "tcp tls.passthrough", "TcpRouter.WithTlsPassthrough"),
        T(OtherRouters, "tcp tls.certresolver", "TcpRouter.WithTls"),
        T(OtherRouters, "tcp service port", "TcpRouter..ctor"),
        T(OtherRouters, "udp entrypoints", "UdpRouter.WithEntryPoints, EntryPoint.Udp"),
        T(OtherRouters, "udp service port", "UdpRouter..ctor"),
        O(OtherRouters, "tcp middlewares", "ipAllowList and inFlightConn for TCP: Service.WithLabel."),

        T(Services, "server.port", "TraefikService..ctor, Router.WithPort"),
        T(Services, "server.scheme", "TraefikService.Scheme"),
        T(Services, "passhostheader", "TraefikService.PassHostHeader"),
        T(Services, "healthcheck", "TraefikService.WithHealthCheck"),
        T(Services, "sticky.cookie", "TraefikService.WithStickyCookie"),
        T(Services, "several servers (file provider)", "TraefikService.Servers"),
        O(Services, "weighted and mirroring services", "Canary and mirroring services (file provider): not typed yet."),

        T(Middlewares, "forwardAuth", "ForwardAuthMiddleware..ctor, ForwardAuthMiddleware.TrustForwardHeader, ForwardAuthMiddleware.AuthResponseHeaders, ForwardAuthMiddleware.AuthRequestHeaders, ForwardAuthMiddleware.MaxResponseBodySize, ForwardAuthMiddleware.InsecureSkipVerify"),
        T(Middlewares, "chain", "ChainMiddleware..ctor"),
        T(Middlewares, "headers", "HeadersMiddleware..ctor, HeadersMiddleware.Secure"),
        T(Middlewares, "basicAuth", "BasicAuthMiddleware..ctor"),
        T(Middlewares, "stripPrefix", "StripPrefixMiddleware..ctor"),
        T(Middlewares, "addPrefix", "AddPrefixMiddleware..ctor"),
        T(Middlewares, "redirectScheme", "RedirectSchemeMiddleware..ctor"),
        T(Middlewares, "redirectRegex", "RedirectRegexMiddleware..ctor"),
        T(Middlewares, "rateLimit", "RateLimitMiddleware..ctor"),
        T(Middlewares, "inFlightReq", "InFlightRequestsMiddleware..ctor"),
        T(Middlewares, "ipAllowList", "IpAllowListMiddleware..ctor"),
        T(Middlewares, "compress", "CompressMiddleware..ctor"),
        T(Middlewares, "retry", "RetryMiddleware..ctor"),
        T(Middlewares, "buffering", "BufferingMiddleware..ctor"),
        T(Middlewares, "errors", "ErrorsMiddleware..ctor"),
        T(Middlewares, "name@provider (defined elsewhere)", "ExternalMiddleware..ctor, Middleware.ViaDockerLabels"),
        O(Middlewares, "digestAuth, circuitBreaker, replacePath, replacePathRegex, stripPrefixRegex, contentType, passTLSClientCert, grpcWeb", "Not typed yet: define them by hand (labels or a dynamic file of your own) and refer to them with ExternalMiddleware."),

        T(Static, "global", "TraefikProxy.CheckNewVersion, TraefikProxy.SendAnonymousUsage"),
        T(Static, "log", "TraefikProxy.LogLevel, TraefikProxy.LogFormat, TraefikProxy.LogFilePath"),
        T(Static, "accessLog", "TraefikProxy.AccessLog, TraefikProxy.AccessLogFilePath"),
        T(Static, "api", "TraefikProxy.Dashboard, TraefikProxy.ApiOnInternalPort"),
        T(Static, "ping", "TraefikProxy.Ping"),
        T(Static, "metrics.prometheus", "TraefikProxy.PrometheusMetrics, TraefikProxy.MetricsEntryPoint"),
        T(Static, "entryPoints.address", "EntryPoint..ctor, EntryPoint.Udp"),
        T(Static, "entryPoints.asDefault", "EntryPoint.AsDefault"),
        T(Static, "entryPoints.http.redirections", "EntryPoint.RedirectingTo"),
        T(Static, "entryPoints.http.middlewares", "EntryPoint.WithMiddlewares"),
        T(Static, "entryPoints.forwardedHeaders", "EntryPoint.TrustingForwardedHeadersFrom"),
        T(Static, "entryPoints.proxyProtocol", "EntryPoint.ProxyProtocolTrustedIps"),
        T(Static, "entryPoints.transport.respondingTimeouts", "EntryPoint.ReadTimeout, EntryPoint.WriteTimeout, EntryPoint.IdleTimeout"),
        T(Static, "entryPoints.http3", "EntryPoint.Http3"),
        T(Static, "serversTransport.insecureSkipVerify", "TraefikProxy.ServersInsecureSkipVerify"),
        T(Static, "certificatesResolvers.acme", "CertResolver..ctor, CertResolver.Email, CertResolver.Storage, CertResolver.CaServer"),
        T(Static, "certificatesResolvers.acme.httpChallenge", "CertResolver.HttpChallengeEntryPoint"),
        T(Static, "certificatesResolvers.acme.tlsChallenge", "CertResolver.TlsChallenge"),
        T(Static, "certificatesResolvers.acme.dnsChallenge", "CertResolver.DnsChallengeProvider, CertResolver.DnsResolvers"),
        T(Static, "providers.docker", "TraefikProxy.Network, TraefikProxy.DockerEndpoint, TraefikProxy.ExposedByDefault"),
        T(Static, "providers.swarm", "TraefikProxy.Swarm"),
        T(Static, "providers.file", "TraefikProxy.DynamicConfigPath"),
        O(Static, "tracing, experimental plugins, hub", "Not typed yet."),
    ];
}
