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
                        $"Service '{service.Name}' sets label '{key}' to '{manual}', but its routers write '{value}'. Remove the WithLabel call and configure the router instead.",
                        service.Location);
                }

                foreach (var twin in service.Labels.Keys.Where(k => k != key && string.Equals(k, key, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return new StackDiagnostic(
                        RuleIds.ConflictingLabel,
                        $"Service '{service.Name}' sets label '{twin}', which Traefik reads as '{key}' (keys ignore case), a label its routers write. Remove the WithLabel call and configure the router instead.",
                        service.Location);
                }
            }
        }
    }
}
