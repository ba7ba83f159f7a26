using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Stack.Analyzers.Tracing;

/// <summary>
/// Semantic models of the compilation's trees, one per tree. The tracer follows a service into the
/// file that declares it, so it needs models of trees other than the one being analyzed.
/// </summary>
internal sealed class SemanticModels
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    public SemanticModels(Compilation compilation) => _compilation = compilation;

    /// <summary>The compilation whose trees these are.</summary>
    public Compilation Compilation => _compilation;

    /// <summary>The model of <paramref name="tree"/>, or null when the tree is another project's.</summary>
    public SemanticModel? For(SyntaxTree tree) =>
        _compilation.ContainsSyntaxTree(tree)
#pragma warning disable RS1030 // The declaring tree is usually not the analyzed one; models are cached per tree.
            ? _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t))
#pragma warning restore RS1030
            : null;

    /// <summary>The operation of <paramref name="node"/>, from its own tree's model.</summary>
    public IOperation? OperationOf(SyntaxNode node) => For(node.SyntaxTree)?.GetOperation(node);
}
