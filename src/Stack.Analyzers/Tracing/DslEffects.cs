using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Stack.Rules;

namespace Stack.Analyzers.Tracing;

/// <summary>
/// What the DSL's own methods and properties do to the checklist facts. Only the calls listed here
/// change a fact; every other fluent call keeps its receiver's facts. Keep in step with the DSL.
/// </summary>
internal sealed class DslEffects
{
    private readonly DslTypes _types;
    private readonly ValueTracer _tracer;
    private readonly SecurityEffects _security;

    public DslEffects(DslTypes types, ValueTracer tracer)
    {
        _types = types;
        _tracer = tracer;
        _security = new SecurityEffects(tracer);
    }

    /// <summary>The facts after calling a fluent DSL method on a receiver with <paramref name="receiver"/>'s facts.</summary>
    public FactSet Apply(IInvocationOperation invocation, FactSet receiver, Bindings scope, ValueTracer.Walk walk)
    {
        var type = invocation.TargetMethod.ContainingType;
        if (_types.IsService(type))
        {
            receiver = _security.Apply(invocation, receiver, scope, walk);
            return invocation.TargetMethod.Name switch
            {
                "WithRestart" => receiver.With(FactKind.Restart, Fact.Yes),
                "WithDeployment" => receiver.With(FactKind.Restart, receiver[FactKind.Restart].Or(DeploymentRestart(Argument(invocation, 0)))),
                "AsOneShot" => receiver.With(FactKind.Restart, Fact.Yes).With(FactKind.OneShot, Fact.Yes),
                "WithNetworks" => receiver.With(FactKind.Networks, receiver[FactKind.Networks].Or(NonEmpty(Argument(invocation, 0), scope, walk))),
                "WithNetwork" => receiver.With(FactKind.Networks, Fact.Yes),
                "WithNetworkMode" => receiver.With(FactKind.NetworkMode, Fact.Yes),
                "WithHealthcheck" => receiver.With(FactKind.Healthcheck, _tracer.Eval(Argument(invocation, 0), scope, walk)[FactKind.DisabledHealthcheck].Not()),
                _ => receiver,
            };
        }

        if (_types.IsRouter(type))
        {
            return invocation.TargetMethod.Name switch
            {
                "WithEntryPoints" => receiver.With(FactKind.EntryPoints, receiver[FactKind.EntryPoints].Or(NonEmpty(Argument(invocation, 0), scope, walk))),
                "OnDefaultEntryPoints" => receiver.With(FactKind.DefaultEntryPoints, Fact.Yes),
                "WithPublicAccess" => receiver.With(FactKind.PublicAccess, Fact.Yes),
                "WithMiddlewares" => receiver.With(FactKind.ForwardAuth, receiver[FactKind.ForwardAuth].Or(AnyForwardAuth(Argument(invocation, 0), scope, walk))),
                _ => receiver,
            };
        }

        if (_types.IsVolume(type) && invocation.TargetMethod.Name == "WithBackup")
        {
            return receiver.With(FactKind.BackupDecision, Fact.Yes);
        }

        return receiver;
    }

    /// <summary>The facts after an object initializer or a <c>with</c> expression sets properties.</summary>
    public FactSet ApplyInitializer(FactSet facts, IObjectOrCollectionInitializerOperation? initializer, Bindings scope, ValueTracer.Walk walk)
    {
        if (initializer is null)
        {
            return facts;
        }

        foreach (var assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
        {
            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property })
            {
                continue;
            }

            var value = assignment.Value;
            facts = (_types.IsService(property.ContainingType), _types.IsRouter(property.ContainingType), property.Name) switch
            {
                (true, _, "Restart") => facts.With(FactKind.Restart, _tracer.Presence(value)),
                (true, _, "Deployment") => facts.With(FactKind.Restart, facts[FactKind.Restart].Or(DeploymentRestart(value))),
                (true, _, "NetworkMode") => facts.With(FactKind.NetworkMode, _tracer.Presence(value)),
                (true, _, "Networks") => facts.With(FactKind.Networks, NonEmpty(value, scope, walk)),
                (true, _, "Healthcheck") => facts.With(
                    FactKind.Healthcheck,
                    _tracer.Presence(value).And(_tracer.Eval(value, scope, walk)[FactKind.DisabledHealthcheck].Not())),
                (true, _, "IsOneShot") => facts.With(FactKind.OneShot, Constant(value)),
                (true, _, _) => SecurityEffects.ApplyProperty(facts, property.Name, value),
                (_, true, "EntryPoints") => facts.With(FactKind.EntryPoints, NonEmpty(value, scope, walk)),
                (_, true, "Middlewares") => facts.With(FactKind.ForwardAuth, AnyForwardAuth(value, scope, walk)),
                (_, true, "DefaultEntryPointsReason") => facts.With(FactKind.DefaultEntryPoints, _tracer.Presence(value)),
                (_, true, "PublicAccessReason") => facts.With(FactKind.PublicAccess, _tracer.Presence(value)),
                _ when _types.IsVolume(property.ContainingType) && property.Name == "Backup" => facts.With(FactKind.BackupDecision, _tracer.Presence(value)),
                // An external volume belongs to someone else: its backup is not this stack's decision.
                // External is declared on the volume's base type.
                _ when property.Name == "External" && _types.IsDslType(property.ContainingType) => facts.With(FactKind.BackupDecision, facts[FactKind.BackupDecision].Or(Constant(value))),
                _ => facts,
            };
        }

        return facts;
    }

    private Fact NonEmpty(IOperation? collection, Bindings scope, ValueTracer.Walk walk) =>
        _tracer.Elements(collection, scope, walk) is { } elements ? FactLogic.Of(elements.Count > 0) : Fact.Unknown;

    private Fact AnyForwardAuth(IOperation? collection, Bindings scope, ValueTracer.Walk walk)
    {
        if (_tracer.Elements(collection, scope, walk) is not { } elements)
        {
            return Fact.Unknown;
        }

        var any = Fact.No;
        foreach (var element in elements)
        {
            any = any.Or(_tracer.Eval(element.Value, element.Scope, walk)[FactKind.ForwardAuth]);
        }

        return any;
    }

    /// <summary>
    /// Whether a deployment sets a restart policy (<c>deploy.restart_policy</c>, which Swarm and
    /// Compose read when <c>restart</c> is unset): read from a <c>new Deployment { ... }</c>
    /// written in place; any other value is unknown.
    /// </summary>
    private Fact DeploymentRestart(IOperation? value)
    {
        if (value is null || ValueTracer.Unwrap(value) is not IObjectCreationOperation { Type: { Name: "Deployment" } type } creation || !_types.IsDslType(type))
        {
            return Fact.Unknown;
        }

        foreach (var assignment in creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>() ?? [])
        {
            if (assignment.Target is IPropertyReferenceOperation { Property.Name: "RestartPolicy" })
            {
                return _tracer.Presence(assignment.Value);
            }
        }

        return Fact.No;
    }

    private static Fact Constant(IOperation value) =>
        ValueTracer.Unwrap(value) is { ConstantValue: { HasValue: true, Value: bool flag } } ? FactLogic.Of(flag) : Fact.Unknown;

    /// <summary>The value passed for the method's parameter at <paramref name="ordinal"/> (arguments may be named, in any order).</summary>
    // A loop, not LINQ: called at every step of every chain, where a lambda's closure is an allocation each time.
    private static IOperation? Argument(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }
}
