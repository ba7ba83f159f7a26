using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>STK0204: a label written by a router must not also be set by hand to something else.</summary>
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
            }
        }
    }
}
