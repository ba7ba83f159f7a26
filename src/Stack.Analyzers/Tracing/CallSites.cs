using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Stack.Analyzers.Tracing;

/// <summary>
/// The calls of one file that an analyzer checks, found by one walk of its syntax and filtered by
/// the called name before anything is bound. The analyzers run per file (a semantic-model action)
/// rather than per invocation (a syntax-node action): the driver dispatches a syntax-node action
/// for each of the project's calls one by one, which cost ~45 ms of a 1.4 s build of 1,000
/// services where this walk costs none measurable (bench/README.md).
/// </summary>
internal static class CallSites
{
    /// <summary>
    /// The invocations of the analyzed file whose called name is one of <paramref name="names"/>,
    /// within the span the IDE asks for; none in generated code (the analyzers do not check it).
    /// </summary>
    public static IEnumerable<InvocationExpressionSyntax> Named(SemanticModelAnalysisContext context, params string[] names)
    {
        if (context.IsGeneratedCode)
        {
            yield break;
        }

        var root = context.SemanticModel.SyntaxTree.GetRoot(context.CancellationToken);
        var span = context.FilterSpan ?? root.FullSpan;
        foreach (var node in root.DescendantNodes(span))
        {
            if (node is InvocationExpressionSyntax call && call.Span.IntersectsWith(span) && IsOneOf(StackServices.CalledName(call), names))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                yield return call;
            }
        }
    }

    private static bool IsOneOf(string? name, string[] names)
    {
        foreach (var candidate in names)
        {
            if (name == candidate)
            {
                return true;
            }
        }

        return false;
    }
}
