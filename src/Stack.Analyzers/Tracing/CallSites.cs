using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Stack.Analyzers.Tracing;

/// <summary>
/// The calls of one file that an analyzer checks, found by one walk of its syntax and filtered by
/// the called name before anything is bound. The analyzers run per file (a semantic-model action)
/// rather than per invocation (a syntax-node action): the driver dispatches a syntax-node action
/// for each of the project's calls one by one, which cost ~45 ms of a 1.4 s build of 1,000
/// services where this walk costs none measurable (bench/README.md). The walk is shared by the
/// three analyzers and the backup analyzer's first-mount lookup: a file's calls are found once
/// per version of the file.
/// </summary>
internal static class CallSites
{
    /// <summary>Every name an analyzer asks for; <see cref="Named"/> finds only these.</summary>
    private static readonly string[] Checked = ["WithServices", "WithRouter", "DependsOn", "WithVolume", "WithVolumes", "WithField"];

    private static readonly ConditionalWeakTable<SyntaxTree, List<InvocationExpressionSyntax>> PerTree = new();

    /// <summary>
    /// The invocations of the analyzed file whose called name is one of <paramref name="names"/>
    /// (each one of <see cref="Checked"/>), within the span the IDE asks for; none in generated
    /// code (the analyzers do not check it).
    /// </summary>
    public static IEnumerable<InvocationExpressionSyntax> Named(SemanticModelAnalysisContext context, params string[] names)
    {
        if (context.IsGeneratedCode)
        {
            yield break;
        }

        var span = context.FilterSpan;
        foreach (var call in InFile(context.SemanticModel.SyntaxTree, names))
        {
            if (span is not { } filter || call.Span.IntersectsWith(filter))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                yield return call;
            }
        }
    }

    /// <summary>
    /// The invocations of the whole of <paramref name="tree"/> whose called name is one of
    /// <paramref name="names"/> (each one of <see cref="Checked"/>), whatever span is analyzed.
    /// </summary>
    public static IEnumerable<InvocationExpressionSyntax> InFile(SyntaxTree tree, params string[] names)
    {
        System.Diagnostics.Debug.Assert(System.Array.TrueForAll(names, name => IsOneOf(name, Checked)), "Add the name to Checked.");
        foreach (var call in PerTree.GetValue(tree, static t => Checks(t.GetRoot())))
        {
            if (IsOneOf(StackServices.CalledName(call), names))
            {
                yield return call;
            }
        }
    }

    private static List<InvocationExpressionSyntax> Checks(SyntaxNode root)
    {
        var calls = new List<InvocationExpressionSyntax>();
        foreach (var node in root.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax call && IsOneOf(StackServices.CalledName(call), Checked))
            {
                calls.Add(call);
            }
        }

        return calls;
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
