using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Stack.Analyzers.Tracing;
using Stack.Rules;

namespace Stack.Analyzers.Checklist;

/// <summary>
/// What the project's code says about its Traefik, read once per compilation, for STK0003 and
/// STK0004 (which depend on the stack, not the router alone). Each fact errs toward silence: a
/// proxy counts as declared only when created with <c>new TraefikProxy(</c>; any
/// <c>.AsDefault()</c> counts as a default entrypoint. Single sign-on counts as present when the
/// symbols show a <c>ForwardAuthMiddleware</c> created (however written: <c>new(...)</c> for a
/// field of that type too) or the DSL's <c>.AsForwardAuth()</c> called, or a label defines one
/// (<c>.forwardauth.</c>); it is decided the first time a router asks.
/// </summary>
internal sealed class DeclaredTraefik
{
    private readonly System.Lazy<Fact> _usesForwardAuth;

    private DeclaredTraefik(Fact proxyHasNoDefaultEntryPoints, System.Func<Fact> usesForwardAuth)
    {
        ProxyHasNoDefaultEntryPoints = proxyHasNoDefaultEntryPoints;
        _usesForwardAuth = new System.Lazy<Fact>(usesForwardAuth, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Yes when the project declares a TraefikProxy and no default entrypoint; otherwise nothing is proven (No).</summary>
    public Fact ProxyHasNoDefaultEntryPoints { get; }

    /// <summary>Yes when the project has a forward-auth middleware of either provider; No when it has none.</summary>
    public Fact UsesForwardAuth => _usesForwardAuth.Value;

    public static DeclaredTraefik Of(Compilation compilation, DslTypes types, SemanticModels models)
    {
        bool proxy = false, defaults = false;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var text = tree.GetText().ToString();
            proxy |= text.Contains("new TraefikProxy(");
            defaults |= text.Contains(".AsDefault(");
        }

        return new DeclaredTraefik(FactLogic.Of(proxy && !defaults), () => FactLogic.Of(compilation.SyntaxTrees.Any(tree => DeclaresForwardAuth(tree, types, models))));
    }

    private static bool DeclaresForwardAuth(SyntaxTree tree, DslTypes types, SemanticModels models)
    {
        var text = tree.GetText().ToString();
#pragma warning disable CA2249 // netstandard2.0 has no Contains with a comparison
        if (text.IndexOf(".forwardauth.", System.StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return true; // a label a person wrote by hand
        }
#pragma warning restore CA2249

        // Only the calls that can make one are bound: target-typed new(...), new X(...) named
        // like the type, and AsForwardAuth().
        var model = models.For(tree);
        if (model is null || !(text.Contains("ForwardAuth") || text.Contains("new(")))
        {
            return false;
        }

        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var found = node switch
            {
                ImplicitObjectCreationExpressionSyntax created => types.IsForwardAuthMiddleware(model.GetTypeInfo(created).Type),
                ObjectCreationExpressionSyntax { Type: var type } created when type.ToString().EndsWith("ForwardAuthMiddleware", System.StringComparison.Ordinal)
                    => types.IsForwardAuthMiddleware(model.GetTypeInfo(created).Type),
                InvocationExpressionSyntax call when StackServices.CalledName(call) == "AsForwardAuth"
                    => model.GetSymbolInfo(call).Symbol is IMethodSymbol method && types.IsDslType(method.ContainingType),
                _ => false,
            };
            if (found)
            {
                return true;
            }
        }

        return false;
    }
}
