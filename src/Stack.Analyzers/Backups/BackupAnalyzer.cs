using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Stack.Analyzers.Tracing;
using Stack.Rules;

namespace Stack.Analyzers.Backups;

/// <summary>
/// STK0300 while typing: a named volume mounted by a service (<c>WithVolume</c>) or declared on a
/// stack (<c>WithVolumes</c>) that the tracer proves was made without a backup decision. Reported
/// at the first mount of each volume in a file (once however often it is mounted); what the tracer
/// cannot follow is left to the runtime check.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BackupAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [BackupDescriptors.MissingBackupDecision];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (DslTypes.TryCreate(start.Compilation) is not { } types || types.Volume is null)
            {
                return; // Not a Stack definition, or a Stack.Dsl without volumes' backups.
            }

            var tracer = ValueTracer.For(start.Compilation, types);

            start.RegisterSemanticModelAction(file => Analyze(file, types, tracer));
        });
    }

    private static void Analyze(SemanticModelAnalysisContext context, DslTypes types, ValueTracer tracer)
    {
        // The file's first mount of each volume, found only when a volume misses its decision.
        Dictionary<ISymbol, int>? firstMounts = null;
        foreach (var call in CallSites.Named(context, "WithVolume", "WithVolumes"))
        {
            if (context.SemanticModel.GetOperation(call, context.CancellationToken) is not IInvocationOperation invocation)
            {
                continue;
            }

            foreach (var volume in Volumes(invocation, types, tracer))
            {
                var facts = tracer.Trace(volume);
                if (BackupPolicy.MissesDecision(facts[FactKind.BackupDecision]) != Fact.Yes)
                {
                    continue;
                }

                // Mounted twice, decided once: only the file's first use of a named volume reports it.
                // (At the use, not where the volume is made: a diagnostic outside the analyzed call is
                // non-local, which the IDE cannot refresh per edit nor fix.)
                firstMounts ??= FirstMounts(call.SyntaxTree, context.SemanticModel, context.CancellationToken);
                if (Held(volume) is { } held && firstMounts.TryGetValue(held, out var first) && first < call.ArgumentList.SpanStart)
                {
                    continue;
                }

                var location = volume.Syntax.SyntaxTree == call.SyntaxTree ? volume.Syntax.GetLocation() : call.GetLocation();
                context.ReportDiagnostic(Diagnostic.Create(BackupDescriptors.MissingBackupDecision, location, StackServices.NameOf(facts, volume)));
            }
        }
    }

    /// <summary>The local, field or property holding the volume; null for a volume made inline.</summary>
    private static ISymbol? Held(IOperation volume) => ValueTracer.Unwrap(volume) switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };

    /// <summary>
    /// Each local, field or property a WithVolume(s) call of <paramref name="tree"/> names, with the
    /// position of its first such call's argument list (the calls of one chain all start where the
    /// chain starts, their argument lists do not). From the file alone, so every run of the
    /// analyzer decides the same (the IDE runs it per file and per span).
    /// </summary>
    private static Dictionary<ISymbol, int> FirstMounts(SyntaxTree tree, SemanticModel model, System.Threading.CancellationToken token)
    {
        var first = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
        foreach (var call in CallSites.InFile(tree, "WithVolume", "WithVolumes"))
        {
            foreach (var argument in call.ArgumentList.Arguments)
            {
                if (model.GetSymbolInfo(argument.Expression, token).Symbol is { Kind: SymbolKind.Local or SymbolKind.Field or SymbolKind.Property } symbol
                    && (!first.TryGetValue(symbol, out var earlier) || call.ArgumentList.SpanStart < earlier))
                {
                    first[symbol] = call.ArgumentList.SpanStart;
                }
            }
        }

        return first;
    }

    /// <summary>The volumes a call mounts or declares.</summary>
    private static IEnumerable<IOperation> Volumes(IInvocationOperation invocation, DslTypes types, ValueTracer tracer)
    {
        var method = invocation.TargetMethod;
        if (types.IsService(method.ContainingType) && method.Name == "WithVolume")
        {
            return invocation.Arguments.Where(a => a.Parameter?.Name == "volume").Select(a => a.Value);
        }

        if (types.IsComposeStack(method.ContainingType) && method.Name == "WithVolumes")
        {
            return invocation.Arguments.SelectMany(a => tracer.ElementsOf(a.Value)?.Select(e => e.Value) ?? []).SelectMany(tracer.LoopElementsOrSelf);
        }

        return [];
    }
}
