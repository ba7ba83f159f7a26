using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stack.Analyzers.Tracing;

/// <summary>
/// Every value that a local, field, property or method can hold or return, read off the source.
/// Null means "cannot tell" (written from outside, ref/out, abstract, metadata): the tracer then
/// knows nothing, and the rules stay silent.
/// </summary>
internal sealed class SourceValues
{
    private readonly SemanticModels _models;
    private readonly ConcurrentDictionary<ISymbol, IOperation[]?> _cache = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxNode, Dictionary<string, List<Write>>> _writes = new();

    public SourceValues(SemanticModels models) => _models = models;

    /// <summary>The values a symbol may hold (locals, fields, properties) or return (methods).</summary>
    public IOperation[]? Of(ISymbol symbol) => _cache.GetOrAdd(symbol, Find);

    /// <summary>
    /// For a static field that its static constructor writes in statements of its own body (no
    /// branch, no loop) and nowhere else: its initializer (null when none) then each write, in
    /// order. Null otherwise: then every value it may hold is one of <see cref="Of"/>.
    /// </summary>
    public IReadOnlyList<IOperation?>? InStaticConstructor(IFieldSymbol field) => _sequences.GetOrAdd(field, f => FindInStaticConstructor((IFieldSymbol)f));

    private readonly ConcurrentDictionary<ISymbol, IReadOnlyList<IOperation?>?> _sequences = new(SymbolEqualityComparer.Default);

    private List<IOperation?>? FindInStaticConstructor(IFieldSymbol field)
    {
        if (!field.IsStatic || (!field.IsReadOnly && field.DeclaredAccessibility != Accessibility.Private)
            || field.ContainingType.StaticConstructors.Length != 1
            || field.ContainingType.StaticConstructors[0].DeclaringSyntaxReferences.Length != 1
            || field.ContainingType.StaticConstructors[0].DeclaringSyntaxReferences[0].GetSyntax() is not ConstructorDeclarationSyntax { Body: { } body })
        {
            return null;
        }

        // Another static initializer runs before the constructor's body and reads the value before it.
        foreach (var type in TypeDeclarations(field.ContainingType))
        {
            foreach (var other in type.DescendantNodes(n => n is not BlockSyntax).OfType<EqualsValueClauseSyntax>())
            {
                if (other.Parent is not ParameterSyntax && other.Parent is not EnumMemberDeclarationSyntax
                    && other.Value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(name => name.Identifier.ValueText == field.Name))
                {
                    return null;
                }
            }
        }

        var writes = new List<AssignmentExpressionSyntax>();
        foreach (var scope in field.IsReadOnly ? WhereAssignable(field) : TypeDeclarations(field.ContainingType))
        {
            if (!WritesIn(scope).TryGetValue(field.Name, out var found))
            {
                continue;
            }

            foreach (var write in found)
            {
                if (_models.For(write.Name.SyntaxTree) is not { } model
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(write.Name).Symbol?.OriginalDefinition, field.OriginalDefinition))
                {
                    continue;
                }

                // `Web = ...;` as a statement of the constructor's own body, or the sequence is not known.
                SyntaxNode target = write.Name.Parent is MemberAccessExpressionSyntax access && access.Name == write.Name ? access : write.Name;
                if (target.Parent is not AssignmentExpressionSyntax assignment || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    || assignment.Parent is not ExpressionStatementSyntax { Parent: var block } || block != body)
                {
                    return null;
                }

                writes.Add(assignment);
            }
        }

        if (writes.Count == 0)
        {
            return null;
        }

        var initializer = field.DeclaringSyntaxReferences.Length == 1 && field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer: { } init }
            ? _models.OperationOf(init.Value)
            : null;
        var steps = new List<IOperation?> { initializer };
        foreach (var assignment in writes.OrderBy(w => w.SpanStart))
        {
            if (_models.OperationOf(assignment.Right) is not { } value)
            {
                return null;
            }

            steps.Add(value);
        }

        return steps;
    }

    private IOperation[]? Find(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => OfLocal(local),
        IFieldSymbol field => OfField(field),
        IPropertySymbol property => OfProperty(property),
        IMethodSymbol method => OfMethod(method),
        _ => null,
    };

    private IOperation[]? OfLocal(ILocalSymbol local)
    {
        if (local.DeclaringSyntaxReferences.Length != 1 || local.IsRef)
        {
            return null;
        }

        var declaration = local.DeclaringSyntaxReferences[0].GetSyntax();
        var initial = declaration switch
        {
            VariableDeclaratorSyntax { Initializer: { } initializer } => initializer.Value,
            SingleVariableDesignationSyntax designation => Deconstructed(designation),
            _ => null,
        };
        if (initial is null)
        {
            return null; // foreach variables and pattern/out variables: see ForEachCollection.
        }

        // Locals can be written anywhere in their body, lambdas included.
        var scope = declaration.FirstAncestorOrSelf<SyntaxNode>(n =>
            n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax
                or PropertyDeclarationSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax);
        return scope is null ? null : WithWrites(local, [initial], [scope]);
    }

    /// <summary>
    /// The tuple element a deconstructed local starts as: <c>var (web, db) = (new Service(...), ...)</c>
    /// or <c>(var web, var db) = (...)</c>. Null when the right side is not a tuple written out.
    /// </summary>
    private static ExpressionSyntax? Deconstructed(SingleVariableDesignationSyntax designation)
    {
        switch (designation.Parent)
        {
            case ParenthesizedVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: AssignmentExpressionSyntax assignment } left } names
                when assignment.Left == left && assignment.Right is TupleExpressionSyntax right && right.Arguments.Count == names.Variables.Count:
                return right.Arguments[names.Variables.IndexOf(designation)].Expression;
            case DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: TupleExpressionSyntax { Parent: AssignmentExpressionSyntax assignment } left } element }
                when assignment.Left == left && assignment.Right is TupleExpressionSyntax right && right.Arguments.Count == left.Arguments.Count:
                return right.Arguments[left.Arguments.IndexOf(element)].Expression;
            default:
                return null;
        }
    }

    /// <summary>
    /// For a local deconstructed from a helper's tuple (<c>var (web, db) = Pair();</c>) and not written
    /// again: the call and the element's position. Null otherwise.
    /// </summary>
    public TupleElement? ElementOfCall(ILocalSymbol local) => _elements.GetOrAdd(local, symbol => FindElementOfCall((ILocalSymbol)symbol));

    private readonly ConcurrentDictionary<ISymbol, TupleElement?> _elements = new(SymbolEqualityComparer.Default);

    private TupleElement? FindElementOfCall(ILocalSymbol local)
    {
        if (local.DeclaringSyntaxReferences.Length != 1 || local.IsRef
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not SingleVariableDesignationSyntax designation)
        {
            return null;
        }

        var (assignment, index) = designation.Parent switch
        {
            ParenthesizedVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: AssignmentExpressionSyntax a } left } names
                when a.Left == left => (a, names.Variables.IndexOf(designation)),
            DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: TupleExpressionSyntax { Parent: AssignmentExpressionSyntax a } left } element }
                when a.Left == left => (a, left.Arguments.IndexOf(element)),
            _ => (null, -1),
        };
        var scope = designation.FirstAncestorOrSelf<SyntaxNode>(n =>
            n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax
                or PropertyDeclarationSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax);
        if (assignment?.Right is not InvocationExpressionSyntax call || scope is null
            || _models.OperationOf(call) is not Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation
            || WithWrites(local, [], [scope]) is not { Length: 0 })
        {
            return null;
        }

        return new TupleElement(invocation, index);
    }

    private IOperation[]? OfField(IFieldSymbol field)
    {
        // Anyone can write a non-private, writable field.
        if (!field.IsReadOnly && field.DeclaredAccessibility != Accessibility.Private)
        {
            return null;
        }

        var initializers = new List<ExpressionSyntax>();
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer })
            {
                initializers.Add(initializer.Value);
            }
        }

        return WithWrites(field, initializers, field.IsReadOnly ? WhereAssignable(field) : TypeDeclarations(field.ContainingType));
    }

    private IOperation[]? OfProperty(IPropertySymbol property)
    {
        if (property.DeclaringSyntaxReferences.Length != 1
            || property.DeclaringSyntaxReferences[0].GetSyntax() is not PropertyDeclarationSyntax declaration)
        {
            return null;
        }

        if (declaration.ExpressionBody is { } arrow)
        {
            return Operations([arrow.Expression]);
        }

        var getter = declaration.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration));
        if (getter?.ExpressionBody is { } getterArrow)
        {
            return Operations([getterArrow.Expression]);
        }

        if (getter?.Body is { } body)
        {
            return Returns(body);
        }

        // An auto-property: its initializer and constructor writes, unless callers may set it too.
        var setter = declaration.AccessorList?.Accessors.Any(a => !a.IsKind(SyntaxKind.GetAccessorDeclaration)) ?? true;
        if (setter)
        {
            return null;
        }

        return WithWrites(property, declaration.Initializer is { } initializer ? [initializer.Value] : [], WhereAssignable(property));
    }

    private IOperation[]? OfMethod(IMethodSymbol method)
    {
        if (method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern || method.IsAsync
            || method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        return method.DeclaringSyntaxReferences[0].GetSyntax() switch
        {
            BaseMethodDeclarationSyntax { ExpressionBody: { } arrow } => Operations([arrow.Expression]),
            BaseMethodDeclarationSyntax { Body: { } body } => Returns(body),
            LocalFunctionStatementSyntax { ExpressionBody: { } arrow } => Operations([arrow.Expression]),
            LocalFunctionStatementSyntax { Body: { } body } => Returns(body),
            _ => null,
        };
    }

    private IOperation[]? Returns(BlockSyntax body)
    {
        var returns = new List<ExpressionSyntax>();
        foreach (var node in body.DescendantNodes(n => n == body || !IsNestedFunction(n)))
        {
            if (node is YieldStatementSyntax)
            {
                return null;
            }

            if (node is ReturnStatementSyntax { Expression: { } value })
            {
                returns.Add(value);
            }
        }

        return Operations(returns);
    }

    /// <summary>The initial values plus every assignment to <paramref name="symbol"/> within <paramref name="scopes"/>.</summary>
    private IOperation[]? WithWrites(ISymbol symbol, IEnumerable<ExpressionSyntax> initialValues, IEnumerable<SyntaxNode> scopes)
    {
        var values = new List<ExpressionSyntax>(initialValues);
        foreach (var scope in scopes)
        {
            var model = _models.For(scope.SyntaxTree);
            if (model is null)
            {
                return null;
            }

            if (!WritesIn(scope).TryGetValue(symbol.Name, out var writes))
            {
                continue;
            }

            foreach (var write in writes)
            {
                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(write.Name).Symbol?.OriginalDefinition, symbol.OriginalDefinition))
                {
                    continue;
                }

                if (write.Value is null)
                {
                    return null; // ref, out, or a deconstruction: value unknown.
                }

                values.Add(write.Value);
            }
        }

        return Operations(values);
    }

    /// <summary>
    /// Every name written in <paramref name="scope"/>, by identifier, found in one walk per scope:
    /// a type with a thousand fields is walked once, not once per field.
    /// </summary>
    private Dictionary<string, List<Write>> WritesIn(SyntaxNode scope) =>
        _writes.GetOrAdd(scope, static node =>
        {
            var writes = new Dictionary<string, List<Write>>(System.StringComparer.Ordinal);
            foreach (var descendant in node.DescendantNodes())
            {
                if (descendant is IdentifierNameSyntax name && IsWritten(name, out var value))
                {
                    var key = name.Identifier.ValueText;
                    if (!writes.TryGetValue(key, out var list))
                    {
                        writes[key] = list = [];
                    }

                    list.Add(new Write(name, value));
                }
            }

            return writes;
        });

    /// <summary>A write to a name: the name as written, and the value when it can be told.</summary>
    private sealed record Write(IdentifierNameSyntax Name, ExpressionSyntax? Value);

    /// <summary>Whether <paramref name="name"/> is written; <paramref name="value"/> is what, when it can be told.</summary>
    private static bool IsWritten(IdentifierNameSyntax name, out ExpressionSyntax? value)
    {
        value = null;
        SyntaxNode target = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        switch (target.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == target:
                value = assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression)
                    ? assignment.Right
                    : null;
                return true;
            case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None):
                return true;
            case ArgumentSyntax { Parent: TupleExpressionSyntax tuple }:
                return tuple.Parent is AssignmentExpressionSyntax deconstruction && deconstruction.Left == tuple;
            default:
                return false;
        }
    }

    private IOperation[]? Operations(List<ExpressionSyntax> expressions)
    {
        var operations = new IOperation[expressions.Count];
        for (var i = 0; i < operations.Length; i++)
        {
            if (_models.OperationOf(expressions[i]) is not { } operation)
            {
                return null;
            }

            operations[i] = operation;
        }

        return operations;
    }

    /// <summary>
    /// Where C# lets a readonly field or a get-only auto-property be assigned besides its
    /// initializer: its type's constructors (the static one for a static member) and, for an
    /// instance field, init accessors. Only these are searched: a type of a thousand service
    /// fields has no constructor to walk; walking the whole type was a quarter of the analyzers' time.
    /// </summary>
    private static List<SyntaxNode> WhereAssignable(ISymbol member)
    {
        var type = member.ContainingType;
        var writers = new List<SyntaxNode>();
        foreach (var constructor in member.IsStatic ? type.StaticConstructors : type.InstanceConstructors)
        {
            writers.AddRange(constructor.DeclaringSyntaxReferences.Select(r => r.GetSyntax()));
        }

        if (member is IFieldSymbol { IsStatic: false })
        {
            foreach (var typeMember in type.GetMembers())
            {
                if (typeMember is IMethodSymbol { MethodKind: MethodKind.PropertySet, IsInitOnly: true } init)
                {
                    writers.AddRange(init.DeclaringSyntaxReferences.Select(r => r.GetSyntax()));
                }
            }
        }

        return writers;
    }

    private static IEnumerable<SyntaxNode> TypeDeclarations(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Select(r => r.GetSyntax());

    private static bool IsNestedFunction(SyntaxNode node) =>
        node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;
}

/// <summary>Element <paramref name="Index"/> of the tuple <paramref name="Call"/> returns.</summary>
internal sealed record TupleElement(Microsoft.CodeAnalysis.Operations.IInvocationOperation Call, int Index);
