using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Stack.Analyzers.CodeFixes;

/// <summary>
/// Fix All for Stack's fixes. Each diagnostic of the chosen fix's rule gets the action with
/// the chosen equivalence key; a diagnostic of another rule gets its own first action:
/// <c>dotnet format</c> takes the key from whichever diagnostic it meets first, often one of
/// another rule, and the batch fixer then fixed nothing ("didn't return a Fix All action"). Every action is computed on the same solution and
/// the text changes are merged, so fixes in several files (a field fixed where it is declared) and
/// the usings they add combine.
/// </summary>
internal sealed class MergingFixAll(CodeFixProvider provider) : FixAllProvider
{
    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => [FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution];

    public override async Task<CodeAction?> GetFixAsync(FixAllContext context)
    {
        var solution = context.Solution;
        var changes = new Dictionary<DocumentId, List<TextChange>>();
        foreach (var (document, diagnostic) in await DiagnosticsAsync(context).ConfigureAwait(false))
        {
            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), context.CancellationToken)).ConfigureAwait(false);
            // The key names a choice for one rule ("STK0002:..."); a diagnostic of another rule gets its own first fix.
            var key = context.CodeActionEquivalenceKey;
            var chosen = key is not null && key.Split(':')[0] == diagnostic.Id
                ? actions.FirstOrDefault(a => a.EquivalenceKey == key)
                : actions.FirstOrDefault();
            if (chosen is null)
            {
                continue;
            }

            foreach (var apply in (await chosen.GetOperationsAsync(context.CancellationToken).ConfigureAwait(false)).OfType<ApplyChangesOperation>())
            {
                foreach (var id in apply.ChangedSolution.GetChanges(solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()))
                {
                    // The syntax trees' difference, not the texts': fine-grained, so fixes next to each other merge.
                    var made = await apply.ChangedSolution.GetDocument(id)!.GetTextChangesAsync(solution.GetDocument(id)!, context.CancellationToken).ConfigureAwait(false);
                    (changes.TryGetValue(id, out var list) ? list : changes[id] = []).AddRange(made);
                }
            }
        }

        if (changes.Count == 0)
        {
            return null;
        }

        foreach (var pair in changes)
        {
            var text = await solution.GetDocument(pair.Key)!.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            solution = solution.WithDocumentText(pair.Key, text.WithChanges(Merge(pair.Value)));
        }

        var fixedSolution = solution;
        return CodeAction.Create(context.CodeActionEquivalenceKey ?? "Fix all", _ => Task.FromResult(fixedSolution), context.CodeActionEquivalenceKey);
    }

    /// <summary>
    /// The changes in order, each once: the same using added by two fixes is one change;
    /// two appends at one place are joined; a change overlapping an earlier one is dropped
    /// (that diagnostic is fixed on the next run).
    /// </summary>
    private static List<TextChange> Merge(List<TextChange> changes)
    {
        var merged = new List<TextChange>();
        foreach (var change in changes.Distinct().OrderBy(c => c.Span.Start).ThenBy(c => c.Span.End))
        {
            if (merged.Count > 0 && merged[merged.Count - 1] is var last)
            {
                if (change.Span.IsEmpty && last.Span.IsEmpty && change.Span.Start == last.Span.Start)
                {
                    merged[merged.Count - 1] = new TextChange(last.Span, last.NewText + change.NewText);
                    continue;
                }

                if (change.Span.Start < last.Span.End)
                {
                    continue;
                }
            }

            merged.Add(change);
        }

        return merged;
    }

    private static async Task<IReadOnlyList<(Document Document, Diagnostic Diagnostic)>> DiagnosticsAsync(FixAllContext context)
    {
        var projects = context.Scope == FixAllScope.Solution ? context.Solution.Projects : [context.Project];
        var found = new List<(Document, Diagnostic)>();
        foreach (var project in projects)
        {
            IEnumerable<Diagnostic> diagnostics = context.Scope == FixAllScope.Document && context.Document is { } only
                ? await context.GetDocumentDiagnosticsAsync(only).ConfigureAwait(false)
                : await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
            foreach (var diagnostic in diagnostics.Where(d => context.DiagnosticIds.Contains(d.Id) && d.Location.IsInSource))
            {
                if (project.Solution.GetDocument(diagnostic.Location.SourceTree) is { } document)
                {
                    found.Add((document, diagnostic));
                }
            }
        }

        return found;
    }
}
