using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Stack.Analyzers.Tracing;
using Stack.Rules;

namespace Stack.Analyzers.Security;

/// <summary>
/// STK0108: an <c>AcceptRisk</c> or <c>AcceptLiteralSecret</c> whose reason is still the one
/// <c>stack import</c> wrote, reported while typing at the reason, until a person rewrites it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImportedRiskAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [SecurityDescriptors.ImportedRiskNotReviewed];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (DslTypes.TryCreate(start.Compilation) is not { } types)
            {
                return;
            }

            start.RegisterOperationAction(
                operation =>
                {
                    var invocation = (IInvocationOperation)operation.Operation;
                    if (invocation.TargetMethod.Name is not ("AcceptRisk" or "AcceptLiteralSecret") || !types.IsService(invocation.TargetMethod.ContainingType)
                        || invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "reason") is not { } reason
                        || reason.Value.ConstantValue is not { HasValue: true, Value: string text } || !SecurityPolicy.IsImportedReason(text))
                    {
                        return;
                    }

                    var subject = invocation.TargetMethod.Name == "AcceptLiteralSecret"
                        && invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "name")?.Value.ConstantValue is { HasValue: true, Value: string name }
                        ? $"the literal value of {name}"
                        : invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "risk")?.Value.Syntax.ToString() ?? "a risk";
                    // Named as the other analyzers name a service: by the tracer (a helper's constant argument too),
                    // else by its expression.
                    var service = invocation.Instance is { } receiver ? StackServices.NameOf(ValueTracer.For(start.Compilation, types).Trace(receiver), receiver) : "?";
                    operation.ReportDiagnostic(Diagnostic.Create(SecurityDescriptors.ImportedRiskNotReviewed, reason.Value.Syntax.GetLocation(), $"Service '{service}'", subject));
                },
                OperationKind.Invocation);
        });
    }
}
