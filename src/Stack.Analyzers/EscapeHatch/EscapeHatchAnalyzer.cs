using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Stack.Analyzers.Tracing;
using Stack.Rules;

namespace Stack.Analyzers.EscapeHatch;

/// <summary>
/// STK0200 while typing, for the one refusal a constant proves: <c>WithField("privileged", ...)</c>
/// and every other key the DSL models, which WithField throws on when the definition runs. The
/// decision and the text are the library's (<see cref="ModeledKeys"/>, shared), reported at the call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EscapeHatchAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [EscapeHatchDescriptors.ModeledKeyInEscapeHatch];

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

            // Per file, filtered by the called name before binding (see CallSites).
            start.RegisterSemanticModelAction(file =>
            {
                foreach (var call in CallSites.Named(file, "WithField"))
                {
                    if (file.SemanticModel.GetOperation(call, file.CancellationToken) is IInvocationOperation invocation
                        && types.IsDslType(invocation.TargetMethod.ContainingType)
                        && Owner(invocation.TargetMethod.ContainingType.Name) is { } owner
                        && invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "key") is { } key
                        && ValueTracer.ConstantString(key.Value, Bindings.None) is { } name
                        && ModeledKeys.Refusal(owner, name) is { } refusal)
                    {
                        file.ReportDiagnostic(Diagnostic.Create(EscapeHatchDescriptors.ModeledKeyInEscapeHatch, StackServices.CallLocation(call), refusal));
                    }
                }
            });
        });
    }

    /// <summary>The owner the library names in the refusal, by the type whose WithField is called.</summary>
    private static string? Owner(string type) => type switch
    {
        "Service" => "service",
        "BuildSpec" => "build",
        "Secret" => "secret",
        "Config" => "config",
        "Network" => "network",
        "Volume" => "volume",
        _ => null,
    };
}
