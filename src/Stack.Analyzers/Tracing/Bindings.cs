using Microsoft.CodeAnalysis;

namespace Stack.Analyzers.Tracing;

/// <summary>
/// The arguments of the helper calls being traced through: inside <c>Internal(this Service s)</c>,
/// <c>s</c> is whatever the caller passed. An immutable linked list; helpers nest only a few deep.
/// </summary>
internal sealed class Bindings
{
    private readonly IParameterSymbol? _parameter;
    private readonly IOperation? _argument;
    private readonly Bindings? _next;

    private Bindings(IParameterSymbol? parameter, IOperation? argument, Bindings? argumentScope, Bindings? next)
    {
        _parameter = parameter;
        _argument = argument;
        ArgumentScope = argumentScope;
        _next = next;
    }

    /// <summary>Outside any helper: parameters are unknown.</summary>
    public static Bindings None { get; } = new(null, null, null, null);

    /// <summary>The bindings the bound argument itself is evaluated in (the caller's).</summary>
    private Bindings? ArgumentScope { get; }

    public Bindings Bind(IParameterSymbol parameter, IOperation argument, Bindings callerScope) =>
        new(parameter.OriginalDefinition, argument, callerScope, this);

    /// <summary>The argument bound to <paramref name="parameter"/> and the scope to evaluate it in.</summary>
    public bool TryGet(IParameterSymbol parameter, out IOperation argument, out Bindings scope)
    {
        for (var current = this; current is not null; current = current._next)
        {
            if (current._parameter is not null && SymbolEqualityComparer.Default.Equals(current._parameter, parameter.OriginalDefinition))
            {
                argument = current._argument!;
                scope = current.ArgumentScope!;
                return true;
            }
        }

        argument = null!;
        scope = None;
        return false;
    }
}
