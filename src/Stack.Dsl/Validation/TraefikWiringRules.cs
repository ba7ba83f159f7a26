using Stack.Dsl.Compose;
using Stack.Dsl.Generation.Traefik;
using Stack.Dsl.Traefik;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>
/// Routers against the stack's Traefik declaration (STK0401-0405): the middlewares, entrypoints
/// and certificate resolvers they name exist, and Traefik can reach every routed service.
/// Without a <see cref="TraefikProxy"/> there is nothing to check against.
/// </summary>
internal static class TraefikWiringRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack)
    {
        if (stack.Traefik is not { } proxy)
        {
            // Only a declared Traefik gets a dynamic file to hold a load balancer over URLs.
            return stack.Services.SelectMany(s => s.Routers).Where(r => r.Service is { IsFileService: true }).Take(1).Select(r => new StackDiagnostic(
                RuleIds.UnknownReference,
                $"Router '{r.Name}' forwards to {r.Service!.Reference}, a load balancer over URLs that only Traefik's dynamic file can hold, but the stack declares no Traefik to write it. Declare it with ComposeStack.WithTraefik(...).",
                r.Location));
        }

        var proxyService = stack.Services.FirstOrDefault(s => s.Name == proxy.Service.Name);
        if (proxyService is null)
        {
            return [new StackDiagnostic(
                RuleIds.UnknownReference,
                $"The stack's Traefik is service '{proxy.Service.Name}', which the stack does not contain. Add it with WithServices(...).",
                proxy.Location)];
        }

        // As flags there is no static file to mount; a file there is STK0406's (Traefik would read it).
        // Paths compared as the engine compares mount targets: a trailing '/' names the same path.
        var mounted = proxyService.Volumes.Where(m => (proxy.StaticConfigForm == TraefikConfigForm.File && SamePath(m.Target, proxy.StaticConfigPath)) || SamePath(m.Target, proxy.DynamicConfigPath))
            .Select(m => new StackDiagnostic(
                RuleIds.DuplicateMountTarget,
                $"The Traefik service '{proxyService.Name}' mounts something at '{m.Target}', where the generator mounts the config it writes from the TraefikProxy declaration. Remove that mount.",
                proxy.Location));
        return mounted.Concat(ConfigPaths(proxy)).Concat(Middlewares(stack, proxy))
            .Concat(EntryPoints(stack, proxy))
            .Concat(Reachability(stack, proxy, proxyService))
            .Concat(CertResolvers(stack, proxy))
            .Concat(InternalServices(stack, proxy))
            .Concat(SecretsTraefikReads(stack, proxy))
            .Concat(Flags(stack, proxy))
            .Concat(TraefikStaticSourceRules.Check(proxy, proxyService))
            .Concat(FileServices(stack));
    }

    private static bool SamePath(string a, string b) => string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.Ordinal);

    /// <summary>
    /// The two files the generator mounts into the proxy's service: two paths (the engine refuses
    /// two mounts at one target), and a dynamic file Traefik's file provider reads as YAML (it picks
    /// a file's format by its extension, as for the static file: STK0406).
    /// </summary>
    private static IEnumerable<StackDiagnostic> ConfigPaths(TraefikProxy proxy)
    {
        if (proxy.StaticConfigForm == TraefikConfigForm.File && SamePath(proxy.StaticConfigPath, proxy.DynamicConfigPath))
        {
            yield return new StackDiagnostic(
                RuleIds.DuplicateMountTarget,
                $"The TraefikProxy's StaticConfigPath and DynamicConfigPath are both '{proxy.DynamicConfigPath}': the generator mounts the static and the dynamic config there, and the engine refuses two mounts at one path. Give DynamicConfigPath its own path, such as '{TraefikProxy.DefaultDynamicConfigPath}'.",
                proxy.Location);
        }

        var dynamic = proxy.DynamicConfigPath;
        if (!TraefikStaticSourceRules.ReadAsYaml(dynamic))
        {
            yield return new StackDiagnostic(
                RuleIds.IgnoredStaticConfig,
                $"The TraefikProxy's DynamicConfigPath '{dynamic}' does not end in .yml or .yaml: Traefik's file provider picks a file's format by its extension, so it would not read the YAML Stack writes there (and a path ending in '/' names a folder, where the engine cannot mount a file). Leave DynamicConfigPath at its default, '{TraefikProxy.DefaultDynamicConfigPath}'.",
                proxy.Location);
        }
    }

    private static string Identity(TraefikService s) =>
        $"{s.Name}|{string.Join(',', s.Urls)}|{s.PassHostHeader}|{s.HealthCheckPath}|{s.HealthCheckInterval}|{s.HealthCheckTimeout}|{s.StickyCookie}|{s.Scheme}";

    /// <summary>Two load balancers over URLs under one name: the dynamic file would keep one.</summary>
    private static IEnumerable<StackDiagnostic> FileServices(ComposeStack stack)
    {
        var routers = stack.Services.SelectMany(s => s.Routers).Where(r => r.Service is { IsFileService: true });
        foreach (var group in routers.GroupBy(r => r.Service!.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Select(r => Identity(r.Service!)).Distinct().Count() > 1))
        {
            yield return new StackDiagnostic(
                RuleIds.DuplicateName,
                $"Routers forward to different load balancers named '{group.Key}' (one name to Traefik), so the dynamic file would keep one. Give each its own name, or share one TraefikService object.",
                group.Last().Location);
        }
    }

    /// <summary>As flags, a list is joined with ',': an item holding one would become two.</summary>
    private static IEnumerable<StackDiagnostic> Flags(ComposeStack stack, TraefikProxy proxy)
    {
        if (proxy.StaticConfigForm != TraefikConfigForm.CommandLine)
        {
            yield break;
        }

        var items = proxy.EntryPoints.SelectMany(e => e.TrustedForwarders.Concat(e.ProxyProtocolTrustedIps).Select(i => new Item(i, e.Location)))
            .Concat(proxy.CertResolvers.SelectMany(r => r.DnsResolvers.Select(i => new Item(i, r.Location))));
        foreach (var item in items.Where(i => i.Text.Contains(',', StringComparison.Ordinal)))
        {
            yield return new StackDiagnostic(
                RuleIds.InvalidSyntax,
                $"The Traefik proxy's static config lists '{item.Text}', which holds ','; as command-line flags a list is joined with ',', so Traefik would read two items. Split it into two.",
                item.At.Or(proxy.Location));
        }
    }

    /// <summary>The generator grants Traefik the basic-auth users files; each must be a secret the stack declares.</summary>
    private static IEnumerable<StackDiagnostic> SecretsTraefikReads(ComposeStack stack, TraefikProxy proxy)
    {
        var declared = stack.Secrets.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        return TraefikWiring.SecretsTraefikReads(stack, proxy).Where(s => !declared.Contains(s.Name)).Select(secret => new StackDiagnostic(
            RuleIds.UnknownReference,
            $"A basic-auth middleware reads its users from secret '{secret.Name}', which the stack does not declare, so Traefik would find no users file. Add it with ComposeStack.WithSecrets(...).",
            secret.Location));
    }

    /// <summary>A router to api@internal or ping@internal needs the declared Traefik to serve it, or Traefik reports the service missing.</summary>
    private static IEnumerable<StackDiagnostic> InternalServices(ComposeStack stack, TraefikProxy proxy)
    {
        foreach (var service in stack.Services)
        {
            foreach (var router in service.Routers.Where(r => r.Service is { IsInternal: true }))
            {
                var (served, how) = router.Service!.Name switch
                {
                    "api" => (proxy.Dashboard || proxy.ApiOnInternalPort, "turn its API on (Dashboard = true)"),
                    "ping" => (proxy.Ping, "turn ping on (Ping = true)"),
                    _ => (true, string.Empty),
                };
                if (!served)
                {
                    yield return new StackDiagnostic(
                        RuleIds.UnknownReference,
                        $"Router '{router.Name}' of service '{service.Name}' forwards to {router.Service.Reference}, which the declared Traefik does not serve, so Traefik reports the service missing and the router answers nothing. On the TraefikProxy, {how}.",
                        router.Location);
                }
            }
        }
    }

    private static IEnumerable<StackDiagnostic> Middlewares(ComposeStack stack, TraefikProxy proxy)
    {
        // Traefik reads names without case: 'Auth' and 'auth' are one middleware to it.
        var defined = new Dictionary<string, Middleware>(StringComparer.OrdinalIgnoreCase);
        foreach (var middleware in TraefikWiring.UsedMiddlewares(stack, proxy).Where(m => m.Provider == "file" && TraefikDynamicConfig.CanWrite(m)))
        {
            if (defined.TryGetValue(middleware.Name, out var first) && (first.Name != middleware.Name || MiddlewareLabels.Fingerprint(first) != MiddlewareLabels.Fingerprint(middleware)))
            {
                var names = first.Name == middleware.Name ? $"named '{middleware.Name}'" : $"named '{first.Name}' and '{middleware.Name}', one name to Traefik,";
                yield return new StackDiagnostic(
                    RuleIds.UndefinedMiddleware,
                    $"Two different middlewares are {names} so '{middleware.Reference}' would mean whichever the dynamic config kept. Give each its own name, or declare one object and share it.",
                    middleware.Location.Or(proxy.Location));
            }

            defined.TryAdd(middleware.Name, middleware);
        }

        var docker = DockerMiddlewares.Of(stack);
        foreach (var service in stack.Services)
        {
            foreach (var definition in service.DefinedMiddlewares)
            {
                foreach (var item in MiddlewareLabels.ItemsWithCommas(definition))
                {
                    yield return new StackDiagnostic(
                        RuleIds.UndefinedMiddleware,
                        $"Middleware '{definition.Reference}' defined by the labels of service '{service.Name}' lists '{item}', which holds ','; a label joins a list with ',', so Traefik would read two items. Split it, or define the middleware in the dynamic file.",
                        definition.Location.Or(service.Location));
                }
            }
        }

        foreach (var group in stack.Services.SelectMany(s => s.DefinedMiddlewares).GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Select(MiddlewareLabels.Fingerprint).Distinct().Count() > 1))
        {
            yield return new StackDiagnostic(
                RuleIds.UndefinedMiddleware,
                $"Services' labels define different middlewares named '{group.Key}' (one name to Traefik), so '{group.Key}@docker' would mean whichever Traefik read last. Give each its own name, or define one and share it.",
                group.Last().Location.Or(proxy.Location));
        }

        foreach (var router in Users(stack, proxy))
        {
            foreach (var middleware in router.Middlewares)
            {
                var missing = middleware.Provider switch
                {
                    "file" => !TraefikDynamicConfig.CanWrite(middleware),
                    "docker" => !docker.Defines(middleware.Name),
                    _ => false, // internal, or a provider Stack does not see.
                };
                if (missing)
                {
                    var fix = middleware.Provider == "file"
                        ? "Declare it as a typed middleware (ForwardAuthMiddleware, HeadersMiddleware, BasicAuthMiddleware, ...) so the dynamic config defines it"
                        : $"Define it on a service with .WithMiddlewareLabels(...) (or traefik.http.middlewares.{middleware.Name}.* labels)";
                    yield return new StackDiagnostic(
                        RuleIds.UndefinedMiddleware,
                        $"{router.What} uses middleware '{middleware.Reference}', which nothing defines: Traefik would refuse the router. {fix}.",
                        router.Location);
                }
            }
        }
    }

    /// <summary>Each router and entrypoint with the middlewares it uses.</summary>
    private static IEnumerable<Subject> Users(ComposeStack stack, TraefikProxy proxy) =>
        stack.Services.SelectMany(s => s.Routers.Select(r => new Subject($"Router '{r.Name}' of service '{s.Name}'", r.Location, r.Middlewares)))
            .Concat(proxy.EntryPoints.Select(e => new Subject($"Entrypoint '{e.Name}'", e.Location.Or(proxy.Location), e.Middlewares)));

    private static IEnumerable<StackDiagnostic> EntryPoints(ComposeStack stack, TraefikProxy proxy)
    {
        var names = proxy.EntryPoints.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var known = string.Join(", ", proxy.EntryPoints.Select(e => e.Name));
        foreach (var service in stack.Services)
        {
            foreach (var router in service.Routers)
            {
                foreach (var entryPoint in router.EntryPoints.Where(e => !names.Contains(e.Name)))
                {
                    yield return new StackDiagnostic(
                        RuleIds.UnknownEntryPoint,
                        $"Router '{router.Name}' of service '{service.Name}' listens on entrypoint '{entryPoint.Name}', which the stack's Traefik does not have (it has: {known}). Use one of those, or add it with TraefikProxy.WithEntryPoints(...).",
                        router.Location);
                }
            }
        }

        // TCP and UDP routers: declared entrypoints, of their protocol (an HTTP router on a UDP entrypoint too).
        var udp = proxy.EntryPoints.Where(e => e.Udp).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var service in stack.Services)
        {
            foreach (var (kind, name, _, entryPoints, location, wantsUdp) in RouterSite.All(service))
            {
                foreach (var entryPoint in entryPoints)
                {
                    if (!names.Contains(entryPoint.Name))
                    {
                        if (kind != "Router")
                        {
                            yield return new StackDiagnostic(RuleIds.UnknownEntryPoint, $"{kind} '{name}' of service '{service.Name}' listens on entrypoint '{entryPoint.Name}', which the stack's Traefik does not have (it has: {known}). Use one of those, or add it with TraefikProxy.WithEntryPoints(...).", location);
                        }
                    }
                    else if (udp.Contains(entryPoint.Name) != wantsUdp)
                    {
                        yield return new StackDiagnostic(RuleIds.UnknownEntryPoint, $"{kind} '{name}' of service '{service.Name}' listens on entrypoint '{entryPoint.Name}', which is {(wantsUdp ? "TCP" : "UDP")}: Traefik would never give it a request. Use a{(wantsUdp ? " UDP" : " TCP")} entrypoint{(wantsUdp ? " (EntryPoint { Udp = true })" : string.Empty)}.", location);
                    }
                }
            }
        }

        // Reported at the entrypoint or resolver that refers to the missing one.
        var targets = proxy.EntryPoints.Where(e => e.RedirectTo is not null).Select(e => new Reference(e.RedirectTo!, e.Location))
            .Concat(proxy.CertResolvers.Where(r => r.HttpChallengeEntryPoint is not null).Select(r => new Reference(r.HttpChallengeEntryPoint!, r.Location)));
        foreach (var target in targets.Where(t => !names.Contains(t.Target.Name)).DistinctBy(t => t.Target.Name))
        {
            yield return new StackDiagnostic(
                RuleIds.UnknownEntryPoint,
                $"The stack's Traefik refers to entrypoint '{target.Target.Name}' (a redirect or an ACME challenge) but does not have it (it has: {known}). Add it with TraefikProxy.WithEntryPoints(...).",
                target.From.Or(proxy.Location));
        }
    }

    private static IEnumerable<StackDiagnostic> Reachability(ComposeStack stack, TraefikProxy proxy, Service proxyService)
    {
        var proxyNetworks = proxyService.Networks.Select(a => a.Network.Name).ToHashSet(StringComparer.Ordinal);
        if (!proxyNetworks.Contains(proxy.Network.Name))
        {
            yield return new StackDiagnostic(
                RuleIds.UnreachableRoutedService,
                $"The stack's Traefik watches network '{proxy.Network.Name}', but its service '{proxyService.Name}' does not join it. Add .WithNetworks({proxy.Network.Name}) to '{proxyService.Name}'.",
                proxy.Location);
        }

        foreach (var service in stack.Services.Where(s => (!s.Routers.IsEmpty || !s.TcpRouters.IsEmpty || !s.UdpRouters.IsEmpty) && s.Name != proxyService.Name && s.NetworkMode is null))
        {
            var own = service.Networks.Select(a => a.Network.Name).ToList();
            var shared = own.Where(proxyNetworks.Contains).ToList();
            var router = RouterSite.All(service).First();
            if (shared.Count == 0)
            {
                yield return new StackDiagnostic(
                    RuleIds.UnreachableRoutedService,
                    $"Service '{service.Name}' has router '{router.Name}' but shares no network with Traefik ('{proxyService.Name}' is on {Names(proxyNetworks)}; '{service.Name}' is on {Names(own)}): Traefik could not reach it. Add .WithNetworks({proxy.Network.Name}).",
                    router.Location);
            }
            else if (service.TraefikNetwork is { } chosen)
            {
                if (!shared.Contains(chosen.Name))
                {
                    yield return new StackDiagnostic(
                        RuleIds.AmbiguousTraefikNetwork,
                        $"Service '{service.Name}' tells Traefik to reach it on network '{chosen.Name}', which it does not share with Traefik (shared: {Names(shared)}). Name one of those in WithTraefikNetwork(...).",
                        router.Location);
                }
            }
            else if (!own.Contains(proxy.Network.Name))
            {
                yield return new StackDiagnostic(
                    RuleIds.AmbiguousTraefikNetwork,
                    $"Service '{service.Name}' is not on Traefik's default network '{proxy.Network.Name}', so Traefik would guess which network to reach it on (shared: {Names(shared)}). Join '{proxy.Network.Name}', or say which with .WithTraefikNetwork(...).",
                    router.Location);
            }
        }
    }

    private static IEnumerable<StackDiagnostic> CertResolvers(ComposeStack stack, TraefikProxy proxy)
    {
        var names = proxy.CertResolvers.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var service in stack.Services)
        {
            foreach (var router in service.Routers)
            {
                if (router.CertResolver is { } resolver && !names.Contains(resolver.Name))
                {
                    yield return new StackDiagnostic(
                        RuleIds.UnknownCertResolver,
                        $"Router '{router.Name}' of service '{service.Name}' gets its certificate from resolver '{resolver.Name}', which the stack's Traefik does not declare: it would serve Traefik's default self-signed certificate. Add it with TraefikProxy.WithCertResolvers(...).",
                        router.Location);
                }
            }
        }
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "no network" : string.Join(", ", list.Select(n => $"'{n}'"));
    }

    /// <summary>
    /// What uses middlewares, for messages, where it was made, and the middlewares. A class, not a
    /// tuple: generic code over tuples is not precompiled and costs start-up time.
    /// </summary>
    private sealed record Subject(string What, SourceLocation Location, System.Collections.Immutable.ImmutableArray<Middleware> Middlewares);

    /// <summary>A listed text and where its entrypoint or resolver was written.</summary>
    private sealed record Item(string Text, SourceLocation At);

    /// <summary>An entrypoint named by a redirect or an ACME challenge, and where the one naming it was written.</summary>
    private sealed record Reference(EntryPoint Target, SourceLocation From);
}
