using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Stack.Analyzers.Tracing;
using Stack.Rules;

namespace Stack.Analyzers.Security;

/// <summary>
/// The security rules (STK0100-STK0107) where constants prove them: a literal password, a
/// writable Docker socket, an unpinned image... Checked where a service is added to a stack, after
/// the tracer has followed it (so an AcceptRisk anywhere in its making counts); what it cannot
/// prove is left to the generator, which refuses it as an error.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecurityAnalyzer : DiagnosticAnalyzer
{
    /// <summary>STK0100's property: the environment variables holding literal secrets, one a line, for the code fix.</summary>
    internal const string SecretNamesProperty = "SecretNames";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        SecurityDescriptors.LiteralSecret, SecurityDescriptors.WritableDockerSocket, SecurityDescriptors.DaemonSocket,
        SecurityDescriptors.HostPrivilege, SecurityDescriptors.DangerousCapability, SecurityDescriptors.DatabasePortPublished,
        SecurityDescriptors.PortOnAllInterfaces, SecurityDescriptors.UnpinnedImage,
    ];

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

            // STK0106's fix depends on the targets the stack's chain names (StackTargets): read only when it fires.
            var tracer = ValueTracer.For(start.Compilation, types);
            var findings = new StackFindings(start.Compilation, tracer.Models, "WithServices", invocation =>
                types.IsComposeStack(invocation.TargetMethod.ContainingType)
                    ? StackServices.AddedPerStack(invocation, types, tracer).SelectMany(services => Check(services, invocation)).Distinct() // a service passed to every call is one finding
                    : []);
            start.RegisterSemanticModelAction(findings.ReportIn);
        });
    }

    private static List<Diagnostic> Check(IReadOnlyList<AddedService> services, IInvocationOperation withServices)
    {
        var found = new List<Diagnostic>();
        foreach (var service in services)
        {
            Check(service, withServices, found.Add);
        }

        return found;
    }

    // Every service of the stack is checked and almost none has a risk: a message's details are
    // put together only for a risk that fires.
    private static void Check(AddedService service, IInvocationOperation withServices, System.Action<Diagnostic> report)
    {
        var facts = service.Facts;
        bool Fires(Fact risk, FactKind accepted) => SecurityPolicy.Fires(risk, facts[accepted]) == Fact.Yes;

        // At the call that wrote the value (the generator's caller information), else at new Service(...).
        void Report(DiagnosticDescriptor descriptor, ImmutableDictionary<string, string?>? properties, Location? site, params object[] details) =>
            report(StackServices.Finding(descriptor, site ?? facts.Created, service, properties, [service.Name, .. details]));

        // A literal secret is accepted by name (AcceptLiteralSecret), not by the service's whole risk.
        // The names travel to the code fix, which moves each value into a secret variable.
        var unaccepted = facts.UnacceptedSecrets;
        if (Fires(unaccepted is { } names ? FactLogic.Of(names.Count > 0) : Fact.Unknown, FactKind.AcceptedLiteralSecret))
        {
            Report(
                SecurityDescriptors.LiteralSecret,
                ImmutableDictionary<string, string?>.Empty.Add(SecretNamesProperty, string.Join("\n", unaccepted ?? [])),
                unaccepted is { Count: > 0 } ? facts.SecretSite(unaccepted.Min!) : null,
                string.Join(", ", unaccepted ?? []));
        }

        if (Fires(facts[FactKind.WritableDockerSocket], FactKind.AcceptedWritableDockerSocket))
        {
            Report(SecurityDescriptors.WritableDockerSocket, null, facts.Site(FactKind.WritableDockerSocket), Detail(facts, FactKind.WritableDockerSocket, "the Docker socket"));
        }

        if (Fires(facts[FactKind.DaemonSocket], FactKind.AcceptedDaemonSocket))
        {
            Report(SecurityDescriptors.DaemonSocket, null, facts.Site(FactKind.DaemonSocket), Detail(facts, FactKind.DaemonSocket, "a daemon socket"));
        }

        if (Fires(facts[FactKind.HostNetwork].Or(facts[FactKind.Privileged]).Or(facts[FactKind.HostNamespace]).Or(facts[FactKind.IsolationOff]), FactKind.AcceptedHostPrivilege))
        {
            var privilege = facts[FactKind.Privileged] == Fact.Yes ? "privileged: true"
                : facts[FactKind.HostNamespace] == Fact.Yes ? Detail(facts, FactKind.HostNamespace, "a host namespace")
                : facts[FactKind.HostNetwork] == Fact.Yes ? "the host's network (network_mode: host)"
                : Detail(facts, FactKind.IsolationOff, "a security option that switches isolation off");
            Report(SecurityDescriptors.HostPrivilege, null,
                facts[FactKind.HostNetwork] != Fact.Yes && facts[FactKind.Privileged] != Fact.Yes && facts[FactKind.HostNamespace] != Fact.Yes ? facts.Site(FactKind.IsolationOff) : null, privilege);
        }

        if (Fires(facts[FactKind.DangerousCapability], FactKind.AcceptedDangerousCapability))
        {
            Report(SecurityDescriptors.DangerousCapability, null, facts.Site(FactKind.DangerousCapability), Detail(facts, FactKind.DangerousCapability, "a dangerous capability"));
        }

        if (Fires(facts[FactKind.DatabaseImage].And(facts[FactKind.PublishedPort]), FactKind.AcceptedDatabasePortPublished))
        {
            Report(SecurityDescriptors.DatabasePortPublished, null, facts.Site(FactKind.PublishedPort),
                Detail(facts, FactKind.DatabaseImage, "a database"), Detail(facts, FactKind.PublishedPort, "a port"));
        }

        if (Fires(facts[FactKind.PortOnAllInterfaces], FactKind.AcceptedPortOnAllInterfaces))
        {
            // Swarm's wording only where the chain names it; targets it cannot read keep Compose's.
            Report(SecurityDescriptors.PortOnAllInterfaces, null, facts.Site(FactKind.PortOnAllInterfaces), Detail(facts, FactKind.PortOnAllInterfaces, "a port"),
                SecurityPolicy.AllInterfacesAdvice(service.Name, StackTargets.IncludeSwarm(withServices)));
        }

        if (Fires(facts[FactKind.UnpinnedImage].And(facts[FactKind.BuiltImage].Not()), FactKind.AcceptedUnpinnedImage))
        {
            var image = Detail(facts, FactKind.UnpinnedImage, "\nhas no pinned tag").Split('\n');
            Report(SecurityDescriptors.UnpinnedImage, null, facts.Site(FactKind.UnpinnedImage), image[0], image[1]);
        }
    }

    private static string Detail(FactSet facts, FactKind kind, string fallback) => facts.Detail(kind) is { Length: > 0 } detail ? detail : fallback;
}
