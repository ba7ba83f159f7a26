using Stack.Dsl.Compose;
using Stack.Dsl.Generation.Traefik;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;
using Stack.Rules;

namespace Stack.Dsl.Validation.Swarm;

/// <summary>
/// STK0507 (a middleware or service referred to as <c>name@docker</c>, which Traefik's swarm
/// provider calls <c>name@swarm</c>) and STK0508 (client-IP features behind the ingress mesh).
/// </summary>
internal static class SwarmTraefikRules
{
    public static void Check(ComposeStack stack, List<StackDiagnostic> found)
    {
        MiddlewareProviders(stack, found);
        ClientIp(stack, found);
    }

    private static void MiddlewareProviders(ComposeStack stack, List<StackDiagnostic> found)
    {
        foreach (var service in stack.Services)
        {
            foreach (var router in service.Routers)
            {
                var used = new List<Middleware>(router.Middlewares);
                foreach (var entryPoint in router.EntryPoints)
                {
                    used.AddRange(entryPoint.Middlewares);
                }

                foreach (var middleware in DockerExternals(used))
                {
                    found.Add(External($"router '{router.Name}' of service '{service.Name}'", middleware, router.Location));
                }
            }

            LabelReferences(stack, service, service.Labels, found);
            if (service.Deployment is { } deployment)
            {
                LabelReferences(stack, service, deployment.Labels, found);
            }
        }

        foreach (var entryPoint in stack.Traefik?.EntryPoints ?? [])
        {
            foreach (var middleware in DockerExternals(entryPoint.Middlewares))
            {
                found.Add(External($"Traefik's entrypoint '{entryPoint.Name}'", middleware, stack.Traefik!.Location));
            }
        }
    }

    private static void LabelReferences(ComposeStack stack, Service service, IEnumerable<KeyValuePair<string, ComposeString>> labels, List<StackDiagnostic> found)
    {
        foreach (var (key, value) in labels)
        {
            // Hand-written labels only (Stack's own, for routers and typed middlewares, are written
            // later, with each target's provider); a variable's value is not known until deploy.
            var label = TraefikReferenceLabels.Of(key);
            if (label == ReferenceLabel.None || !value.IsLiteral)
            {
                continue;
            }

            foreach (var reference in TraefikReferenceLabels.Items(label, value.ToCompose()))
            {
                if (TraefikReferenceLabels.DockerName(reference) is not { } name)
                {
                    continue;
                }

                var names = TraefikReferenceLabels.IsList(label) ? "middleware" : "service";
                var fix = SwarmChecks.LabelReferenceAdvice(name, key, TypedCall(label, name));
                found.Add(new StackDiagnostic(
                    SwarmChecks.MiddlewareProvider.Id,
                    SwarmChecks.MiddlewareProvider.Format($"the label '{key}' of service '{service.Name}'", names, reference, name, fix),
                    service.Location) { AddedAt = stack.Joins.Of(service) });
            }
        }
    }

    private static StackDiagnostic External(string user, Middleware middleware, SourceLocation location)
    {
        var fix = SwarmChecks.ExternalMiddlewareAdvice(middleware.Name);
        return new StackDiagnostic(SwarmChecks.MiddlewareProvider.Id, SwarmChecks.MiddlewareProvider.Format(user, "middleware", middleware.Reference, middleware.Name, fix), location);
    }

    /// <summary>
    /// The external middlewares named <c>name@docker</c> among these and their chains' members,
    /// each once. Exactly "docker", as Traefik compares providers (TraefikReferenceLabels.DockerName):
    /// "Docker" is no provider on either target. (Loops, not LINQ: see SwarmFiles.Targets.)
    /// </summary>
    private static List<Middleware> DockerExternals(IEnumerable<Middleware> middlewares)
    {
        var found = new List<Middleware>();
        foreach (var middleware in Flatten(middlewares))
        {
            if (middleware is ExternalMiddleware { Provider: "docker" } external && !found.Contains(external))
            {
                found.Add(external);
            }
        }

        return found;
    }

    /// <summary>The typed call that lets Stack write the reference with each target's provider, or null where there is none.</summary>
    private static string? TypedCall(ReferenceLabel label, string name) => label switch
    {
        ReferenceLabel.RouterMiddlewares => "the router's .WithMiddlewares(...) with a typed middleware defined by labels (.ViaDockerLabels(), set on its service with .WithMiddlewareLabels(...))",
        ReferenceLabel.RouterService => $"the router's .WithService(new TraefikService(\"{name}\", 0) {{ Provider = \"docker\" }})",
        ReferenceLabel.ChainMembers => ".WithMiddlewareLabels(new ChainMiddleware(...).ViaDockerLabels()) with typed members",
        ReferenceLabel.ErrorsService => ".WithMiddlewareLabels(new ErrorsMiddleware(...).ViaDockerLabels())",
        _ => null,
    };

    /// <summary>Middlewares with each chain's members after it (a chain runs them all).</summary>
    private static List<Middleware> Flatten(IEnumerable<Middleware> middlewares, List<Middleware>? into = null)
    {
        into ??= [];
        foreach (var middleware in middlewares)
        {
            into.Add(middleware);
            if (middleware is ChainMiddleware chain)
            {
                Flatten(chain.Middlewares, into);
            }
        }

        return into;
    }

    private static void ClientIp(ComposeStack stack, List<StackDiagnostic> found)
    {
        if (stack.Traefik is not { } proxy || SwarmRules.ServiceNamed(stack, proxy.Service.Name) is not { } traefik)
        {
            return;
        }

        var effects = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var defaults = new List<EntryPoint>();
        foreach (var entryPoint in proxy.EntryPoints)
        {
            var onEntryPoint = effects[entryPoint.Name] = Effects(Flatten(entryPoint.Middlewares), $"entrypoint '{entryPoint.Name}'");
            if (!entryPoint.TrustedForwarders.IsEmpty)
            {
                onEntryPoint.Add(SwarmChecks.TrustEffect("forwarded headers", Ranges(entryPoint.TrustedForwarders)));
            }

            if (!entryPoint.ProxyProtocolTrustedIps.IsEmpty)
            {
                onEntryPoint.Add(SwarmChecks.TrustEffect("the PROXY protocol", Ranges(entryPoint.ProxyProtocolTrustedIps)));
            }

            if (entryPoint.IsDefault)
            {
                defaults.Add(entryPoint);
            }
        }

        // A router without entrypoints is on the default ones, or on every one when none is the default.
        IEnumerable<EntryPoint> unnamed = defaults.Count > 0 ? defaults : proxy.EntryPoints;
        foreach (var service in stack.Services)
        {
            foreach (var router in service.Routers)
            {
                var ofRouter = Effects(Flatten(router.Middlewares), $"router '{router.Name}'");
                foreach (var entryPoint in router.EntryPoints.IsEmpty ? unnamed : router.EntryPoints)
                {
                    if (effects.TryGetValue(entryPoint.Name, out var onEntryPoint))
                    {
                        foreach (var effect in ofRouter)
                        {
                            if (!onEntryPoint.Contains(effect))
                            {
                                onEntryPoint.Add(effect);
                            }
                        }
                    }
                }
            }
        }

        foreach (var entryPoint in proxy.EntryPoints)
        {
            if (effects[entryPoint.Name].Count == 0)
            {
                continue;
            }

            foreach (var port in traefik.Ports)
            {
                if (Generation.Swarm.SwarmPorts.ModeOnSwarm(port, isProxy: true) == PortMode.Host || port.Target.Start > entryPoint.Port || entryPoint.Port > port.Target.End)
                {
                    continue;
                }

                var published = port.Published is { IsRange: false } p ? p.Start : entryPoint.Port;
                found.Add(new StackDiagnostic(
                    SwarmChecks.ClientIpBehindIngress.Id,
                    SwarmChecks.ClientIpBehindIngress.Format(entryPoint.Name, port.ToShortSyntax(), string.Join(" ", effects[entryPoint.Name]), entryPoint.Port, published),
                    traefik.At(traefik.Sites.Port(port))) { AddedAt = stack.Joins.Of(traefik) });
            }
        }
    }

    // A long list (Cloudflare's ranges, say) by its first ones: the message is about the mesh, not the list.
    private static string Ranges(IReadOnlyList<string> ranges) =>
        ranges.Count <= 3 ? string.Join(", ", ranges) : $"{string.Join(", ", ranges.Take(3))} and {ranges.Count - 3} more";

    private static List<string> Effects(List<Middleware> middlewares, string where)
    {
        var effects = new List<string>();
        // Each once, by name (a second middleware under one name is STK0401's): comparing them by
        // value (a rate limit's TimeSpan period) JIT-compiles the framework's comparers for those types.
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var middleware in middlewares)
        {
            if (middleware is not (IpAllowListMiddleware or RateLimitMiddleware) || !named.Add(middleware.Name))
            {
                continue;
            }

            switch (middleware)
            {
                case IpAllowListMiddleware allowList:
                    effects.Add(SwarmChecks.AllowListEffect(allowList.Name, where));
                    break;
                case RateLimitMiddleware rateLimit:
                    effects.Add(SwarmChecks.RateLimitEffect(rateLimit.Name, where));
                    break;
            }
        }

        return effects;
    }
}
