using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Tool.Import;

/// <summary>
/// The first run emits: each risk the stack's own rules find in the imported model (STK0100-STK0107)
/// is accepted on its service with the import's reason, which STK0108 keeps a warning until a person
/// rewrites it (docs/import.md). What an environment's override adds is still judged from its YAML.
/// </summary>
internal static partial class ComposeImporter
{
    /// <summary><paramref name="imported"/> with an acceptance for each risk <see cref="RiskProbe"/> finds in the stack its code builds.</summary>
    private static (ImportedCode? Code, IReadOnlyList<ImportError> Errors) CarryRisks(ImportedCode imported, string firstFile)
    {
        var (risks, problem) = RiskProbe.Find(imported);
        if (problem is not null)
        {
            return (null, [new ImportError(firstFile, YamlDotNet.Core.Mark.Empty, $"the import is wrong: {problem}. Please report it with the compose file; meanwhile remove the key it names from a copy and import that.")]);
        }

        var reason = CSharpCode.Literal(SecurityPolicy.ImportedReason);
        var carried = new List<string>();
        var services = imported.Services.Select(service =>
        {
            var own = risks.Where(r => r.Service == service.Name).ToList();
            var acceptances = own.Where(r => r.Risk != SecurityRisk.LiteralSecret).Select(r => r.Risk.ToString()).Distinct().Order(StringComparer.Ordinal)
                .Select(risk => (Line: $".AcceptRisk(SecurityRisk.{risk}, {reason})", Said: $"{service.Name}: SecurityRisk.{risk}"))
                .Concat(own.Where(r => r.Risk == SecurityRisk.LiteralSecret && r.Subject is not null).Select(r => r.Subject!).Distinct().Order(StringComparer.Ordinal)
                    .Select(subject => (Line: $".AcceptLiteralSecret({CSharpCode.Literal(subject)}, {reason})", Said: $"{service.Name}: literal secret {subject}")))
                .ToList();
            carried.AddRange(acceptances.Select(a => a.Said));
            return acceptances.Count == 0 ? service : service with { Chain = [.. service.Chain, .. acceptances.Select(a => a.Line)] };
        }).ToList();

        return (imported with { Services = services, CarriedRisks = [.. carried, .. imported.CarriedRisks] }, []);
    }
}
