using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stack.Analyzers.Tracing;
using Stack.Rules;

namespace Stack.Analyzers.Swarm;

/// <summary>
/// The Swarm rules (STK05nn) where constants prove them, on the services a stack adds when the
/// stack's own chain says, in its last <c>WithTargets(..., DeployTarget.Swarm, ...)</c>: a port bound to a host
/// address (STK0500) and a privileged service (STK0501). A stack whose targets the chain does not
/// show (a variable, an environment that changes them) is left to the generator, which checks
/// every stack it writes.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SwarmAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [SwarmDescriptors.PortAddress, SwarmDescriptors.IgnoredSetting];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (DslTypes.TryCreate(start.Compilation) is not { } types || types.ComposeStack is null)
            {
                return;
            }

            var tracer = ValueTracer.For(start.Compilation, types);
            var findings = new StackFindings(start.Compilation, tracer.Models, "WithServices", invocation =>
                types.IsComposeStack(invocation.TargetMethod.ContainingType) && StackTargets.IncludeSwarm(invocation)
                    ? StackServices.AddedPerStack(invocation, types, tracer).SelectMany(Check).Distinct()
                    : []);
            start.RegisterSemanticModelAction(findings.ReportIn);
        });
    }

    private static List<Diagnostic> Check(IReadOnlyList<AddedService> services)
    {
        var found = new List<Diagnostic>();
        foreach (var service in services)
        {
            var facts = service.Facts;
            if (facts[FactKind.PortOnHostAddress] == Fact.Yes && facts.Detail(FactKind.PortOnHostAddress) is { } detail && Port(detail) is { } port)
            {
                var advice = SwarmChecks.PortAdvice(service.Name, port.Target, port.Published, isProxy: false);
                var ports = SwarmChecks.Ports(detail.Split([", "], System.StringSplitOptions.None));
                found.Add(StackServices.Finding(SwarmDescriptors.PortAddress, facts.Site(FactKind.PortOnHostAddress), service, null, service.Name, ports, advice));
            }

            if (facts[FactKind.Privileged] == Fact.Yes)
            {
                var setting = SwarmSetting.Privileged;
                found.Add(StackServices.Finding(SwarmDescriptors.IgnoredSetting, facts.Created, service, null, service.Name, setting.Describe(), setting.Effect, setting.Fix));
            }
        }

        return found;
    }

    /// <summary>The first port of the detail (<c>127.0.0.1:8080:80</c>, <c>[::1]:8080:80/udp</c>): its numbers.</summary>
    private static (string Published, string Target)? Port(string detail)
    {
        var text = detail.Split([", "], System.StringSplitOptions.None)[0];
        var numbers = text.Split('/')[0];
        var last = numbers.LastIndexOf(':');
        var middle = last > 0 ? numbers.LastIndexOf(':', last - 1) : -1;
        if (middle <= 0)
        {
            return null;
        }

        return (numbers.Substring(middle + 1, last - middle - 1), numbers.Substring(last + 1));
    }
}
