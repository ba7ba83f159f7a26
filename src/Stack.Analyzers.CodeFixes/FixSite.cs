using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace Stack.Analyzers.CodeFixes;

/// <summary>
/// What a fix about a service works on: the service as the stack adds it. A finding is reported
/// at the call that caused it (a <c>WithImage</c>, a <c>new Service(...)</c>) with the place the
/// service joins the stack as its additional location; without one, the two are the same place.
/// </summary>
internal static class FixSite
{
    public static Location Of(Diagnostic diagnostic) =>
        diagnostic.AdditionalLocations.Count > 0 && diagnostic.AdditionalLocations[0].IsInSource ? diagnostic.AdditionalLocations[0] : diagnostic.Location;

    /// <summary>The syntax root and model of <paramref name="site"/>'s file.</summary>
    public static async Task<(SyntaxNode Root, SemanticModel Model)> FileOf(Location site, SyntaxNode root, SemanticModel model, CancellationToken token) =>
        site.SourceTree is { } tree && tree != root.SyntaxTree
            ? (await tree.GetRootAsync(token).ConfigureAwait(false), FixTargets.ModelOf(model, tree))
            : (root, model);
}
