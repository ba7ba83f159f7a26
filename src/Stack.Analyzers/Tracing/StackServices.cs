using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Stack.Analyzers.Tracing;

/// <summary>A service added to a stack by a <c>WithServices</c> call: what was proven about it, and where to report.</summary>
internal sealed record AddedService(IOperation Value, Location Location, FactSet Facts, string Name);

/// <summary>The services a <c>ComposeStack.WithServices</c> call adds: the sink the service rules check at.</summary>
internal static class StackServices
{
    /// <summary>The name of the method an invocation calls, read off the syntax (to filter before binding).</summary>
    public static string? CalledName(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// The services one <c>WithServices</c> call adds, one list per stack it builds: a single list, or,
    /// in a helper that hands its own parameters to the stack (<c>Assemble(params Service[] services)</c>),
    /// one per call of that helper, each with the helper's parameters bound to that call's arguments.
    /// </summary>
    public static IEnumerable<IReadOnlyList<AddedService>> AddedPerStack(IInvocationOperation invocation, DslTypes types, ValueTracer tracer)
    {
        if (ForwardingHelper(invocation) is not { } helper)
        {
            return [Added(invocation, Bindings.None, types, tracer).ToList()];
        }

        var calls = tracer.Callers.Of(helper);
        return calls.Count == 0
            ? [Added(invocation, Bindings.None, types, tracer).ToList()]
            : calls.Select(call => (IReadOnlyList<AddedService>)Added(invocation, ValueTracer.CalleeScope(call, Bindings.None), types, tracer).ToList());
    }

    /// <summary>The method (not a lambda) whose parameter an argument of the call is, when that argument is not visible unbound.</summary>
    private static IMethodSymbol? ForwardingHelper(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (ValueTracer.Unwrap(argument.Value) is IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } helper })
            {
                return helper;
            }
        }

        return null;
    }

    private static IEnumerable<AddedService> Added(IInvocationOperation invocation, Bindings scope, DslTypes types, ValueTracer tracer)
    {
        foreach (var argument in invocation.Arguments)
        {
            var elements = tracer.ElementsOf(argument.Value, scope);
            var services = elements ?? (types.IsService(argument.Value.Type) ? [new ScopedValue(argument.Value, scope)] : []);

            // A loop variable over a known collection is each element in turn: check each where it is written.
            // An element made inside a helper or a lambda (Select(n => new Service(n))) is read with its bindings.
            foreach (var element in services.SelectMany(e => e.Scope == Bindings.None ? tracer.LoopElementsOrSelf(e.Value).Select(v => new ScopedValue(v, Bindings.None)) : new[] { e }))
            {
                var service = element.Value;
                var facts = tracer.Trace(service, element.Scope);
                yield return new AddedService(service, InAnalyzedTree(service, argument, invocation), facts, NameOf(facts, service));
            }
        }
    }

    /// <summary>
    /// A finding about <paramref name="service"/>, at the call that caused it (<paramref name="site"/>),
    /// with the place the service joins the stack as its additional location; at that place alone
    /// when the call is not known (a value from a conditional, a <c>with</c> expression).
    /// </summary>
    public static Diagnostic Finding(
        DiagnosticDescriptor descriptor, Location? site, AddedService service, ImmutableDictionary<string, string?>? properties, params object[] arguments) =>
        site is null || site == service.Location
            ? Diagnostic.Create(descriptor, service.Location, properties, arguments)
            : Diagnostic.Create(descriptor, site, [service.Location], properties, arguments);

    /// <summary>
    /// The name given to the constructor, else the expression on one line when it is short, else
    /// where its chain starts (<c>Base(name)...</c>): always something the reader can find.
    /// </summary>
    public static string NameOf(FactSet facts, IOperation value)
    {
        if (facts.Name is { } name)
        {
            return name;
        }

        var text = OneLine(value.Syntax);
        if (text.Length <= 60)
        {
            return text;
        }

        var start = value.Syntax;
        while (start is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            start = access.Expression;
        }

        var root = OneLine(start);
        return (root.Length <= 57 ? root : root.Substring(0, 57)) + "...";
    }

    /// <summary>
    /// A call without the receiver chain in front of it (<c>WithImage(...)</c> of
    /// <c>x.WithImage(...)</c>): where the generator's caller information places it.
    /// </summary>
    public static Location CallLocation(SyntaxNode call) =>
        call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
            ? Location.Create(invocation.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(access.Name.SpanStart, invocation.Span.End))
            : call.GetLocation();

    private static string OneLine(SyntaxNode node) =>
        string.Join(" ", node.ToString().Split((char[])[' ', '\n', '\r', '\t'], System.StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The element's own location when it is in the analyzed file (the IDE shows diagnostics per file), else the argument's.</summary>
    private static Location InAnalyzedTree(IOperation element, IArgumentOperation argument, IInvocationOperation invocation) =>
        element.Syntax.SyntaxTree == invocation.Syntax.SyntaxTree
            ? element.Syntax.GetLocation()
            : (argument.IsImplicit ? invocation.Syntax : argument.Syntax).GetLocation();
}
