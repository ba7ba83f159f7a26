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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Stack.Analyzers.Tracing;
using Stack.Rules;

namespace Stack.Analyzers.CodeFixes;

/// <summary>
/// Fixes for the security rules where one is safe without a person's reason: a port published on
/// every interface (STK0106) is bound to 127.0.0.1 in each <c>WithPort</c> call of the service's
/// making that names no host address (a reverse proxy or an SSH tunnel then reaches it). Risks that
/// need a reason (the Docker socket, privileges) have no fix: accepting them is a person's call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecurityCodeFixProvider))]
[Shared]
public sealed class SecurityCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [RuleIds.PortOnAllInterfaces];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => new MergingFixAll(this);

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if ((node is ArgumentSyntax argument ? argument.Expression : node as ExpressionSyntax) is not { } value
                || model.GetOperation(value, context.CancellationToken) is not { } operation
                || FixTargets.Of(operation, new SemanticModels(model.Compilation)) is not { SourceTree: { } tree } target
                || context.Document.Project.Solution.GetDocument(tree) is not { } document)
            {
                continue;
            }

#pragma warning disable RS1030 // A code fix, not an analyzer: reading the target file's model is expected.
            var targetModel = tree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            var calls = OpenPorts(targetModel, (await tree.GetRootAsync(context.CancellationToken).ConfigureAwait(false)).FindNode(target.SourceSpan, getInnermostNodeForTie: true), context.CancellationToken);
            if (calls.Count > 0)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Publish on 127.0.0.1 only", token => BindToLoopbackAsync(document, calls.Select(c => c.Span).ToList(), token), diagnostic.Id + ":loopback"),
                    diagnostic);
            }
        }
    }

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
        var loopback = SyntaxFactory.ParseExpression("global::System.Net.IPAddress.Loopback").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var changed = root.ReplaceNodes(calls, (_, call) =>
        {
            // A named hostIp: whatever else the call passes by name or position stays as it is.
            var existing = call.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "hostIp")
                ?? (call.ArgumentList.Arguments.Count >= 3 && call.ArgumentList.Arguments[2].NameColon is null ? call.ArgumentList.Arguments[2] : null);
            return existing is not null
                ? call.ReplaceNode(existing, existing.WithExpression(loopback))
                : call.WithArgumentList(call.ArgumentList.AddArguments(SyntaxFactory.Argument(SyntaxFactory.NameColon("hostIp"), default, loopback)));
        });
        return await ImportAdder.AddImportsAsync(document.WithSyntaxRoot(changed), Simplifier.AddImportsAnnotation, cancellationToken: token).ConfigureAwait(false);
    }
}
