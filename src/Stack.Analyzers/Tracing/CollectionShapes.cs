using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Stack.Analyzers.Tracing;

/// <summary>
/// The collections of services (or middlewares, capabilities...) the tracer can see into besides
/// literals: LINQ's <c>Select</c> over a visible collection (each element through the lambda, its
/// parameter bound to the element, or a method group: <c>Select(App)</c>), <c>Concat</c>/<c>Append</c>/<c>Prepend</c>,
/// <c>ToArray</c>/<c>ToList</c>, a helper returning a collection
/// (<c>Group(params Service[] services) =&gt; services</c>, its parameters bound), and a list built
/// with <c>new() { a, b }</c> that nothing but the DSL reads (no <c>Add</c> later).
/// </summary>
internal sealed class CollectionShapes
{
    private readonly DslTypes _types;
    private readonly SemanticModels _models;
    private readonly SourceValues _values;
    private readonly ValueTracer _tracer;
    private readonly ConcurrentDictionary<ISymbol, bool> _onlyRead = new(SymbolEqualityComparer.Default);

    public CollectionShapes(DslTypes types, SemanticModels models, SourceValues values, ValueTracer tracer)
    {
        _types = types;
        _models = models;
        _values = values;
        _tracer = tracer;
    }

    /// <summary>The elements a call returns, each with the bindings to read it in; null when not visible.</summary>
    public IReadOnlyList<ScopedValue>? Elements(IInvocationOperation invocation, Bindings scope, ValueTracer.Walk walk)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType is { Name: "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace.Name: "System" } })
        {
            return Linq(invocation, scope, walk);
        }

        var definition = method.OriginalDefinition;
        if (_types.IsDslType(method.ContainingType) || _values.Of(definition) is not { Length: 1 } returns || !walk.Enter(definition))
        {
            return null;
        }

        try
        {
            return _tracer.Elements(returns[0], ValueTracer.CalleeScope(invocation, scope), walk);
        }
        finally
        {
            walk.Leave(definition);
        }
    }

    /// <summary>Whether <paramref name="symbol"/> (a local or a private field) is only ever read by the DSL's methods: passed, spread or looped over.</summary>
    public bool OnlyRead(ISymbol symbol) => _onlyRead.GetOrAdd(symbol, FindOnlyRead);

    private IReadOnlyList<ScopedValue>? Linq(IInvocationOperation invocation, Bindings scope, ValueTracer.Walk walk)
    {
        var arguments = invocation.Arguments;
        switch (invocation.TargetMethod.Name)
        {
            case "ToArray" or "ToList" or "AsEnumerable" when arguments.Length == 1:
                return _tracer.Elements(arguments[0].Value, scope, walk);
            case "Select" when arguments.Length == 2
                && ValueTracer.Unwrap(arguments[1].Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol.Parameters.Length: 1 } lambda }
                && Returned(lambda) is { } body
                && _tracer.Elements(arguments[0].Value, scope, walk) is { } source:
                // Each element is the lambda's value with its parameter bound to that element.
                var parameter = lambda.Symbol.Parameters[0];
                return [.. source.Select(element => new ScopedValue(body, scope.Bind(parameter, element.Value, element.Scope)))];
            case "Select" when arguments.Length == 2
                && ValueTracer.Unwrap(arguments[1].Value) is IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: { Parameters.Length: 1 } method } }
                && _values.Of(method.OriginalDefinition) is { Length: 1 } returns
                && _tracer.Elements(arguments[0].Value, scope, walk) is { } source:
                // Select(App): each element is the helper's value with its parameter bound to that element.
                var helperParameter = method.OriginalDefinition.Parameters[0];
                return [.. source.Select(element => new ScopedValue(returns[0], Bindings.None.Bind(helperParameter, element.Value, element.Scope)))];
            case "Concat" when arguments.Length == 2:
                return Joined(_tracer.Elements(arguments[0].Value, scope, walk), _tracer.Elements(arguments[1].Value, scope, walk));
            case "Append" when arguments.Length == 2:
                return Joined(_tracer.Elements(arguments[0].Value, scope, walk), [new ScopedValue(arguments[1].Value, scope)]);
            case "Prepend" when arguments.Length == 2:
                return Joined([new ScopedValue(arguments[1].Value, scope)], _tracer.Elements(arguments[0].Value, scope, walk));
            default:
                // Where, Take, Skip, Distinct...: a subset known only by running the filter. Reporting an
                // element the filter drops would be a false alarm; the runtime sees the real subset.
                return null;
        }
    }

    /// <summary>Both sequences' elements, in order; null when either is not visible.</summary>
    private static IReadOnlyList<ScopedValue>? Joined(IReadOnlyList<ScopedValue>? first, IReadOnlyList<ScopedValue>? second) =>
        first is null || second is null ? null : [.. first, .. second];

    /// <summary>The one value a lambda returns (<c>n =&gt; new Service(n)</c>, or a body with a single return).</summary>
    private static IOperation? Returned(IAnonymousFunctionOperation lambda) =>
        lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } value } ? value : null;

    private bool FindOnlyRead(ISymbol symbol)
    {
        if (symbol is IFieldSymbol { DeclaredAccessibility: not Accessibility.Private } || symbol is not (ILocalSymbol or IFieldSymbol)
            || symbol.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        var declaration = symbol.DeclaringSyntaxReferences[0].GetSyntax();
        IEnumerable<SyntaxNode> scopes = symbol is ILocalSymbol
            ? [declaration.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax or CompilationUnitSyntax)!]
            : symbol.ContainingType.DeclaringSyntaxReferences.Select(r => r.GetSyntax());
        foreach (var scope in scopes)
        {
            if (scope is null || _models.For(scope.SyntaxTree) is not { } model)
            {
                return false;
            }

            foreach (var name in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText == symbol.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol?.OriginalDefinition, symbol.OriginalDefinition)
                    && !ReadByTheDsl(name, model))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>A use that cannot change the collection: an argument of a DSL method, a spread, or a foreach's collection.</summary>
    private bool ReadByTheDsl(IdentifierNameSyntax name, SemanticModel model) => name.Parent switch
    {
        ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.None, Parent.Parent: InvocationExpressionSyntax call }
            => model.GetSymbolInfo(call).Symbol is IMethodSymbol method && _types.IsDslType(method.ContainingType),
        SpreadElementSyntax => true,
        ForEachStatementSyntax loop => loop.Expression == name,
        _ => false,
    };
}
