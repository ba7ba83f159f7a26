using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Stack.Analyzers.Tracing;

/// <summary>
/// The findings about the services added to stacks (or the routers attached to services)
/// anywhere in the compilation, each reported in the file of the call that caused it. A service defined in <c>Services/Db.cs</c> and added in
/// <c>Definition.cs</c> has its <c>WithImage</c> in Db.cs: the IDE shows a file's diagnostics
/// from that file's analysis, so the finding is found from the stack's file and handed to the
/// analysis of Db.cs. Computed once per compilation (the first file analyzed pays), then read.
/// </summary>
internal sealed class StackFindings
{
    private readonly Compilation _compilation;
    private readonly SemanticModels _models;
    private readonly string _method;
    private readonly System.Func<IInvocationOperation, IEnumerable<Diagnostic>> _check;
    private readonly object _gate = new();
    private Dictionary<SyntaxTree, List<Diagnostic>>? _byFile;

    /// <param name="compilation">The compilation analyzed.</param>
    /// <param name="models">The models to bind calls with: the tracer's, so a file it also follows into is bound once.</param>
    /// <param name="method">The DSL method whose calls are checked (one of <see cref="CallSites"/>' names).</param>
    /// <param name="check">The findings of one call of it (nothing for a call of another type's method of that name).</param>
    public StackFindings(Compilation compilation, SemanticModels models, string method, System.Func<IInvocationOperation, IEnumerable<Diagnostic>> check)
    {
        _compilation = compilation;
        _models = models;
        _method = method;
        _check = check;
    }

    /// <summary>Findings about the services a <c>ComposeStack.WithServices</c> call adds.</summary>
    public static StackFindings OfServices(Compilation compilation, DslTypes types, ValueTracer tracer, System.Func<IReadOnlyList<AddedService>, IEnumerable<Diagnostic>> check) =>
        new(compilation, tracer.Models, "WithServices", invocation => types.IsComposeStack(invocation.TargetMethod.ContainingType)
            ? StackServices.AddedPerStack(invocation, types, tracer).SelectMany(check).Distinct() // a service passed to every call is one finding
            : []);

    /// <summary>Reports the findings located in the analyzed file, within the span the IDE asks for.</summary>
    public void ReportIn(SemanticModelAnalysisContext context)
    {
        if (context.IsGeneratedCode || !ByFile(context.CancellationToken).TryGetValue(context.SemanticModel.SyntaxTree, out var found))
        {
            return;
        }

        foreach (var diagnostic in found)
        {
            if (context.FilterSpan is not { } span || diagnostic.Location.SourceSpan.IntersectsWith(span))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    private Dictionary<SyntaxTree, List<Diagnostic>> ByFile(CancellationToken cancellation)
    {
        lock (_gate)
        {
            // A cancelled computation leaves nothing behind: the next file starts it again.
            return _byFile ??= Find(cancellation);
        }
    }

    private Dictionary<SyntaxTree, List<Diagnostic>> Find(CancellationToken cancellation)
    {
        var byFile = new Dictionary<SyntaxTree, List<Diagnostic>>();

        // One service added to two stacks (or by two calls of a helper that hands its parameters to
        // the stack) is one finding at its call, not one per stack: the same rule, place and text
        // are reported once, with where it first joined a stack.
        var seen = new HashSet<(string Id, Location At, string Message)>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var call in CallSites.InFile(tree, _method))
            {
                cancellation.ThrowIfCancellationRequested();
                model ??= _models.For(tree);
                if (model?.GetOperation(call, cancellation) is not IInvocationOperation invocation)
                {
                    continue;
                }

                foreach (var diagnostic in _check(invocation))
                {
                    if (diagnostic.Location.SourceTree is not { } at || !seen.Add((diagnostic.Id, diagnostic.Location, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture))))
                    {
                        continue;
                    }

                    if (!byFile.TryGetValue(at, out var list))
                    {
                        byFile[at] = list = [];
                    }

                    list.Add(diagnostic);
                }
            }
        }

        return byFile;
    }
}
