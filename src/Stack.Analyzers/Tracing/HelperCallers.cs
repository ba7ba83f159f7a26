using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Stack.Analyzers.Tracing;

/// <summary>
/// The calls of a helper in the compilation (<c>Assemble("s", web, db)</c> for
/// <c>Assemble(string name, params Service[] services) =&gt; new ComposeStack(name).WithServices(services)</c>):
/// what its parameters are bound to at each. Found by one walk of every file, filtered by the
/// called name before anything is bound, and only for a helper that hands a parameter to the
/// stack: a definition without one pays nothing.
/// </summary>
internal sealed class HelperCallers
{
    private readonly Compilation _compilation;
    private readonly SemanticModels _models;
    private readonly ConcurrentDictionary<ISymbol, IReadOnlyList<IInvocationOperation>> _calls = new(SymbolEqualityComparer.Default);

    public HelperCallers(Compilation compilation, SemanticModels models)
    {
        _compilation = compilation;
        _models = models;
    }

    /// <summary>Every call of <paramref name="method"/> written in the compilation (a method group passed elsewhere is not one).</summary>
    public IReadOnlyList<IInvocationOperation> Of(IMethodSymbol method) => _calls.GetOrAdd(method.OriginalDefinition, m => Find((IMethodSymbol)m));

    private List<IInvocationOperation> Find(IMethodSymbol method)
    {
        var calls = new List<IInvocationOperation>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is InvocationExpressionSyntax call && CalledName(call) == method.Name
                    && _models.For(tree)?.GetOperation(call) is IInvocationOperation invocation
                    && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, method))
                {
                    calls.Add(invocation);
                }
            }
        }

        return calls;
    }

    private static string? CalledName(InvocationExpressionSyntax call) => call.Expression switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => StackServices.CalledName(call),
    };
}
