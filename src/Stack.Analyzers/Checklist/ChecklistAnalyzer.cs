using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Stack.Analyzers.Tracing;
using Stack.Rules;

namespace Stack.Analyzers.Checklist;

/// <summary>
/// The service checklist (STK0001-STK0005) while typing. Checks where a value is used: a service
/// where it is added to a stack, a router where it is attached to a service, a depends_on where
/// it is declared; the tracer follows the value back to where it was built, and a service or
/// router finding is reported there (its <c>new Service(...)</c>, in its own file) with the place it
/// is used as additional location. Reports only what it proves; what it cannot see is left to
/// the runtime check with the same ID.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ChecklistAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property naming the STK0005 finding, for the code fix.</summary>
    internal const string FindingProperty = "Finding";

    /// <summary>Diagnostic property: whether STK0005's target has a healthcheck (a <see cref="Fact"/>), so the fix never waits on one that has none.</summary>
    internal const string TargetHealthcheckProperty = "TargetHealthcheck";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        ChecklistDescriptors.MissingRestartPolicy,
        ChecklistDescriptors.MissingNetwork,
        ChecklistDescriptors.MissingEntryPoint,
        ChecklistDescriptors.MissingAuthentication,
        ChecklistDescriptors.UnhealthyDependency,
        ChecklistDescriptors.HealthyWaitWithoutHealthcheck,
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
                return; // Not a Stack definition.
            }

            var tracer = ValueTracer.For(start.Compilation, types);
            var session = new Session(types, tracer, DeclaredTraefik.Of(start.Compilation, types, tracer.Models), tracer.Models);
            var services = StackFindings.OfServices(start.Compilation, types, tracer, Session.AnalyzeServices);
            var routers = new StackFindings(start.Compilation, tracer.Models, "WithRouter", session.AnalyzeRouter);
            start.RegisterSemanticModelAction(file =>
            {
                services.ReportIn(file);
                routers.ReportIn(file);
                session.AnalyzeFile(file);
            });
        });
    }

    /// <summary>The per-compilation state: types looked up once, semantic models cached.</summary>
    private sealed class Session(DslTypes types, ValueTracer tracer, DeclaredTraefik traefik, SemanticModels models)
    {
        /// <summary>
        /// Filters by the called name before asking for semantics: an operation action would make
        /// the driver build operation trees for every method in the project, which costs more than
        /// the checks themselves (see bench/Stack.Benchmarks/AnalyzerBenchmarks.cs).
        /// </summary>
        public void AnalyzeFile(SemanticModelAnalysisContext context)
        {
            foreach (var call in CallSites.Named(context, "DependsOn"))
            {
                if (context.SemanticModel.GetOperation(call, context.CancellationToken) is IInvocationOperation invocation)
                {
                    Analyze(invocation, context.ReportDiagnostic);
                }
            }
        }

        private void Analyze(IInvocationOperation invocation, System.Action<Diagnostic> report)
        {
            var method = invocation.TargetMethod;
            if (types.IsService(method.ContainingType) && method.Name == "DependsOn" && Argument(invocation, "target") is { } target)
            {
                AnalyzeDependency(report, invocation, target);
            }
        }

        /// <summary>STK0001 and STK0002 for the services one <c>WithServices</c> call adds, at each service's <c>new Service(...)</c>.</summary>
        public static IEnumerable<Diagnostic> AnalyzeServices(IReadOnlyList<AddedService> services)
        {
            // Proven only from this call: another service added here joins a named network. Services
            // added in other calls are not seen, so without one here STK0002 stays silent.
            var namedNetworks = services.Any(s => s.Facts[FactKind.Networks] == Fact.Yes) ? Fact.Yes : Fact.Unknown;
            foreach (var service in services)
            {
                if (Rules.Checklist.MissesRestartPolicy(service.Facts[FactKind.Restart]) == Fact.Yes)
                {
                    yield return StackServices.Finding(ChecklistDescriptors.MissingRestartPolicy, service.Facts.Created, service, null, service.Name);
                }

                if (Rules.Checklist.MissesNetwork(service.Facts[FactKind.Networks], service.Facts[FactKind.NetworkMode], namedNetworks) == Fact.Yes)
                {
                    yield return StackServices.Finding(ChecklistDescriptors.MissingNetwork, service.Facts.Created, service, null, service.Name);
                }
            }
        }

        /// <summary>
        /// STK0003 and STK0004 for the router a <c>WithRouter</c> call attaches, at its
        /// <c>new Router(...)</c> (or the call of the helper with parameters that made it), with
        /// the attached router as the additional location.
        /// </summary>
        public IEnumerable<Diagnostic> AnalyzeRouter(IInvocationOperation invocation)
        {
            if (!types.IsService(invocation.TargetMethod.ContainingType) || Argument(invocation, "router") is not { } router)
            {
                yield break;
            }

            var facts = tracer.Trace(router);
            var name = StackServices.NameOf(facts, router);
            var attached = router.Syntax.GetLocation();
            var location = facts.Created ?? attached;
            IEnumerable<Location> additional = location == attached ? [] : [attached];
            if (Rules.Checklist.MissesEntryPoint(facts[FactKind.EntryPoints], facts[FactKind.DefaultEntryPoints], traefik.ProxyHasNoDefaultEntryPoints) == Fact.Yes)
            {
                yield return Diagnostic.Create(ChecklistDescriptors.MissingEntryPoint, location, additional, name);
            }

            // The project's single sign-on is looked up (once) only for a router that may lack it.
            if (facts[FactKind.ForwardAuth] != Fact.Yes && facts[FactKind.PublicAccess] != Fact.Yes
                && Rules.Checklist.MissesAuthentication(facts[FactKind.ForwardAuth], facts[FactKind.PublicAccess], traefik.UsesForwardAuth) == Fact.Yes)
            {
                yield return Diagnostic.Create(ChecklistDescriptors.MissingAuthentication, location, additional, name);
            }
        }

        private void AnalyzeDependency(System.Action<Diagnostic> report, IInvocationOperation invocation, IOperation target)
        {
            var condition = Argument(invocation, "condition");
            var reason = Argument(invocation, "reason");
            var targetFacts = tracer.Trace(target);
            var owner = invocation.Instance is { } instance ? StackServices.NameOf(tracer.Trace(instance), instance) : "this service";
            var targetName = StackServices.NameOf(targetFacts, target);
            if (ComposeRefusals.RefusesHealthyWait(Condition(condition), targetFacts[FactKind.Healthcheck]) == Fact.Yes)
            {
                // An error whatever the reason: Compose reads no reason. The image, when constant, picks the probe to advise.
                var image = ServiceImage.Of(target, models);
                report(Diagnostic.Create(ChecklistDescriptors.HealthyWaitWithoutHealthcheck, CallLocation(invocation), owner, targetName, ComposeRefusals.Advice(targetName, image)));
                return;
            }

            var finding = Rules.Checklist.CheckDependency(
                Condition(condition),
                targetFacts[FactKind.Healthcheck],
                targetFacts[FactKind.OneShot],
                reason is null ? Fact.No : tracer.Presence(reason));
            if (finding is DependencyFinding.None or DependencyFinding.Unproven)
            {
                return;
            }

            var message = new object[] { owner, targetName, Rules.Checklist.Describe(finding), Rules.Checklist.Advise(finding, targetName) };
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(FindingProperty, finding.ToString())
                .Add(TargetHealthcheckProperty, targetFacts[FactKind.Healthcheck].ToString());
            report(Diagnostic.Create(ChecklistDescriptors.UnhealthyDependency, CallLocation(invocation), properties, message));
        }

        private static WaitCondition Condition(IOperation? condition) =>
            ValueTracer.Unwrap(condition) is { ConstantValue: { HasValue: true, Value: int value } } ? (WaitCondition)value : WaitCondition.Unknown;

        /// <summary><c>DependsOn(...)</c> without the receiver chain in front of it.</summary>
        private static Location CallLocation(IInvocationOperation invocation) => StackServices.CallLocation(invocation.Syntax);

        private static IOperation? Argument(IInvocationOperation invocation, string parameter)
        {
            var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter);
            return argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
        }
    }
}
