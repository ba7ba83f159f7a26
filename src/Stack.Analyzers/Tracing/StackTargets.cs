using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Stack.Analyzers.Tracing;

/// <summary>
/// What a stack's own fluent chain says about its targets: read by the Swarm rules (STK05nn run
/// only there), STK0106's wording and its code fix (binding to 127.0.0.1 does not hold on Swarm).
/// An environment that changes the targets, or targets computed or held in a variable, are not
/// read: the generator, which sees the built stack, decides those.
/// </summary>
internal static class StackTargets
{
    /// <summary>
    /// Whether the fluent chain <paramref name="withServices"/> is part of (before or after it)
    /// says <c>DeployTarget.Swarm</c> in its last <c>WithTargets</c> call: each call replaces the
    /// targets, so <c>.WithTargets(DeployTarget.Swarm)...WithTargets(DeployTarget.Compose)</c>
    /// targets Compose alone.
    /// </summary>
    public static bool IncludeSwarm(IInvocationOperation withServices)
    {
        // Up to the end of the chain: x.WithServices(...).WithTargets(...) says it after.
        SyntaxNode top = withServices.Syntax;
        while (top.Parent is MemberAccessExpressionSyntax access && access.Expression == top && access.Parent is InvocationExpressionSyntax outer)
        {
            top = outer;
        }

        var call = withServices.SemanticModel?.GetOperation(top) as IInvocationOperation ?? withServices;
        for (var link = call; link is not null; link = ValueTracer.Unwrap(link.Instance) as IInvocationOperation)
        {
            if (link.TargetMethod.Name == "WithTargets" && link.TargetMethod.ContainingType?.Name == "ComposeStack")
            {
                return link.Arguments.Any(a => NamesSwarm(a.Value));
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the targets given are written out and one of them is <c>DeployTarget.Swarm</c>:
    /// <c>WithTargets(DeployTarget.Compose, DeployTarget.Swarm)</c>, an array or a collection
    /// expression of them. Anything computed (<c>Enum.GetValues&lt;DeployTarget&gt;().Where(t =&gt;
    /// t != DeployTarget.Swarm)</c>, a conditional) is left to the generator.
    /// </summary>
    private static bool NamesSwarm(IOperation targets)
    {
        var value = ValueTracer.Unwrap(targets);
        var elements = value switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            ICollectionExpressionOperation collection => collection.Elements,
            _ => [value!],
        };

        return elements.Any(e => ValueTracer.Unwrap(e) is IFieldReferenceOperation { Field: { Name: "Swarm", ContainingType.Name: "DeployTarget" } });
    }
}
