using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Stack.Analyzers.Tracing;
using Stack.Rules;

namespace Stack.Analyzers.CodeFixes;

/// <summary>
/// Fixes for the security rules where one is safe without a person's reason: a literal secret
/// (STK0100) moves into a secret variable declared on the stack (its value then lives only in the
/// server's .env); a port published on every interface (STK0106) is bound to 127.0.0.1 in each
/// <c>WithPort</c> call of the service's making that names no host address. Risks that need a
/// reason (the Docker socket, privileges) have no fix: accepting them is a person's call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecurityCodeFixProvider))]
[Shared]
public sealed class SecurityCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [RuleIds.LiteralSecret, RuleIds.PortOnAllInterfaces];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => new MergingFixAll(this);

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var fileModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || fileModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var site = FixSite.Of(diagnostic);
            var (siteRoot, model) = await FixSite.FileOf(site, root, fileModel, context.CancellationToken).ConfigureAwait(false);
            var node = siteRoot.FindNode(site.SourceSpan, getInnermostNodeForTie: true);
            if ((node is ArgumentSyntax argument ? argument.Expression : node as ExpressionSyntax) is not { } value
                || model.GetOperation(value, context.CancellationToken) is not { } operation
                || FixTargets.Of(operation, new SemanticModels(model.Compilation)) is not { SourceTree: { } tree } target
                || context.Document.Project.Solution.GetDocument(tree) is not { } document)
            {
                continue;
            }

            var targetModel = FixTargets.ModelOf(model, tree);
            var made = (await tree.GetRootAsync(context.CancellationToken).ConfigureAwait(false)).FindNode(target.SourceSpan, getInnermostNodeForTie: true);
            if (diagnostic.Id == RuleIds.LiteralSecret)
            {
                var names = diagnostic.Properties.TryGetValue(Stack.Analyzers.Security.SecurityAnalyzer.SecretNamesProperty, out var list) && list is not null
                    ? list.Split('\n').Where(n => n.Length > 0).ToList()
                    : [];
                var literals = LiteralValues(made, names);
                if (literals.Count == names.Count && names.Count > 0 && node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WithServices" }) is { } withServices)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Move {string.Join(", ", names)} into a secret variable declared on the stack",
                            token => MoveIntoSecretsAsync(context.Document.Project.Solution.GetDocument(withServices.SyntaxTree) ?? context.Document, withServices, document, literals.Select(l => (l.Name, l.Value.Span)).ToList(), token),
                            diagnostic.Id),
                        diagnostic);
                }

                continue;
            }

            // On Swarm a host address is dropped and the port published on every interface of every
            // node (STK0500): binding it to 127.0.0.1 would trade this finding for that error.
            var calls = OpenPorts(targetModel, made, context.CancellationToken);
            if (calls.Count > 0 && !OnSwarm(node, model, context.CancellationToken))
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Publish on 127.0.0.1 only", token => BindToLoopbackAsync(document, calls.Select(c => c.Span).ToList(), token), diagnostic.Id + ":loopback"),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// In the service's making, the literal value of each <c>WithEnvironment("NAME", "literal")</c>
    /// the analyzer named; the last one for a name (a later call wins).
    /// </summary>
    private static List<(string Name, ExpressionSyntax Value)> LiteralValues(SyntaxNode made, List<string> names) =>
        [.. made.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
            .Where(call => call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WithEnvironment" } && call.ArgumentList.Arguments.Count == 2)
            .Select(call => (Name: (call.ArgumentList.Arguments[0].Expression as LiteralExpressionSyntax)?.Token.ValueText, Value: call.ArgumentList.Arguments[1].Expression))
            .Where(pair => pair.Name is not null && names.Contains(pair.Name) && pair.Value is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax)
            .GroupBy(pair => pair.Name!)
            .Select(group => (group.Key, group.OrderBy(pair => pair.Value.SpanStart).Last().Value))];

    /// <summary>
    /// Replaces each literal with <c>Variable.Secret("NAME")</c> where the service is made, and
    /// declares the same variables on the stack, after the <c>WithServices</c> call that adds it
    /// (so .env.example lists them and the generator's STK0215 finds them declared).
    /// </summary>
    private static async Task<Solution> MoveIntoSecretsAsync(Document stackDocument, InvocationExpressionSyntax withServices, Document serviceDocument, IReadOnlyList<(string Name, Microsoft.CodeAnalysis.Text.TextSpan Span)> literals, CancellationToken token)
    {
        ExpressionSyntax Secret(string name) => ChainAppender.QualifiedExpression($"global::Stack.Dsl.Values.Variable.Secret({SyntaxFactory.Literal(name).ToFullString()})");
        var declarations = literals.Select(l => $"global::Stack.Dsl.Values.Variable.Secret({SyntaxFactory.Literal(l.Name).ToFullString()})").ToArray();

        var serviceRoot = await serviceDocument.GetSyntaxRootAsync(token).ConfigureAwait(false);
        var stackRoot = await stackDocument.GetSyntaxRootAsync(token).ConfigureAwait(false);
        if (serviceRoot is null || stackRoot is null)
        {
            return stackDocument.Project.Solution;
        }

        var values = literals.Select(l => (l.Name, Node: serviceRoot.FindNode(l.Span, getInnermostNodeForTie: true))).ToList();
        if (serviceDocument.Id == stackDocument.Id)
        {
            // One file: every edit on one root; the WithServices call may hold the literals (a service made inline).
            var mark = new SyntaxAnnotation();
            var marked = serviceRoot.ReplaceNode(withServices, withServices.WithAdditionalAnnotations(mark));
            var replaced = marked.ReplaceNodes(
                values.Select(v => marked.FindNode(v.Node.Span, getInnermostNodeForTie: true)),
                (original, _) => Secret(values.First(v => v.Node.Span == original.Span).Name).WithTriviaFrom(original));
            var call = (InvocationExpressionSyntax)replaced.GetAnnotatedNodes(mark).Single();
            var declared = replaced.ReplaceNode(call, ChainAppender.Append(call, "WithVariables", declarations));
            return (await ChainAppender.WithImportsAsync(stackDocument.WithSyntaxRoot(declared), token).ConfigureAwait(false)).Project.Solution;
        }

        var serviceFixed = await ChainAppender.WithImportsAsync(serviceDocument.WithSyntaxRoot(serviceRoot.ReplaceNodes(values.Select(v => v.Node), (original, _) => Secret(values.First(v => v.Node == original).Name).WithTriviaFrom(original))), token).ConfigureAwait(false);
        var stackInSolution = serviceFixed.Project.Solution.GetDocument(stackDocument.Id)!;
        var root = await stackInSolution.GetSyntaxRootAsync(token).ConfigureAwait(false);
        var again = root!.FindNode(withServices.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>()!;
        return (await ChainAppender.WithImportsAsync(stackInSolution.WithSyntaxRoot(root.ReplaceNode(again, ChainAppender.Append(again, "WithVariables", declarations))), token).ConfigureAwait(false)).Project.Solution;
    }

    /// <summary>Whether the <c>WithServices</c> call that adds the service at <paramref name="site"/> is on a chain that targets Swarm.</summary>
    private static bool OnSwarm(SyntaxNode site, SemanticModel model, CancellationToken token) =>
        site.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WithServices" }) is { } withServices
        && model.GetOperation(withServices, token) is Microsoft.CodeAnalysis.Operations.IInvocationOperation operation
        && StackTargets.IncludeSwarm(operation);

    /// <summary>The service's <c>WithPort(published, target, ...)</c> calls that name no host address, or IPAddress.Any.</summary>
    private static List<InvocationExpressionSyntax> OpenPorts(SemanticModel model, SyntaxNode made, CancellationToken token) =>
        [.. made.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Where(call =>
            model.GetOperation(call, token) is Microsoft.CodeAnalysis.Operations.IInvocationOperation
            {
                TargetMethod: { Name: "WithPort", ContainingType.Name: "Service" } method,
            } invocation
            && method.Parameters.Any(p => p.Name == "hostIp")
            && invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "hostIp") is var hostIp
            && (hostIp is null || hostIp.ArgumentKind == Microsoft.CodeAnalysis.Operations.ArgumentKind.DefaultValue
                || ValueTracer.Unwrap(hostIp.Value) is { ConstantValue: { HasValue: true, Value: null } } or Microsoft.CodeAnalysis.Operations.IFieldReferenceOperation { Field.Name: "Any" }))];

    private static async Task<Document> BindToLoopbackAsync(Document document, IReadOnlyList<Microsoft.CodeAnalysis.Text.TextSpan> spans, CancellationToken token)
    {
        var root = await document.GetSyntaxRootAsync(token).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var calls = spans.Select(span => root.FindNode(span, getInnermostNodeForTie: true)).OfType<InvocationExpressionSyntax>().ToList();
        var loopback = ChainAppender.QualifiedExpression("global::System.Net.IPAddress.Loopback");
        var changed = root.ReplaceNodes(calls, (_, call) =>
        {
            // A named hostIp: whatever else the call passes by name or position stays as it is.
            var existing = call.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "hostIp")
                ?? (call.ArgumentList.Arguments.Count >= 3 && call.ArgumentList.Arguments[2].NameColon is null ? call.ArgumentList.Arguments[2] : null);
            return existing is not null
                ? call.ReplaceNode(existing, existing.WithExpression(loopback))
                : call.WithArgumentList(call.ArgumentList.AddArguments(SyntaxFactory.Argument(SyntaxFactory.NameColon("hostIp"), default, loopback)));
        });
        return await ChainAppender.WithImportsAsync(document.WithSyntaxRoot(changed), token).ConfigureAwait(false);
    }
}
