using Stack.Dsl.Compose;

namespace Stack.Dsl.Validation.Swarm;

/// <summary>
/// The checks that hold only on a Swarm target (STK05nn). They run on every stack the validator
/// sees whose targets include <see cref="DeployTarget.Swarm"/>: the definition and each
/// environment's stack (<see cref="EnvironmentValidation"/> names the environment).
/// </summary>
internal static class SwarmRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack) =>
        !stack.Targets.Includes(DeployTarget.Swarm)
            ? []
            : SwarmPortRules.Check(stack)
                .Concat(SwarmSettingRules.Check(stack))
                .Concat(SwarmWaitRules.Check(stack))
                .Concat(SwarmPlacementRules.Check(stack))
                .Concat(SwarmTraefikRules.Check(stack));

    public static StackDiagnostic Warning(string id, string message, SourceLocation location) =>
        new(id, message, location) { Severity = DiagnosticSeverity.Warning };
}
