using Microsoft.CodeAnalysis;
using Stack.Rules;

namespace Stack.Analyzers.Checklist;

/// <summary>
/// What the project's code says about its Traefik, read once per compilation from the source text,
/// for STK0003 and STK0004 (which depend on the stack, not the router alone). Each fact errs toward
/// silence: a proxy counts as declared only when created with <c>new TraefikProxy(</c>; any
/// <c>.AsDefault()</c> counts as a default entrypoint; single sign-on counts as present when a
/// <c>ForwardAuthMiddleware</c> is created, an external one is said to be (<c>.AsForwardAuth()</c>),
/// or a label defines one (<c>.forwardauth.</c>).
/// </summary>
internal sealed class DeclaredTraefik
{
    private DeclaredTraefik(Fact proxyHasNoDefaultEntryPoints, Fact usesForwardAuth)
    {
        ProxyHasNoDefaultEntryPoints = proxyHasNoDefaultEntryPoints;
        UsesForwardAuth = usesForwardAuth;
    }

    /// <summary>Yes when the project declares a TraefikProxy and no default entrypoint; otherwise nothing is proven (No).</summary>
    public Fact ProxyHasNoDefaultEntryPoints { get; }

    /// <summary>Yes when the project has a forward-auth middleware of either provider; No when it has none.</summary>
    public Fact UsesForwardAuth { get; }

    public static DeclaredTraefik Of(Compilation compilation)
    {
        bool proxy = false, defaults = false, forwardAuth = false;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var text = tree.GetText().ToString();
            proxy |= text.Contains("new TraefikProxy(");
            defaults |= text.Contains(".AsDefault(");
#pragma warning disable CA2249 // netstandard2.0 has no Contains with a comparison
            forwardAuth |= text.Contains("ForwardAuthMiddleware(") || text.Contains(".AsForwardAuth(") || text.IndexOf(".forwardauth.", System.StringComparison.OrdinalIgnoreCase) >= 0;
#pragma warning restore CA2249
        }

        return new DeclaredTraefik(FactLogic.Of(proxy && !defaults), FactLogic.Of(forwardAuth));
    }
}
