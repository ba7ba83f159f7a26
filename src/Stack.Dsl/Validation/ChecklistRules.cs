using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>
/// The service checklist (STK0001-STK0005) at run time. The decisions and the words are
/// <see cref="Checklist"/>'s, shared with the analyzer; this only reads the facts off the model.
/// Findings are warnings, as in the IDE: the analyzer reports what it can prove while typing, and
/// this catches what it could not see (a service built in a loop, a value from outside the project).
/// </summary>
internal static class ChecklistRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack)
    {
        var namedNetworks = FactLogic.Of(stack.Services.Any(s => !s.Networks.IsEmpty) || !stack.ExtraNetworks.IsEmpty);
        var traefik = TraefikFacts.Of(stack);
        foreach (var service in stack.Services)
        {
            if (Checklist.MissesRestartPolicy(FactLogic.Of(service.Restart is not null)) == Fact.Yes)
            {
                yield return Warning(Checklist.MissingRestartPolicy.Id, Checklist.MissingRestartPolicy.Format(service.Name), service.Location);
            }

            if (Checklist.MissesNetwork(FactLogic.Of(!service.Networks.IsEmpty), FactLogic.Of(service.NetworkMode is not null), namedNetworks) == Fact.Yes)
            {
                yield return Warning(Checklist.MissingNetwork.Id, Checklist.MissingNetwork.Format(service.Name), service.Location);
            }

            foreach (var router in service.Routers)
            {
                foreach (var finding in Check(router, traefik))
                {
                    yield return finding;
                }
            }

            foreach (var dependency in service.Dependencies)
            {
                var finding = Checklist.CheckDependency(
                    (WaitCondition)(int)dependency.Condition,
                    FactLogic.Of(HasHealthcheck(dependency.Target)),
                    FactLogic.Of(dependency.Target.IsOneShot),
                    FactLogic.Of(dependency.Reason is not null));
                if (finding != DependencyFinding.None)
                {
                    var message = Checklist.UnhealthyDependency.Format(service.Name, dependency.Target.Name, Checklist.Describe(finding));
                    yield return Warning(Checklist.UnhealthyDependency.Id, message, dependency.Location);
                }
            }
        }
    }

    private static IEnumerable<StackDiagnostic> Check(Router router, TraefikFacts traefik)
    {
        if (Checklist.MissesEntryPoint(FactLogic.Of(!router.EntryPoints.IsEmpty), FactLogic.Of(router.DefaultEntryPointsReason is not null), traefik.ProxyHasNoDefaultEntryPoints) == Fact.Yes)
        {
            yield return Warning(Checklist.MissingEntryPoint.Id, Checklist.MissingEntryPoint.Format(router.Name), router.Location);
        }

        var hasForwardAuth = router.Middlewares.Concat(router.EntryPoints.SelectMany(e => e.Middlewares)).Any(traefik.IsForwardAuth);
        if (Checklist.MissesAuthentication(FactLogic.Of(hasForwardAuth), FactLogic.Of(router.PublicAccessReason is not null), traefik.StackUsesForwardAuth) == Fact.Yes)
        {
            yield return Warning(Checklist.MissingAuthentication.Id, Checklist.MissingAuthentication.Format(router.Name), router.Location);
        }
    }

    /// <summary>What the stack says about its Traefik, for STK0003 and STK0004.</summary>
    private sealed class TraefikFacts(DockerMiddlewares docker)
    {
        public Fact ProxyHasNoDefaultEntryPoints { get; private init; }

        public Fact StackUsesForwardAuth { get; private set; }

        public static TraefikFacts Of(ComposeStack stack)
        {
            var facts = new TraefikFacts(DockerMiddlewares.Of(stack))
            {
                ProxyHasNoDefaultEntryPoints = FactLogic.Of(stack.Traefik is { } proxy && !proxy.EntryPoints.Any(e => e.IsDefault)),
            };
            var used = stack.Services.SelectMany(s => s.Routers).SelectMany(r => r.Middlewares.Concat(r.EntryPoints.SelectMany(e => e.Middlewares)))
                .Concat(stack.Traefik?.EntryPoints.SelectMany(e => e.Middlewares) ?? []);
            facts.StackUsesForwardAuth = FactLogic.Of(facts.Docker.AnyForwardAuth || used.Any(facts.IsForwardAuth));
            return facts;
        }

        private DockerMiddlewares Docker { get; } = docker;

        /// <summary>A forward-auth middleware of the file provider (typed) or of the docker provider (typed or defined by labels).</summary>
        public bool IsForwardAuth(Middleware middleware) => middleware switch
        {
            ForwardAuthMiddleware or ExternalMiddleware { IsForwardAuth: true } => true,

            // A chain runs each of its middlewares: one forward-auth in it guards the router.
            ChainMiddleware chain => chain.Middlewares.Any(IsForwardAuth),
            _ => middleware.Provider == "docker" && Docker.IsForwardAuth(middleware.Name),
        };
    }

    // A disabled healthcheck (test NONE) is no healthcheck to wait on.
    private static bool HasHealthcheck(Service service) =>
        service.Healthcheck is { } healthcheck && healthcheck.Test != HealthcheckTest.None;

    private static StackDiagnostic Warning(string id, string message, SourceLocation location) =>
        new(id, message, location) { Severity = DiagnosticSeverity.Warning };
}
