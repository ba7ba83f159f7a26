using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>STK0203: whatever a service refers to must be part of the stack.</summary>
internal static class ReferenceRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack)
    {
        var services = stack.Services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var secrets = stack.Secrets.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var configs = stack.Configs.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var service in stack.Services)
        {
            foreach (var dependency in service.Dependencies.Where(d => !services.Contains(d.Target.Name)))
            {
                yield return Unknown($"Service '{service.Name}' depends on '{dependency.Target.Name}', which is not in the stack. Add '{dependency.Target.Name}' to the stack with WithServices, or drop the dependency.", service.At(dependency.Location));
            }

            if (service.NetworkMode is ServiceNetworkMode shared && !services.Contains(shared.Service.Name))
            {
                yield return Unknown($"Service '{service.Name}' shares the network stack of '{shared.Service.Name}', which is not in the stack. Add '{shared.Service.Name}' to the stack.", service.Location);
            }

            foreach (var (key, mode) in new[] { ("pid", service.Pid), ("ipc", service.Ipc) })
            {
                if (mode?.Service is { } owner && !services.Contains(owner.Name))
                {
                    yield return Unknown($"Service '{service.Name}' shares the {key} namespace of '{owner.Name}', which is not in the stack. Add '{owner.Name}' to the stack.", service.Location);
                }
            }

            foreach (var source in service.VolumesFrom.Where(v => !services.Contains(v.Source.Name)))
            {
                yield return Unknown($"Service '{service.Name}' mounts the volumes of '{source.Source.Name}', which is not in the stack. Add '{source.Source.Name}' to the stack.", source.Location);
            }

            foreach (var grant in service.Secrets.Where(g => !secrets.Contains(g.Name)))
            {
                yield return Unknown($"Service '{service.Name}' uses secret '{grant.Name}', which the stack does not declare. Add it with ComposeStack.WithSecrets.", service.Location);
            }

            foreach (var grant in service.Configs.Where(g => !configs.Contains(g.Name)))
            {
                yield return Unknown($"Service '{service.Name}' uses config '{grant.Name}', which the stack does not declare. Add it with ComposeStack.WithConfigs.", service.Location);
            }
        }
    }

    private static StackDiagnostic Unknown(string message, SourceLocation location) => new(RuleIds.UnknownReference, message, location);
}
