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
                foreach (var finding in Check(router))
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

    private static IEnumerable<StackDiagnostic> Check(Router router)
    {
        if (Checklist.MissesEntryPoint(FactLogic.Of(!router.EntryPoints.IsEmpty), FactLogic.Of(router.DefaultEntryPointsReason is not null)) == Fact.Yes)
        {
            yield return Warning(Checklist.MissingEntryPoint.Id, Checklist.MissingEntryPoint.Format(router.Name), router.Location);
        }

        var hasForwardAuth = router.Middlewares.Any(middleware => middleware is ForwardAuthMiddleware);
        if (Checklist.MissesAuthentication(FactLogic.Of(hasForwardAuth), FactLogic.Of(router.PublicAccessReason is not null)) == Fact.Yes)
        {
            yield return Warning(Checklist.MissingAuthentication.Id, Checklist.MissingAuthentication.Format(router.Name), router.Location);
        }
    }

    // A disabled healthcheck (test NONE) is no healthcheck to wait on.
    private static bool HasHealthcheck(Service service) =>
        service.Healthcheck is { } healthcheck && healthcheck.Test != HealthcheckTest.None;

    private static StackDiagnostic Warning(string id, string message, SourceLocation location) =>
        new(id, message, location) { Severity = DiagnosticSeverity.Warning };
}
