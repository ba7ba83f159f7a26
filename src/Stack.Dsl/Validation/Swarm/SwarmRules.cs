using Stack.Dsl.Compose;

namespace Stack.Dsl.Validation.Swarm;

/// <summary>
/// The checks that hold only on a Swarm target (STK05nn). They run on every stack the validator
/// sees whose targets include <see cref="DeployTarget.Swarm"/>: the definition and each
/// environment's stack (<see cref="EnvironmentValidation"/> names the environment).
/// </summary>
internal static class SwarmRules
{
    /// <remarks>
    /// Each rule adds to one list rather than yielding: an iterator is a class of its own, loaded
    /// and prepared on first use, and a generate is one first use (see SwarmFiles.Targets).
    /// </remarks>
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack)
    {
        if (!stack.Targets.Includes(DeployTarget.Swarm))
        {
            return [];
        }

        var found = new List<StackDiagnostic>();
        SwarmPortRules.Check(stack, found);
        SwarmSettingRules.Check(stack, found);
        SwarmWaitRules.Check(stack, found);
        SwarmPlacementRules.Check(stack, found);
        SwarmTraefikRules.Check(stack, found);
        return found;
    }

    /// <summary>The stack's service of that name; null when it has none.</summary>
    public static Service? ServiceNamed(ComposeStack stack, string name)
    {
        foreach (var service in stack.Services)
        {
            if (service.Name == name)
            {
                return service;
            }
        }

        return null;
    }

    public static StackDiagnostic Warning(string id, string message, SourceLocation location) =>
        new(id, message, location) { Severity = DiagnosticSeverity.Warning };
}
