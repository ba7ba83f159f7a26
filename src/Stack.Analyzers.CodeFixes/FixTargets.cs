using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Stack.Analyzers.Tracing;

namespace Stack.Analyzers.CodeFixes;

/// <summary>
/// Where a code fix should append the missing call: where the value is built. A reference to a
/// local, field or property with one value leads to that value (possibly in another file); a
/// chain, a creation or anything else is extended where it stands.
/// </summary>
internal static class FixTargets
{
    public static Location Of(IOperation value, SemanticModels models)
    {
        var current = ValueTracer.Unwrap(value)!;
        for (var step = 0; step < 8; step++)
        {
            var symbol = current switch
            {
                ILocalReferenceOperation local => (ISymbol)local.Local,
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation property => property.Property,
                _ => null,
            };
            if (symbol is null || symbol.DeclaringSyntaxReferences.Length != 1 || !SingleValue(symbol, models, out var next))
            {
                break;
            }

            current = next;
        }

        return current.Syntax.GetLocation();
    }

    /// <summary>The model of <paramref name="tree"/>: <paramref name="model"/> itself when it is that file's.</summary>
    public static SemanticModel ModelOf(SemanticModel model, SyntaxTree tree) =>
#pragma warning disable RS1030 // A code fix, not an analyzer: reading another file's model is expected.
        tree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

    private static bool SingleValue(ISymbol symbol, SemanticModels models, out IOperation value)
    {
        value = null!;
        if (new SourceValues(models).Of(symbol) is not { Length: 1 } values || ValueTracer.Unwrap(values[0]) is not { } single)
        {
            return false;
        }

        value = single;
        return true;
    }
}
