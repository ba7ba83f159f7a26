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
using Stack.Analyzers.Checklist;
using Stack.Analyzers.Tracing;
using Stack.Rules;

namespace Stack.Analyzers.CodeFixes;

/// <summary>
/// Fixes for the checklist and the backup decision (STK0300): each appends the missing call where
/// the value is built (following a field or local to its initializer, in whichever file that is),
/// or switches a depends_on's condition (STK0005, STK0219). Fix All applies the same choice everywhere.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ChecklistCodeFixProvider))]
[Shared]
public sealed class ChecklistCodeFixProvider : CodeFixProvider
{
    private const string Dsl = "global::Stack.Dsl.Compose.";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
    [
        RuleIds.MissingRestartPolicy, RuleIds.MissingNetwork, RuleIds.MissingEntryPoint, RuleIds.MissingAuthentication, RuleIds.UnhealthyDependency,
        RuleIds.MissingBackupDecision, RuleIds.HealthyWaitWithoutHealthcheck,
    ];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => new MergingFixAll(this);

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var fileModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || fileModel is null || DslTypes.TryCreate(fileModel.Compilation) is not { } types)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // A diagnostic's first fix is its recommended one and takes the rule's ID as its key, so
            // Fix All on it (and dotnet format, which takes the first key it meets) gives every
            // diagnostic its own recommended fix; the others keep their own keys.
            var registered = 0;
            string Key(string specific) => registered++ == 0 ? diagnostic.Id : specific;
            var site = FixSite.Of(diagnostic);
            var (siteRoot, model) = await FixSite.FileOf(site, root, fileModel, context.CancellationToken).ConfigureAwait(false);
            var node = siteRoot.FindNode(site.SourceSpan, getInnermostNodeForTie: true);
            var value = node is ArgumentSyntax argument ? argument.Expression : node as ExpressionSyntax;
            switch (diagnostic.Id)
            {
                case RuleIds.MissingRestartPolicy when value is not null:
                    // A job another service awaits (service_completed_successfully) runs once: that fix first.
                    var job = IsAwaitedToComplete(model, value, context.CancellationToken);
                    if (job)
                    {
                        Register(context, diagnostic, Key, model, value, "Declare a one-shot job (runs once, restart: no)", diagnostic.Id + ":one-shot", "AsOneShot", null);
                    }

                    Register(context, diagnostic, Key, model, value, "Add restart policy unless-stopped", diagnostic.Id + ":restart", "WithRestart", Dsl + "RestartPolicy.UnlessStopped");
                    if (!job)
                    {
                        Register(context, diagnostic, Key, model, value, "Declare a one-shot job (runs once, restart: no)", diagnostic.Id + ":one-shot", "AsOneShot", null);
                    }

                    break;
                case RuleIds.MissingNetwork when value is not null:
                    foreach (var network in Candidates(model, value, (_, type) => Is(type, "Stack.Dsl.Compose.Network", model), context.CancellationToken))
                    {
                        RegisterMember(context, diagnostic, Key, model, value, "Join network", "WithNetworks", network);
                    }

                    break;
                case RuleIds.MissingEntryPoint when value is not null:
                    foreach (var entryPoint in Candidates(model, value, (_, type) => Is(type, "Stack.Dsl.Traefik.EntryPoint", model), context.CancellationToken))
                    {
                        RegisterMember(context, diagnostic, Key, model, value, "Add entrypoint", "WithEntryPoints", entryPoint);
                    }

                    break;
                case RuleIds.MissingAuthentication when value is not null && types.ForwardAuthMiddleware is { } forwardAuth:
                    var middlewares = Candidates(model, value, (symbol, type) =>
                        SymbolEqualityComparer.Default.Equals(type, forwardAuth)
                        || (types.IsMiddleware(type) && CandidateMembers.IsInitializedWith(symbol, forwardAuth, model.Compilation)), context.CancellationToken);
                    foreach (var middleware in middlewares)
                    {
                        RegisterMember(context, diagnostic, Key, model, value, "Add forward-auth middleware", "WithMiddlewares", middleware);
                    }

                    break;
                case RuleIds.MissingBackupDecision when value is not null:
                    // Only the decision that keeps data: never backing up needs a reason only the author has.
                    Register(context, diagnostic, Key, model, value, "Back up the volume's files", diagnostic.Id, "WithBackup", "global::Stack.Dsl.Backups.VolumeBackup.Files()");
                    break;
                case RuleIds.UnhealthyDependency or RuleIds.HealthyWaitWithoutHealthcheck when node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } call:
                    RegisterDependencyFixes(context, diagnostic, Key, model, call);
                    break;
            }
        }
    }

    /// <summary>
    /// Whether some <c>DependsOn(value, DependencyCondition.ServiceCompletedSuccessfully)</c> in
    /// the project awaits the same local, field or property <paramref name="value"/> names.
    /// </summary>
    private static bool IsAwaitedToComplete(SemanticModel model, ExpressionSyntax value, CancellationToken token)
    {
        if (model.GetSymbolInfo(value, token).Symbol is not { Kind: SymbolKind.Local or SymbolKind.Field or SymbolKind.Property } service)
        {
            return false;
        }

        foreach (var tree in model.Compilation.SyntaxTrees)
        {
            foreach (var call in tree.GetRoot(token).DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "DependsOn" }
                    && call.ArgumentList.Arguments.Count >= 2
                    && call.ArgumentList.Arguments[1].Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ServiceCompletedSuccessfully" }
                    && SymbolEqualityComparer.Default.Equals(FixTargets.ModelOf(model, tree).GetSymbolInfo(call.ArgumentList.Arguments[0].Expression, token).Symbol, service))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The static members a fix can add, then the locals in scope where it appends (the value's fix target).</summary>
    private static IReadOnlyList<ISymbol> Candidates(SemanticModel model, ExpressionSyntax value, System.Func<ISymbol, ITypeSymbol, bool> wanted, CancellationToken token)
    {
        var statics = CandidateMembers.Find(model.Compilation, model, value.SpanStart, wanted);
        if (model.GetOperation(value, token) is not { } operation || FixTargets.Of(operation, new SemanticModels(model.Compilation)) is not { SourceTree: { } tree } target)
        {
            return statics;
        }

        var targetModel = FixTargets.ModelOf(model, tree);
        return [.. statics, .. CandidateMembers.Locals(targetModel, target.SourceSpan.Start, wanted)];
    }

    /// <summary>
    /// STK0219 and STK0005. A healthcheck is only ever added when the target's image has a known
    /// readiness probe (<see cref="KnownHealthchecks"/>, the table the runtime message advises from):
    /// a fix cannot know what "ready" means for another image, and a probe that always fails would
    /// build green and never start the dependent. Otherwise STK0219's fix waits for the start only,
    /// with the reason in the call.
    /// </summary>
    private static void RegisterDependencyFixes(CodeFixContext context, Diagnostic diagnostic, System.Func<string, string> key, SemanticModel model, InvocationExpressionSyntax call)
    {
        if (model.GetOperation(call, context.CancellationToken) is not Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation)
        {
            return;
        }

        var condition = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "condition")?.Syntax as ArgumentSyntax;
        var target = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "target")?.Syntax as ArgumentSyntax;
        var hasReason = invocation.Arguments.Any(a => a.Parameter?.Name == "reason" && a.ArgumentKind != Microsoft.CodeAnalysis.Operations.ArgumentKind.DefaultValue);
        diagnostic.Properties.TryGetValue(ChecklistAnalyzer.FindingProperty, out var finding);
        diagnostic.Properties.TryGetValue(ChecklistAnalyzer.TargetHealthcheckProperty, out var targetHealthcheck);
        if (target is null || model.GetOperation(target.Expression, context.CancellationToken) is not { } targetValue)
        {
            return;
        }

        var models = new SemanticModels(model.Compilation);
        var image = ServiceImage.Of(targetValue, models);
        var known = KnownHealthchecks.For(image);
        var probe = known is null ? null : $"new {Dsl}Healthcheck({Dsl}{known.Test})";
        var targetName = target.Expression.ToString();
        if (diagnostic.Id == RuleIds.HealthyWaitWithoutHealthcheck)
        {
            if (probe is not null)
            {
                Register(context, diagnostic, key, model, target.Expression, $"Add {image}'s readiness probe to the target ({known!.Test})", diagnostic.Id + ":probe", "WithHealthcheck", probe);
            }

            if (condition is not null)
            {
                var reason = $"{targetName} has no healthcheck, and Compose refuses to wait for the health of a service without one: add .WithHealthcheck(...) to it and wait with DependencyCondition.ServiceHealthy";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Wait for the start only (the target has no healthcheck to wait on)",
                        token => WaitForStartAsync(context.Document, call, condition, hasReason ? null : reason, token),
                        key(diagnostic.Id + ":started")),
                    diagnostic);
            }

            return;
        }

        switch (finding)
        {
            case nameof(DependencyFinding.CompletionOfLongRunningService):
                Register(context, diagnostic, key, model, target.Expression, "Declare the target a one-shot job (runs once, restart: no)", diagnostic.Id + ":one-shot", "AsOneShot", null);
                break;
            case nameof(DependencyFinding.NotWaitingOnHealth) when condition is not null && targetHealthcheck == nameof(Fact.No):
                // Waiting on health alone would wait on a target without a healthcheck (STK0219): add its image's probe too, or offer nothing.
                if (probe is not null)
                {
                    var where = FixTargets.Of(targetValue, models);
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Add {image}'s readiness probe to the target and wait until it is healthy",
                            token => WaitWithHealthcheckAsync(context.Document, condition.Expression, where, probe, token),
                            key(diagnostic.Id + ":probe-and-healthy")),
                        diagnostic);
                }

                break;
            case nameof(DependencyFinding.NotWaitingOnHealth) when condition is not null:
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Wait until the target is healthy",
                        token => ReplaceAsync(context.Document, condition.Expression, ChainAppender.QualifiedExpression(Dsl + "DependencyCondition.ServiceHealthy"), token),
                        key(diagnostic.Id + ":healthy")),
                    diagnostic);
                break;
        }
    }

    /// <summary>Switches the condition to ServiceStarted and, unless the call has one, passes the reason as its <c>reason:</c> argument.</summary>
    private static async Task<Solution> WaitForStartAsync(Document document, InvocationExpressionSyntax call, ArgumentSyntax condition, string? reason, CancellationToken token)
    {
        var root = await document.GetSyntaxRootAsync(token).ConfigureAwait(false);
        if (root is null)
        {
            return document.Project.Solution;
        }

        var started = condition.WithExpression(ChainAppender.QualifiedExpression(Dsl + "DependencyCondition.ServiceStarted").WithTriviaFrom(condition.Expression));
        var arguments = call.ArgumentList.Arguments.Replace(condition, started);
        if (reason is not null)
        {
            arguments = arguments.Add(SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(reason)))
                .WithNameColon(SyntaxFactory.NameColon("reason")));
        }

        var changed = document.WithSyntaxRoot(root.ReplaceNode(call, call.WithArgumentList(call.ArgumentList.WithArguments(arguments))));
        return (await ChainAppender.WithImportsAsync(changed, token).ConfigureAwait(false)).Project.Solution;
    }

    private static void RegisterMember(CodeFixContext context, Diagnostic diagnostic, System.Func<string, string> key, SemanticModel model, ExpressionSyntax value, string verb, string method, ISymbol member) =>
        Register(context, diagnostic, key, model, value, $"{verb} {CandidateMembers.Display(member)}", $"{diagnostic.Id}:{CandidateMembers.Qualified(member)}", method, CandidateMembers.Qualified(member));

    /// <summary>Registers "append <c>.method(argument)</c> where the value is built".</summary>
    private static void Register(CodeFixContext context, Diagnostic diagnostic, System.Func<string, string> key, SemanticModel model, ExpressionSyntax value, string title, string equivalenceKey, string method, string? argument)
    {
        if (model.GetOperation(value, context.CancellationToken) is not { } operation)
        {
            return;
        }

        var target = FixTargets.Of(operation, new SemanticModels(model.Compilation));
        var document = target.SourceTree is { } tree ? context.Document.Project.Solution.GetDocument(tree) : null;
        if (document is null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(title, token => AppendAsync(document, target, method, argument, token), key(equivalenceKey)),
            diagnostic);
    }

    private static async Task<Solution> AppendAsync(Document document, Location target, string method, string? argument, CancellationToken token)
    {
        var root = await document.GetSyntaxRootAsync(token).ConfigureAwait(false);
        if (root?.FindNode(target.SourceSpan, getInnermostNodeForTie: true) is not { } node
            || (node is ArgumentSyntax argumentNode ? argumentNode.Expression : node as ExpressionSyntax) is not { } expression)
        {
            return document.Project.Solution;
        }

        // `new("x")` has no type of its own to call a method on: name the type first.
        var receiver = expression is ImplicitObjectCreationExpressionSyntax implicitNew
            && await document.GetSemanticModelAsync(token).ConfigureAwait(false) is { } model
            && model.GetTypeInfo(implicitNew, token).Type is { } type
                ? ChainAppender.Explicit(implicitNew, type)
                : expression;
        var changed = document.WithSyntaxRoot(root.ReplaceNode(expression, argument is null ? ChainAppender.Append(receiver, method) : ChainAppender.Append(receiver, method, argument)));
        return (await ChainAppender.WithImportsAsync(changed, token).ConfigureAwait(false)).Project.Solution;
    }

    /// <summary>Switches the condition to ServiceHealthy and appends the image's probe where the target is built (in this file or another).</summary>
    private static async Task<Solution> WaitWithHealthcheckAsync(Document document, ExpressionSyntax condition, Location target, string probe, CancellationToken token)
    {
        var healthy = ChainAppender.QualifiedExpression(Dsl + "DependencyCondition.ServiceHealthy").WithTriviaFrom(condition);
        var root = await document.GetSyntaxRootAsync(token).ConfigureAwait(false);
        if (root is null || target.SourceTree is null)
        {
            return document.Project.Solution;
        }

        if (target.SourceTree != root.SyntaxTree)
        {
            var switched = await ReplaceAsync(document, condition, healthy, token).ConfigureAwait(false);
            return switched.Project.Solution.GetDocument(target.SourceTree) is { } other
                ? await AppendAsync(other, target, "WithHealthcheck", probe, token).ConfigureAwait(false)
                : switched.Project.Solution;
        }

        // One file: mark the target, switch the condition, then append where the mark now is.
        var mark = new SyntaxAnnotation();
        var targetNode = root.FindNode(target.SourceSpan, getInnermostNodeForTie: true);
        var changedRoot = root.ReplaceNodes([condition, targetNode], (original, rewritten) => original == condition ? healthy : rewritten.WithAdditionalAnnotations(mark));
        var changed = document.WithSyntaxRoot(changedRoot);
        var marked = changedRoot.GetAnnotatedNodes(mark).Single();
        return await AppendAsync(changed, Location.Create(changedRoot.SyntaxTree, marked.Span), "WithHealthcheck", probe, token).ConfigureAwait(false);
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax old, ExpressionSyntax replacement, CancellationToken token)
    {
        var root = await document.GetSyntaxRootAsync(token).ConfigureAwait(false);
        return root is null ? document : await ChainAppender.WithImportsAsync(document.WithSyntaxRoot(root.ReplaceNode(old, replacement.WithTriviaFrom(old))), token).ConfigureAwait(false);
    }


    private static bool Is(ITypeSymbol type, string metadataName, SemanticModel model) =>
        SymbolEqualityComparer.Default.Equals(type, model.Compilation.GetTypeByMetadataName(metadataName));
}
