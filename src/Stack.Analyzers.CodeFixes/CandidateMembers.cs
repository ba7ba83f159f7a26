using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stack.Analyzers.CodeFixes;

/// <summary>
/// The project's own static fields and properties of a DSL type (its networks, entrypoints,
/// forward-auth middlewares), and the locals in scope where the fix writes (a single-file stack
/// declares its networks as locals): what a fix can offer to add. Sorted by name, so actions are stable.
/// </summary>
internal static class CandidateMembers
{
    /// <summary>Locals of a wanted type declared before <paramref name="position"/> in <paramref name="model"/>'s tree, where the fix appends.</summary>
    public static IReadOnlyList<ISymbol> Locals(SemanticModel model, int position, System.Func<ISymbol, ITypeSymbol, bool> wanted) =>
        model.LookupSymbols(position)
            .OfType<ILocalSymbol>()
            .Where(local => local.DeclaringSyntaxReferences.Length == 1
                && local.DeclaringSyntaxReferences[0].SyntaxTree == model.SyntaxTree && local.DeclaringSyntaxReferences[0].Span.End <= position)
            .Where(local => wanted(local, local.Type))
            .OrderBy(local => local.Name, System.StringComparer.Ordinal)
            .ToList<ISymbol>();

    public static IReadOnlyList<ISymbol> Find(Compilation compilation, SemanticModel model, int position, System.Func<ISymbol, ITypeSymbol, bool> wanted) =>
        compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member)
            .Where(symbol => symbol.IsStatic && !symbol.IsImplicitlyDeclared && model.IsAccessible(position, symbol))
            .Where(symbol => TypeOf(symbol) is { } type && wanted(symbol, type))
            .OrderBy(Display, System.StringComparer.Ordinal)
            .ToList();

    /// <summary>How the member reads in code: <c>Networks.Private</c>.</summary>
    public static string Display(ISymbol symbol) => symbol is ILocalSymbol ? symbol.Name : $"{symbol.ContainingType.Name}.{symbol.Name}";

    /// <summary>The fully qualified name, which the fix's cleanup shortens and imports.</summary>
    public static string Qualified(ISymbol symbol) => symbol is ILocalSymbol
        ? symbol.Name
        : $"{symbol.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}.{symbol.Name}";

    /// <summary>Whether the member's initializer creates an instance of <paramref name="type"/> (a Middleware-typed field holding forward-auth).</summary>
    public static bool IsInitializedWith(ISymbol symbol, INamedTypeSymbol type, Compilation compilation)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var value = reference.GetSyntax() switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                _ => null,
            };
#pragma warning disable RS1030 // A code fix, not an analyzer: reading the declaring file's model is expected.
            if (value is not null && compilation.GetSemanticModel(value.SyntaxTree).GetTypeInfo(value).Type is { } created
#pragma warning restore RS1030
                && SymbolEqualityComparer.Default.Equals(created, type))
            {
                return true;
            }
        }

        return false;
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };
}
