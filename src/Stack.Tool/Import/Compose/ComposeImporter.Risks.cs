using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Tool.Import;

/// <summary>
/// The first run emits: each risk the stack's own rules find in the imported model (STK0100-STK0107)
/// is accepted with the import's reason, which STK0108 keeps a warning until a person rewrites it
/// (docs/import.md). The base stack is judged first; then each environment applied to it, and
/// what it adds is accepted where the environment changes or adds the service.
/// </summary>
internal static partial class ComposeImporter
{
    /// <summary><paramref name="imported"/> with an acceptance for each risk <see cref="RiskProbe"/> finds in the stacks its code builds.</summary>
    private static (ImportedCode? Code, IReadOnlyList<ImportError> Errors) CarryRisks(ImportedCode imported, string firstFile)
    {
        var carried = new List<string>();
        var (risks, resources, problem) = RiskProbe.Find(imported, environment: null);
        if (problem is null)
        {
            imported = imported with
            {
                Networks = [.. imported.Networks.Select(network => Accepting(network, "Network", resources, carried))],
                Volumes = [.. imported.Volumes.Select(volume => Accepting(volume, "Volume", resources, carried))],
            };
            imported = imported with { Services = [.. imported.Services.Select(service => service with { Chain = [.. service.Chain, .. Acceptances(service.Name, risks, carried)] })] };
            var environments = new List<EnvironmentCode>();
            foreach (var environment in imported.Environments)
            {
                (risks, resources, problem) = RiskProbe.Find(imported, environment.Name);
                if (problem is not null)
                {
                    break;
                }

                // A network or volume only the environment's services use is judged here; it is declared with the others.
                imported = imported with
                {
                    Networks = [.. imported.Networks.Select(network => Accepting(network, "Network", resources, carried))],
                    Volumes = [.. imported.Volumes.Select(volume => Accepting(volume, "Volume", resources, carried))],
                };

                // A service the environment adds is declared with the others: its acceptances go there, once.
                imported = imported with
                {
                    Services = [.. imported.Services.Select(service => environment.Added.Contains(service.Identifier, StringComparer.Ordinal)
                        ? service with { Chain = [.. service.Chain, .. Acceptances(service.Name, risks, carried)] }
                        : service)],
                };
                environments.Add(environment with
                {
                    Mapped = [.. environment.Mapped.Select(mapped => mapped with { Calls = [.. mapped.Calls, .. Acceptances(mapped.Name, risks, carried, $" (environment {environment.Name})")] })],
                });
            }

            imported = imported with { Environments = environments };
        }

        return problem is null
            ? (imported with { CarriedRisks = carried }, [])
            : (null, [new ImportError(firstFile, YamlDotNet.Core.Mark.Empty, $"the import is wrong: {problem}. Please report it with the compose file; meanwhile remove the key it names from a copy and import that.")]);
    }

    /// <summary>
    /// <paramref name="declared"/> accepting each literal secret its driver options or labels hold, by name
    /// (a CIFS volume's <c>password</c>), each also said in <paramref name="carried"/>. A declaration is one
    /// expression (the writers write its first line alone), so the calls join it.
    /// </summary>
    private static Declared Accepting(Declared declared, string kind, IReadOnlyList<(string Kind, string Name, string Subject)> resources, List<string> carried)
    {
        var subjects = resources.Where(r => r.Kind == kind && r.Name == declared.Name).Select(r => r.Subject).Distinct().Order(StringComparer.Ordinal).ToList();
        if (subjects.Count == 0 || declared.Chain.Count == 0)
        {
            return declared;
        }

        var reason = CSharpCode.Literal(SecurityPolicy.ImportedReason);
        carried.AddRange(subjects.Select(subject => $"{kind.ToLowerInvariant()} {declared.Name}: literal secret {subject}"));
        return declared with { Chain = [declared.Chain[0] + string.Concat(subjects.Select(subject => $".AcceptLiteralSecret({CSharpCode.Literal(subject)}, {reason})")), .. declared.Chain.Skip(1)] };
    }

    /// <summary>The acceptance lines for <paramref name="service"/>'s risks, each also said in <paramref name="carried"/>.</summary>
    private static List<string> Acceptances(string service, IReadOnlyList<(string Service, SecurityRisk Risk, string? Subject)> risks, List<string> carried, string where = "")
    {
        var reason = CSharpCode.Literal(SecurityPolicy.ImportedReason);
        var own = risks.Where(r => r.Service == service).ToList();
        var acceptances = own.Where(r => r.Risk != SecurityRisk.LiteralSecret).Select(r => r.Risk.ToString()).Distinct().Order(StringComparer.Ordinal)
            .Select(risk => (Line: $".AcceptRisk(SecurityRisk.{risk}, {reason})", Said: $"{service}: SecurityRisk.{risk}{where}"))
            .Concat(own.Where(r => r.Risk == SecurityRisk.LiteralSecret && r.Subject is not null).Select(r => r.Subject!).Distinct().Order(StringComparer.Ordinal)
                .Select(subject => (Line: $".AcceptLiteralSecret({CSharpCode.Literal(subject)}, {reason})", Said: $"{service}: literal secret {subject}{where}")))
            .ToList();
        carried.AddRange(acceptances.Select(a => a.Said));
        return [.. acceptances.Select(a => a.Line)];
    }
}
