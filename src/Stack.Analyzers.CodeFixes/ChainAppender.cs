using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Stack.Analyzers.CodeFixes;

/// <summary>Appends one fluent call to an expression, in the chain's own layout (same line, or a new line like the calls before it).</summary>
internal static class ChainAppender
{
    /// <summary><paramref name="target"/><c>.method(arguments)</c>; arguments are fully qualified and simplified on cleanup.</summary>
    public static ExpressionSyntax Append(ExpressionSyntax target, string method, params string[] arguments)
    {
        var receiver = NeedsParentheses(target)
            ? SyntaxFactory.ParenthesizedExpression(target.WithoutTrivia())
            : target.WithoutTrailingTrivia();
        var dot = SyntaxFactory.Token(SyntaxKind.DotToken).WithLeadingTrivia(ChainBreak(target));
        var call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, dot, SyntaxFactory.IdentifierName(method)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments.Select(Qualified))));
        return call.WithLeadingTrivia(target.GetLeadingTrivia()).WithTrailingTrivia(target.GetTrailingTrivia());
    }

    /// <summary>Adds the usings the fully qualified names need; the code action's cleanup then shortens them.</summary>
    public static Task<Document> WithImportsAsync(Document document, CancellationToken token) =>
        ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: token);

    /// <summary>A parsed, fully qualified expression that the code action's cleanup simplifies and imports for.</summary>
    public static ExpressionSyntax QualifiedExpression(string text)
    {
        // Every name gets the annotations, not just the outer expression: the simplifier and the
        // import adder only look at annotated names (a type inside `new T(...)` included).
        var expression = SyntaxFactory.ParseExpression(text);
        return expression.ReplaceNodes(
            expression.DescendantNodesAndSelf().Where(n => n is NameSyntax or MemberAccessExpressionSyntax),
            (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
    }

    /// <summary><c>new T(...)</c> for a target-typed <c>new(...)</c>, so a call can follow it.</summary>
    public static ObjectCreationExpressionSyntax Explicit(ImplicitObjectCreationExpressionSyntax creation, ITypeSymbol type) =>
        SyntaxFactory.ObjectCreationExpression(
                creation.NewKeyword.WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                    .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation),
                creation.ArgumentList,
                creation.Initializer)
            .WithTriviaFrom(creation);

    private static ArgumentSyntax Qualified(string text) => SyntaxFactory.Argument(QualifiedExpression(text));

    // When the chain puts each call on its own line, so does the fix.
    private static SyntaxTriviaList ChainBreak(ExpressionSyntax target) =>
        target is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
        && access.OperatorToken.LeadingTrivia.Any(t => t.IsKind(SyntaxKind.WhitespaceTrivia))
        && access.OperatorToken.GetPreviousToken().TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
            ? SyntaxFactory.TriviaList(access.OperatorToken.LeadingTrivia.Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
                .Insert(0, SyntaxFactory.EndOfLine("\n"))
            : default;

    private static bool NeedsParentheses(ExpressionSyntax target) => target is not (
        InvocationExpressionSyntax or MemberAccessExpressionSyntax or IdentifierNameSyntax or ObjectCreationExpressionSyntax
        or ParenthesizedExpressionSyntax or ElementAccessExpressionSyntax);
}
