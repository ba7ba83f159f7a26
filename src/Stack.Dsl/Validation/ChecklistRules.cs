using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>
/// The service checklist (STK0001-STK0005) at run time, and the depends_on Compose refuses (STK0219, an error). The decisions and the words are
/// <see cref="Checklist"/>'s, shared with the analyzer; this only reads the facts off the model.
/// Findings are warnings, as in the IDE: the analyzer reports what it can prove while typing, and
/// this catches what it could not see (a service built in a loop, a value from outside the project).
/// </summary>
internal static class ChecklistRules
{
    /// <param name="stack">The stack to check.</param>
    /// <param name="definition">When <paramref name="stack"/> is an environment's, the definition it was made from.</param>
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack, ComposeStack? definition = null)
    {
        var namedNetworks = FactLogic.Of(stack.Services.Any(s => !s.Networks.IsEmpty) || !stack.ExtraNetworks.IsEmpty);
        var traefik = TraefikFacts.Of(stack, definition);
        // depends_on is written by name: the target is the stack's service of that name, which an
        // environment may have changed since DependsOn captured it (a removed healthcheck, say).
        var byName = stack.Services.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var service in stack.Services)
        {
            // deploy.restart_policy is the restart policy where restart is unset, on Swarm and for Compose alike.
            if (Checklist.MissesRestartPolicy(FactLogic.Of(service.Restart is not null || service.Deployment?.RestartPolicy is not null)) == Fact.Yes)
            {
                yield return Warning(Checklist.MissingRestartPolicy.Id, Checklist.MissingRestartPolicy.Format(service.Name), service.Location) with { AddedAt = stack.Joins.Of(service) };
            }

            if (Checklist.MissesNetwork(FactLogic.Of(!service.Networks.IsEmpty), FactLogic.Of(service.NetworkMode is not null), namedNetworks) == Fact.Yes)
            {
                yield return Warning(Checklist.MissingNetwork.Id, Checklist.MissingNetwork.Format(service.Name), service.Location) with { AddedAt = stack.Joins.Of(service) };
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
                var condition = (WaitCondition)(int)dependency.Condition;
                if (!byName.TryGetValue(dependency.Target.Name, out var target))
                {
                    continue; // not in the stack: STK0203 says so
                }

                if (ComposeRefusals.RefusesHealthyWait(condition, FactLogic.Of(HasHealthcheck(target))) == Fact.Yes)
                {
                    var image = target.Image is { IsLiteral: true } literal ? literal.ToCompose() : null;
                    yield return new StackDiagnostic(
                        ComposeRefusals.HealthyWaitWithoutHealthcheck.Id,
                        ComposeRefusals.HealthyWaitWithoutHealthcheck.Format(service.Name, target.Name, ComposeRefusals.Advice(target.Name, image)),
                        service.At(dependency.Location));
                    continue;
                }

                var finding = Checklist.CheckDependency(
                    condition,
                    FactLogic.Of(HasHealthcheck(target)),
                    FactLogic.Of(target.IsOneShot),
                    FactLogic.Of(dependency.Reason is not null));
                if (finding != DependencyFinding.None)
                {
                    var message = Checklist.UnhealthyDependency.Format(service.Name, dependency.Target.Name, Checklist.Describe(finding), Checklist.Advise(finding, dependency.Target.Name));
                    // At the DependsOn call; at the helper's call when a helper with parameters wrote it
                    // (its own line is every service's); at the service for DependsOn(new Dependency(...)).
                    yield return Warning(Checklist.UnhealthyDependency.Id, message, service.At(dependency.Location));
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

        /// <summary>
        /// The facts of <paramref name="stack"/>; single sign-on is also the <paramref name="definition"/>'s:
        /// an environment that strips every forward-auth middleware leaves its routers public, which is
        /// what STK0004 is for, not a stack the item does not apply to.
        /// </summary>
        public static TraefikFacts Of(ComposeStack stack, ComposeStack? definition)
        {
            var facts = new TraefikFacts(DockerMiddlewares.Of(stack))
            {
                ProxyHasNoDefaultEntryPoints = FactLogic.Of(stack.Traefik is { } proxy && !proxy.EntryPoints.Any(e => e.IsDefault)),
            };
            facts.StackUsesForwardAuth = FactLogic.Of(UsesForwardAuth(stack, facts.Docker) || (definition is not null && UsesForwardAuth(definition, DockerMiddlewares.Of(definition))));
            return facts;
        }

        /// <summary>Whether the stack has single sign-on: a forward-auth middleware it defines or uses, or one it declares with <see cref="ComposeStack.WithForwardAuth"/>.</summary>
        private static bool UsesForwardAuth(ComposeStack stack, DockerMiddlewares docker)
        {
            var used = stack.Services.SelectMany(s => s.Routers).SelectMany(r => r.Middlewares.Concat(r.EntryPoints.SelectMany(e => e.Middlewares)))
                .Concat(stack.Traefik?.EntryPoints.SelectMany(e => e.Middlewares) ?? []);
            return stack.ForwardAuth is not null || docker.AnyForwardAuth || used.Any(docker.IsForwardAuth);
        }

        private DockerMiddlewares Docker { get; } = docker;

        /// <summary>A forward-auth middleware of the file provider (typed) or of the docker provider (typed or defined by labels).</summary>
        public bool IsForwardAuth(Middleware middleware) => Docker.IsForwardAuth(middleware);
    }

    // A disabled healthcheck (test NONE) is no healthcheck to wait on.
    private static bool HasHealthcheck(Service service) =>
        service.Healthcheck is { } healthcheck && healthcheck.Test != HealthcheckTest.None;

    private static StackDiagnostic Warning(string id, string message, SourceLocation location) =>
        new(id, message, location) { Severity = DiagnosticSeverity.Warning };
}
