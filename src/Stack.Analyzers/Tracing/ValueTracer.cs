using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Stack.Rules;

namespace Stack.Analyzers.Tracing;

/// <summary>
/// Proves facts about a DSL value (a service, a router, a middleware) by following it back to
/// where it was built: through fluent chains, <c>with</c> expressions, locals, fields, properties,
/// helper methods (with their arguments bound), conditionals and foreach loops, across files.
/// What it cannot follow is <see cref="Fact.Unknown"/>. One instance per compilation; thread-safe.
/// </summary>
internal sealed class ValueTracer
{
    // About a hundred helpers each calling the one below; a guard against pathological code (the
    // tracer is recursive, and running the compiler's thread out of stack kills the compiler), not a
    // limit users meet. Raised from 48; code that never goes 48 steps deep does the same work (docs/analyzer-shapes.md).
    private const int MaxDepth = 200;

    // A new service has none of these: no restart policy, no networks, no risky settings, nothing accepted.
    private static readonly FactKind[] FreshService =
    [
        FactKind.Restart, FactKind.Networks, FactKind.NetworkMode, FactKind.Healthcheck, FactKind.OneShot,
        FactKind.UnpinnedImage, FactKind.DatabaseImage, FactKind.PublishedPort, FactKind.PortOnAllInterfaces, FactKind.PortOnHostAddress,
        FactKind.WritableDockerSocket, FactKind.DaemonSocket, FactKind.HostNetwork, FactKind.Privileged, FactKind.HostNamespace, FactKind.IsolationOff, FactKind.DangerousCapability, FactKind.BuiltImage,
        FactKind.AcceptedLiteralSecret, FactKind.AcceptedWritableDockerSocket, FactKind.AcceptedDaemonSocket, FactKind.AcceptedHostPrivilege,
        FactKind.AcceptedDangerousCapability, FactKind.AcceptedDatabasePortPublished, FactKind.AcceptedPortOnAllInterfaces, FactKind.AcceptedUnpinnedImage,
    ];

    private static readonly ConditionalWeakTable<Compilation, ValueTracer> PerCompilation = new();

    // One trace at a time per compilation. The analyzers run concurrently and ask for the same
    // values in the same order (the checklist and the security analyzer both walk every service a
    // WithServices call adds): unserialized, two threads missed the caches together and traced the
    // same chains twice, spinning on the caches' locks besides (a quarter of the analyzers' time
    // on 2 cores, bench/README.md). A thread that waits here finds the other's work cached.
    private readonly object _gate = new();

    private readonly ConcurrentDictionary<IOperation, FactSet> _traced = new();

    // What an operation read with no helper's parameters bound proves, when its trace was whole (not
    // cut short by a cycle or the depth guard): the same from every trace that reaches it. A chain is
    // reached from the field that holds it and again from each call on it that an analyzer checks
    // (a DependsOn's receiver, a WithRouter's argument), and is evaluated once.
    private readonly ConcurrentDictionary<IOperation, FactSet> _whole = new();

    // What a field, property or local holds when no helper's parameters are bound: the same from
    // every trace that reaches it, so it is evaluated once (a service is reached from the stack,
    // from each DependsOn on it, from each analyzer) instead of once per use.
    private readonly ConcurrentDictionary<ISymbol, FactSet> _unbound = new(SymbolEqualityComparer.Default);

    private readonly DslTypes _types;
    private readonly SemanticModels _models;
    private readonly SourceValues _values;
    private readonly DslEffects _effects;
    private readonly CollectionShapes _collections;

    public ValueTracer(DslTypes types, SemanticModels models)
    {
        _types = types;
        _models = models;
        _values = new SourceValues(models);
        _effects = new DslEffects(types, this);
        _collections = new CollectionShapes(types, models, _values, this);
        Callers = new HelperCallers(models.Compilation, models);
    }

    /// <summary>The calls of a helper that hands its parameters to the stack.</summary>
    public HelperCallers Callers { get; }

    /// <summary>
    /// The values a collection argument is made of, read with <paramref name="scope"/> (a helper's
    /// parameters bound to what one of its callers passed); null when not visible.
    /// </summary>
    public IReadOnlyList<ScopedValue>? ElementsOf(IOperation collection, Bindings scope)
    {
        lock (_gate)
        {
            return Elements(collection, scope, new Walk());
        }
    }

    /// <summary>The compilation's semantic models this tracer reads (one per tree, shared, so a file is bound once).</summary>
    public SemanticModels Models => _models;

    /// <summary>What is proven about <paramref name="value"/>.</summary>
    public FactSet Trace(IOperation value)
    {
        lock (_gate)
        {
            if (!_traced.TryGetValue(value, out var facts))
            {
                _traced[value] = facts = Eval(value, Bindings.None, new Walk());
            }

            return facts;
        }
    }

    /// <summary>What is proven about <paramref name="value"/> read with <paramref name="scope"/> (an element made in a helper or a lambda).</summary>
    public FactSet Trace(IOperation value, Bindings scope)
    {
        if (scope == Bindings.None)
        {
            return Trace(value);
        }

        lock (_gate)
        {
            return Eval(value, scope, new Walk());
        }
    }

    /// <summary>
    /// The compilation's tracer, shared by the checklist and security analyzers: both check every
    /// service added to a stack, and a trace from the top (no bindings) is the same for both.
    /// </summary>
    public static ValueTracer For(Compilation compilation, DslTypes types) =>
        PerCompilation.GetValue(compilation, c => new ValueTracer(types, new SemanticModels(c)));

    /// <summary>
    /// The values a collection argument (<c>params</c>, a collection expression, an array, a local
    /// holding one) is made of, each with the bindings to evaluate it in; null when not visible.
    /// </summary>
    public IReadOnlyList<ScopedValue>? ElementsOf(IOperation collection) => ElementsOf(collection, Bindings.None);

    /// <summary>
    /// For a foreach loop variable over a visible collection, the collection's elements (each is
    /// the variable in one iteration); otherwise the value itself.
    /// </summary>
    public IReadOnlyList<IOperation> LoopElementsOrSelf(IOperation value)
    {
        lock (_gate)
        {
            return [.. LoopElementsOrSelfCore(value)];
        }
    }

    private IEnumerable<IOperation> LoopElementsOrSelfCore(IOperation value)
    {
        // A loop that may skip elements (an if, switch, continue or break in its body) adds an
        // unknown subset: nothing about its elements is proven here (the runtime check sees them).
        if (Unwrap(value) is ILocalReferenceOperation { Local.DeclaringSyntaxReferences: { Length: 1 } declarations }
            && declarations[0].GetSyntax() is ForEachStatementSyntax filtered && MaySkip(filtered))
        {
            return [];
        }

        if (Unwrap(value) is ILocalReferenceOperation local
            && ForEachCollection(local.Local) is { } loop
            && Elements(loop, Bindings.None, new Walk()) is { } elements)
        {
            return elements.SelectMany(e => LoopElementsOrSelfCore(e.Value));
        }

        return [value];
    }

    internal FactSet Eval(IOperation? operation, Bindings scope, Walk walk)
    {
        operation = Unwrap(operation);
        if (operation is null || walk.CutAt(MaxDepth))
        {
            return FactSet.Unknown;
        }

        // Not while a static constructor's write is traced: a field then reads its earlier value.
        var memo = scope == Bindings.None && !walk.Reassigning;
        if (memo && _whole.TryGetValue(operation, out var known))
        {
            return known;
        }

        var cuts = walk.Cuts;
        walk.Depth++;
        FactSet facts;
        try
        {
            facts = WithTypeFacts(operation.Type, EvalCore(operation, scope, walk));
        }
        finally
        {
            walk.Depth--;
        }

        if (memo && walk.Cuts == cuts)
        {
            _whole.TryAdd(operation, facts);
        }

        return facts;
    }

    internal IReadOnlyList<ScopedValue>? Elements(IOperation? operation, Bindings scope, Walk walk)
    {
        operation = Unwrap(operation);
        if (operation is null || walk.CutAt(MaxDepth))
        {
            return null;
        }

        walk.Depth++;
        try
        {
            switch (operation)
            {
                case ICollectionExpressionOperation collection:
                    return Flatten(collection.Elements, scope, walk);
                case IArrayCreationOperation { Initializer: { } initializer }:
                    return Flatten(initializer.ElementValues, scope, walk);
                case IObjectCreationOperation { Initializer: IObjectOrCollectionInitializerOperation initializer } when !initializer.Initializers.IsEmpty:
                    // new List<Service> { a, b }: each Add's argument (one-argument Adds only).
                    return initializer.Initializers.All(i => i is IInvocationOperation { Arguments.Length: 1 })
                        ? Flatten(initializer.Initializers.Cast<IInvocationOperation>().Select(i => i.Arguments[0].Value), scope, walk)
                        : null;
                case IParameterReferenceOperation parameter when scope.TryGet(parameter.Parameter, out var argument, out var argumentScope):
                    return Elements(argument, argumentScope, walk);
                case IInvocationOperation invocation:
                    return _collections.Elements(invocation, scope, walk);
                case ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation:
                    var symbol = ReferencedSymbol(operation)!;
                    // A collection created with `new` through a variable may be added to later: unknown, unless nothing but the DSL reads it.
                    if (_values.Of(symbol) is not { Length: 1 } values || (Unwrap(values[0]) is IObjectCreationOperation && !_collections.OnlyRead(symbol)) || !walk.Enter(symbol))
                    {
                        return null;
                    }

                    try
                    {
                        return Elements(values[0], scope, walk);
                    }
                    finally
                    {
                        walk.Leave(symbol);
                    }

                default:
                    return null;
            }
        }
        finally
        {
            walk.Depth--;
        }
    }

    /// <summary>
    /// The constant string <paramref name="operation"/> evaluates to, through bound parameters,
    /// concatenation and interpolation (<c>prefix + "_PASSWORD"</c>, <c>$"{Repo}:{Tag}"</c>): see <see cref="ConstantText"/>.
    /// </summary>
    internal static string? ConstantString(IOperation? operation, Bindings scope)
    {
        operation = Unwrap(operation);
        if (operation is IParameterReferenceOperation parameter && scope.TryGet(parameter.Parameter, out var argument, out var argumentScope))
        {
            return ConstantString(argument, argumentScope);
        }

        return operation is { ConstantValue: { HasValue: true, Value: string text } } ? text : ConstantText.Of(operation, scope);
    }

    /// <summary>The constant <paramref name="operation"/> evaluates to, through bound parameters; null when not constant.</summary>
    private static object? Constant(IOperation? operation, Bindings scope)
    {
        operation = Unwrap(operation);
        if (operation is IParameterReferenceOperation parameter && scope.TryGet(parameter.Parameter, out var argument, out var argumentScope))
        {
            return Constant(argument, argumentScope);
        }

        return operation is { ConstantValue.HasValue: true } ? operation.ConstantValue.Value : null;
    }

    /// <summary>
    /// The arms a switch expression may take: over a constant (<c>App("wiki")</c>), the first arm
    /// whose constant pattern matches it or a discard; otherwise every arm.
    /// </summary>
    private static System.Collections.Immutable.ImmutableArray<ISwitchExpressionArmOperation> Taken(ISwitchExpressionOperation switchExpression, Bindings scope)
    {
        if (Constant(switchExpression.Value, scope) is { } value)
        {
            foreach (var arm in switchExpression.Arms)
            {
                if (arm.Guard is not null)
                {
                    break;
                }

                if (arm.Pattern is IDiscardPatternOperation
                    || (arm.Pattern is IConstantPatternOperation { Value.ConstantValue: { HasValue: true } pattern } && Equals(pattern.Value, value)))
                {
                    return [arm];
                }

                if (arm.Pattern is not IConstantPatternOperation { Value.ConstantValue.HasValue: true })
                {
                    break;
                }
            }
        }

        return switchExpression.Arms;
    }

    /// <summary>Whether a value is there (not null), as far as can be told.</summary>
    internal Fact Presence(IOperation? operation)
    {
        lock (_gate)
        {
            return Presence(operation, Bindings.None, new Walk());
        }
    }

    private Fact Presence(IOperation? operation, Bindings scope, Walk walk)
    {
        operation = Unwrap(operation);
        if (operation is IParameterReferenceOperation parameter && scope.TryGet(parameter.Parameter, out var argument, out var argumentScope))
        {
            return Presence(argument, argumentScope, walk);
        }

        // A field or local holding null (a policy not chosen yet) or a value on every path.
        if (operation is ILocalReferenceOperation or IFieldReferenceOperation && ReferencedSymbol(operation) is { } symbol
            && _values.Of(symbol) is { Length: > 0 } values && walk.Enter(symbol))
        {
            try
            {
                var localScope = operation is ILocalReferenceOperation ? scope : Bindings.None;
                var presence = Presence(values[0], localScope, walk);
                for (var i = 1; i < values.Length && presence != Fact.Unknown; i++)
                {
                    presence = presence.Meet(Presence(values[i], localScope, walk));
                }

                return presence;
            }
            finally
            {
                walk.Leave(symbol);
            }
        }

        return operation switch
        {
            null => Fact.Unknown,
            { ConstantValue.HasValue: true } => FactLogic.Of(operation.ConstantValue.Value is not null),
            IObjectCreationOperation => Fact.Yes,
            IMemberReferenceOperation { Member.IsStatic: true } member when _types.IsDslType(member.Member.ContainingType) => Fact.Yes,
            IInvocationOperation invocation when _types.IsDslType(invocation.TargetMethod.ContainingType) => Fact.Yes,
            _ => Fact.Unknown,
        };
    }

    private FactSet EvalCore(IOperation operation, Bindings scope, Walk walk)
    {
        switch (operation)
        {
            case IObjectCreationOperation creation:
                return _effects.ApplyInitializer(Created(creation, scope), creation.Initializer, scope, walk);
            case IWithOperation with:
                return _effects.ApplyInitializer(Eval(with.Operand, scope, walk), with.Initializer, scope, walk);
            case IInvocationOperation invocation:
                return Invoked(invocation, scope, walk);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                // A condition known here (a const, a helper's constant argument) picks its arm.
                return Constant(conditional.Condition, scope) switch
                {
                    true => Eval(conditional.WhenTrue, scope, walk),
                    false => Eval(whenFalse, scope, walk),
                    _ => MeetAll([conditional.WhenTrue, whenFalse], scope, walk),
                };
            case ICoalesceOperation coalesce:
                // A left side that is always null (an override slot left empty) always yields the right.
                return ProvenNull(coalesce.Value, scope, walk)
                    ? Eval(coalesce.WhenNull, scope, walk)
                    : MeetAll([coalesce.Value, coalesce.WhenNull], scope, walk);
            case ICoalesceAssignmentOperation lazy:
                // `field ??= new Service(...)` in a get-only property, or `x ??= ...` on a variable that
                // starts null: the value assigned; otherwise either the earlier value or the assigned one.
                return IsLazyBackingField(lazy.Target) || ProvenNull(lazy.Target, scope, walk)
                    ? Eval(lazy.Value, scope, walk)
                    : MeetAll([lazy.Target, lazy.Value], scope, walk);
            case ISwitchExpressionOperation switchExpression:
                // Any arm may be the value: what holds for every arm is proven.
                return MeetAll([.. Taken(switchExpression, scope).Select(arm => arm.Value)], scope, walk);
            case IConditionalAccessOperation access:
                // `Base?.WithRestart(...)`: the chain on the receiver (a null receiver is no service).
                return Eval(access.WhenNotNull, scope, walk);
            case IConditionalAccessInstanceOperation placeholder when ConditionalReceiver(placeholder) is { } receiver:
                return Eval(receiver, scope, walk);
            case IPropertyReferenceOperation { Instance: { } instance } property when SetAtCreation(property.Property, instance, scope, walk) is { } set:
                // `new App { Service = ... }.Service`, `record App(Service Service)`: what the creation gave it.
                return Eval(set.Value, set.Scope, walk);
            case IFieldReferenceOperation field when walk.Reassigned(field.Field.OriginalDefinition) is { } earlier:
                // A static constructor's `Web = Web.With...()`: the right side reads the value before.
                return earlier;
            case IParameterReferenceOperation parameter:
                return scope.TryGet(parameter.Parameter, out var argument, out var argumentScope)
                    ? Eval(argument, argumentScope, walk)
                    : FactSet.Unknown;
            case ILocalReferenceOperation local when _values.ElementOfCall(local.Local) is { } element:
                // `var (web, db) = Pair();`: the element of what the helper returns.
                return ElementOfCall(element, scope, walk);
            case ILocalReferenceOperation local when ForEachCollection(local.Local) is { } loop:
                // The loop variable is each element in turn: what holds for all of them.
                return MeetAll(Elements(loop, scope, walk), walk);
            case IPropertyReferenceOperation { Property.Name: "Disabled" } property when _types.IsHealthcheck(property.Type):
                return FactSet.Fresh(null).With(FactKind.DisabledHealthcheck, Fact.Yes);
            case IPropertyReferenceOperation { Instance: { } receiver } extension when ExtensionParameter(extension.Property.ContainingType) is { } blockParameter:
                // A C# 14 extension property (extension(Service s) { Service Hardened => s... }): its receiver is the block's parameter.
                return Values(extension.Property.OriginalDefinition, Bindings.None.Bind(blockParameter, receiver, scope), walk);
            case ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation:
                var symbol = ReferencedSymbol(operation)!;
                if (_types.IsDslType(symbol.ContainingType))
                {
                    return FactSet.Unknown;
                }

                // A local is read in the scope it was written in; fields and properties know no parameters.
                var valueScope = operation is ILocalReferenceOperation ? scope : Bindings.None;
                return Values(symbol, valueScope, walk);
            default:
                return FactSet.Unknown;
        }
    }

    private FactSet Created(IObjectCreationOperation creation, Bindings scope)
    {
        var name = creation.Arguments.Length > 0 ? ConstantString(creation.Arguments[0].Value, scope) : null;
        if (_types.IsService(creation.Type))
        {
            return FactSet.Fresh(name, FreshService).WithCreated(creation.Syntax.GetLocation());
        }

        if (_types.IsRouter(creation.Type))
        {
            return FactSet.Fresh(name, FactKind.EntryPoints, FactKind.DefaultEntryPoints, FactKind.ForwardAuth, FactKind.PublicAccess).WithCreated(creation.Syntax.GetLocation());
        }

        if (_types.IsVolume(creation.Type))
        {
            return FactSet.Fresh(name, FactKind.BackupDecision);
        }

        if (_types.IsHealthcheck(creation.Type))
        {
            var test = creation.Arguments.Length > 0 ? Unwrap(creation.Arguments[0].Value) : null;
            var disabled = test is IPropertyReferenceOperation { Property.Name: "None" } none && _types.IsDslType(none.Property.ContainingType);
            return FactSet.Fresh(null).With(FactKind.DisabledHealthcheck, FactLogic.Of(disabled));
        }

        return FactSet.Unknown;
    }

    private FactSet Invoked(IInvocationOperation invocation, Bindings scope, Walk walk)
    {
        var method = invocation.TargetMethod;
        if (_types.IsDslType(method.ContainingType))
        {
            // The DSL's own methods are modelled, not read: fluent instance methods keep the receiver's facts.
            return !method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ReturnType, method.ContainingType)
                ? _effects.Apply(invocation, Eval(invocation.Instance, scope, walk), scope, walk)
                : FactSet.Unknown;
        }

        if (method.MethodKind == MethodKind.DelegateInvoke && LambdaOf(invocation.Instance, scope, walk) is { } lambda)
        {
            return InvokedLambda(invocation, lambda, scope, walk);
        }

        var definition = method.OriginalDefinition;
        if (_values.Of(definition) is not { } returns || !walk.Enter(definition))
        {
            return FactSet.Unknown;
        }

        try
        {
            var calleeScope = CalleeScope(invocation, scope);
            var facts = MeetAll(returns, calleeScope, walk);
            return HasParameters(method) ? AtHelperCall(facts, definition, invocation) : facts;
        }
        finally
        {
            walk.Leave(definition);
        }
    }

    /// <summary>One element of the tuples a helper returns (each return a tuple written out), read as a helper's value.</summary>
    private FactSet ElementOfCall(TupleElement element, Bindings scope, Walk walk)
    {
        var method = element.Call.TargetMethod;
        var definition = method.OriginalDefinition;
        if (_types.IsDslType(method.ContainingType) || _values.Of(definition) is not { } returns || !walk.Enter(definition))
        {
            return FactSet.Unknown;
        }

        try
        {
            var values = new IOperation[returns.Length];
            for (var i = 0; i < returns.Length; i++)
            {
                if (Unwrap(returns[i]) is not ITupleOperation tuple || element.Index >= tuple.Elements.Length)
                {
                    return FactSet.Unknown;
                }

                values[i] = tuple.Elements[element.Index];
            }

            var facts = MeetAll(values, CalleeScope(element.Call, scope), walk);
            return HasParameters(method) ? AtHelperCall(facts, definition, element.Call) : facts;
        }
        finally
        {
            walk.Leave(definition);
        }
    }

    /// <summary>A lambda stored in a local (<c>Func&lt;string, Service&gt; app = name =&gt; ...</c>) and called: a helper like any other.</summary>
    private FactSet InvokedLambda(IInvocationOperation invocation, (IAnonymousFunctionOperation Function, Bindings Scope) lambda, Bindings scope, Walk walk)
    {
        var function = lambda.Function.Symbol;
        if (!walk.Enter(function))
        {
            return FactSet.Unknown;
        }

        try
        {
            // Captured locals are read where the lambda was written; its parameters are this call's arguments.
            var calleeScope = lambda.Scope;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && parameter.Ordinal < function.Parameters.Length)
                {
                    calleeScope = calleeScope.Bind(function.Parameters[parameter.Ordinal], argument.Value, scope);
                }
            }

            var returns = lambda.Function.Body.Descendants()
                .OfType<IReturnOperation>()
                .Where(r => r.ReturnedValue is not null && !InsideNestedFunction(r, lambda.Function))
                .Select(r => r.ReturnedValue!)
                .ToArray();
            // Reported where the lambda makes the service, as the generator does: a lambda is no helper frame to it.
            return MeetAll(returns, calleeScope, walk);
        }
        finally
        {
            walk.Leave(function);
        }
    }

    private static bool InsideNestedFunction(IOperation operation, IAnonymousFunctionOperation function)
    {
        for (var parent = operation.Parent; parent is not null && parent != function; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lambda a delegate holds: written in place, or in a local set once.</summary>
    private (IAnonymousFunctionOperation, Bindings)? LambdaOf(IOperation? target, Bindings scope, Walk walk)
    {
        target = Unwrap(target);
        if (target is IDelegateCreationOperation creation)
        {
            target = Unwrap(creation.Target);
        }

        switch (target)
        {
            case IAnonymousFunctionOperation function:
                return (function, scope);
            case ILocalReferenceOperation local when _values.Of(local.Local) is { Length: 1 } values && walk.Enter(local.Local):
                try
                {
                    return LambdaOf(values[0], scope, walk);
                }
                finally
                {
                    walk.Leave(local.Local);
                }

            default:
                return null;
        }
    }

    /// <summary>The receiver of the <c>?.</c> whose placeholder this is.</summary>
    private static IOperation? ConditionalReceiver(IConditionalAccessInstanceOperation placeholder)
    {
        IOperation child = placeholder;
        for (var parent = placeholder.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalAccessOperation access && access.WhenNotNull == child)
            {
                return access.Operation;
            }
        }

        return null;
    }

    /// <summary>
    /// The value a property got when its object was made, for a property nothing can change after:
    /// set in an object initializer (an <c>init</c> or <c>required</c> property), or a positional
    /// record's parameter. Null when the object's creation is not in sight.
    /// </summary>
    private ScopedValue? SetAtCreation(IPropertySymbol property, IOperation instance, Bindings scope, Walk walk)
    {
        if (property.SetMethod is { IsInitOnly: false } || _types.IsDslType(property.ContainingType)
            || CreationOf(instance, scope, walk) is not { } made)
        {
            return null;
        }

        // An init accessor with a body may store something else than it was given.
        var (origin, creationScope) = made;
        var initializer = origin switch
        {
            IObjectCreationOperation created => created.Initializer,
            IWithOperation copy => copy.Initializer,
            _ => null,
        };
        // A positional record's property is an auto-property too; one set here but not stored as given is unknown.
        foreach (var assignment in initializer?.Initializers.OfType<ISimpleAssignmentOperation>() ?? [])
        {
            if (assignment.Target is IPropertyReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, property.OriginalDefinition))
            {
                return IsAutoProperty(property) || IsPositional(property) ? new ScopedValue(assignment.Value, creationScope) : null;
            }
        }

        // `app with { Owner = ... }` keeps what the copied object had.
        if (origin is IWithOperation with)
        {
            if (walk.CutAt(MaxDepth))
            {
                return null; // `W = W with { ... }`: a copy of itself.
            }

            walk.Depth++;
            try
            {
                return SetAtCreation(property, with.Operand, creationScope, walk);
            }
            finally
            {
                walk.Depth--;
            }
        }

        var creation = (IObjectCreationOperation)origin;

        // A positional record's property is its primary constructor's parameter of the same name.
        if (IsPositional(property)
            && creation.Constructor is { DeclaringSyntaxReferences.Length: 1 } constructor && constructor.DeclaringSyntaxReferences[0].GetSyntax() is TypeDeclarationSyntax)
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == property.Name)
                {
                    return new ScopedValue(argument.Value, creationScope);
                }
            }
        }

        return null;
    }

    private static bool IsPositional(IPropertySymbol property) =>
        property.DeclaringSyntaxReferences.Length == 1 && property.DeclaringSyntaxReferences[0].GetSyntax() is ParameterSyntax;

    private static bool IsAutoProperty(IPropertySymbol property) =>
        property.DeclaringSyntaxReferences.Length == 1
        && property.DeclaringSyntaxReferences[0].GetSyntax() is PropertyDeclarationSyntax { AccessorList: { } accessors }
        && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null);

    /// <summary>Where an object was made (a creation or a record's <c>with</c> copy): in place, or the one value of a local or readonly field.</summary>
    private (IOperation, Bindings)? CreationOf(IOperation? instance, Bindings scope, Walk walk)
    {
        instance = Unwrap(instance);
        switch (instance)
        {
            case IObjectCreationOperation or IWithOperation:
                return (instance, scope);
            case IParameterReferenceOperation parameter when scope.TryGet(parameter.Parameter, out var argument, out var argumentScope):
                return CreationOf(argument, argumentScope, walk);
            case ILocalReferenceOperation or IFieldReferenceOperation:
                var symbol = ReferencedSymbol(instance)!;
                if (_values.Of(symbol) is not { Length: 1 } values || !walk.Enter(symbol))
                {
                    return null;
                }

                try
                {
                    return CreationOf(values[0], instance is ILocalReferenceOperation ? scope : Bindings.None, walk);
                }
                finally
                {
                    walk.Leave(symbol);
                }

            default:
                return null;
        }
    }

    /// <summary>
    /// A service made inside a helper with parameters (<c>App(string name)</c>, used for several
    /// services) is reported where the helper is called, and so is what the helper wrote into it:
    /// the generator places both at that call (its call stack at <c>new Service(...)</c> names the
    /// helpers in between). A helper that only changes a service made elsewhere keeps its own lines.
    /// </summary>
    private static FactSet AtHelperCall(FactSet facts, IMethodSymbol helper, IInvocationOperation invocation)
    {
        if (facts.Created is not { SourceTree: { } tree } created)
        {
            return facts;
        }

        foreach (var reference in helper.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == tree && reference.Span.Contains(created.SourceSpan))
            {
                return facts.MovedTo(StackServices.CallLocation(invocation.Syntax), tree, reference.Span);
            }
        }

        return facts;
    }

    /// <summary>
    /// A helper sees only its own parameters, bound to what this call passes; a C# 14 extension
    /// member's receiver is its block's parameter (extension(Service s)).
    /// </summary>
    internal static Bindings CalleeScope(IInvocationOperation invocation, Bindings scope)
    {
        var calleeScope = invocation.Instance is { } receiver && ExtensionParameter(invocation.TargetMethod.ContainingType) is { } blockParameter
            ? Bindings.None.Bind(blockParameter, receiver, scope)
            : Bindings.None;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter)
            {
                calleeScope = calleeScope.Bind(parameter, argument.Value, scope);
            }
        }

        return calleeScope;
    }

    private static bool HasParameters(IMethodSymbol method) =>
        method.Parameters.Length > 0 || ExtensionParameter(method.ContainingType) is not null;

    /// <summary>
    /// The parameter of a C# 14 extension block (<c>extension(Service s)</c>), read by reflection:
    /// the analyzer builds against an older Roslyn than the .NET 10 compiler that runs it.
    /// </summary>
    private static IParameterSymbol? ExtensionParameter(INamedTypeSymbol type) =>
        ExtensionParameterProperty?.GetValue(type) as IParameterSymbol;

    private static readonly System.Reflection.PropertyInfo? ExtensionParameterProperty =
        typeof(INamedTypeSymbol).GetProperty("ExtensionParameter");

    private FactSet Values(ISymbol symbol, Bindings scope, Walk walk)
    {
        // Not while a static constructor's write is traced: a property reading the field then sees
        // the value before the write, which is no answer for a read after the constructor.
        var unbound = scope == Bindings.None && !walk.Reassigning;
        if (unbound && _unbound.TryGetValue(symbol, out var known))
        {
            return known;
        }

        if (_values.Of(symbol) is not { } values || !walk.Enter(symbol))
        {
            return FactSet.Unknown;
        }

        var cuts = walk.Cuts;
        FactSet facts;
        try
        {
            facts = symbol is IFieldSymbol field && _values.InStaticConstructor(field) is { } steps
                ? InOrder(field, steps, walk)
                : MeetAll(values, scope, walk);
        }
        finally
        {
            walk.Leave(symbol);
        }

        // A trace cut short (a cycle through a symbol this walk is already in, or the depth guard)
        // depends on where it started: only a whole answer is the same for every trace.
        if (unbound && walk.Cuts == cuts)
        {
            _unbound.TryAdd(symbol, facts);
        }

        return facts;
    }

    /// <summary>
    /// A static field its static constructor sets in straight-line statements: the last write wins,
    /// and each write that reads the field (<c>Web = Web.WithRestart(...)</c>) reads the one before.
    /// </summary>
    private FactSet InOrder(IFieldSymbol field, IReadOnlyList<IOperation?> steps, Walk walk)
    {
        var facts = steps[0] is { } initial ? Eval(initial, Bindings.None, walk) : FactSet.Unknown;
        for (var i = 1; i < steps.Count; i++)
        {
            walk.Reassign(field, facts);
            try
            {
                facts = Eval(steps[i], Bindings.None, walk);
            }
            finally
            {
                walk.Reassign(field, null);
            }
        }

        return facts;
    }

    private FactSet MeetAll(IReadOnlyList<ScopedValue>? values, Walk walk)
    {
        if (values is null || values.Count == 0)
        {
            return FactSet.Unknown;
        }

        FactSet? facts = null;
        foreach (var value in values)
        {
            if (!IsNoValue(value.Value))
            {
                var next = Eval(value.Value, value.Scope, walk);
                facts = facts is null ? next : facts.Meet(next);
            }
        }

        return facts ?? FactSet.Unknown;
    }

    /// <summary>What holds for every one of <paramref name="values"/>, all read in <paramref name="scope"/>.</summary>
    private FactSet MeetAll(IOperation[] values, Bindings scope, Walk walk)
    {
        if (values.Length == 0)
        {
            return FactSet.Unknown;
        }

        FactSet? facts = null;
        foreach (var value in values)
        {
            if (!IsNoValue(value))
            {
                var next = Eval(value, scope, walk);
                facts = facts is null ? next : facts.Meet(next);
            }
        }

        return facts ?? FactSet.Unknown;
    }

    /// <summary>
    /// An arm or a write that gives no value to check: <c>null</c>, <c>default</c>, a <c>throw</c>.
    /// A null service or router is no service to check (the runtime sees none), so what holds is
    /// what holds for the others: <c>enabled ? new Service(...) : null</c> is that service.
    /// </summary>
    private static bool IsNoValue(IOperation? operation) =>
        Unwrap(operation) is IThrowOperation or { ConstantValue: { HasValue: true, Value: null } };

    /// <summary>Whether <paramref name="operation"/> is null wherever it is read: a null constant, or a variable only ever set to null.</summary>
    private bool ProvenNull(IOperation? operation, Bindings scope, Walk walk)
    {
        operation = Unwrap(operation);
        if (operation is { ConstantValue: { HasValue: true, Value: null } })
        {
            return true;
        }

        if (operation is IParameterReferenceOperation parameter)
        {
            return scope.TryGet(parameter.Parameter, out var argument, out var argumentScope) && ProvenNull(argument, argumentScope, walk);
        }

        // A field never written holds null too; a property's backing field is written where it cannot be seen.
        if (operation is not (ILocalReferenceOperation or IFieldReferenceOperation { Field.IsImplicitlyDeclared: false })
            || operation.Type is not { IsReferenceType: true }
            || ReferencedSymbol(operation) is not { } symbol
            || _values.Of(symbol) is not { } values
            || (values.Length == 0 && operation is ILocalReferenceOperation)
            || !walk.Enter(symbol))
        {
            return false;
        }

        try
        {
            var localScope = operation is ILocalReferenceOperation ? scope : Bindings.None;
            return values.All(value => ProvenNull(value, localScope, walk));
        }
        finally
        {
            walk.Leave(symbol);
        }
    }

    /// <summary>C# 14's <c>field</c> in a property without a setter: written only by its own getter.</summary>
    private static bool IsLazyBackingField(IOperation target) =>
        Unwrap(target) is IFieldReferenceOperation { Field: { IsImplicitlyDeclared: true, AssociatedSymbol: IPropertySymbol { SetMethod: null } } };

    private List<ScopedValue>? Flatten(IEnumerable<IOperation> elements, Bindings scope, Walk walk)
    {
        var values = new List<ScopedValue>();
        foreach (var element in elements)
        {
            if (element is ISpreadOperation spread)
            {
                if (Elements(spread.Operand, scope, walk) is not { } spreadValues)
                {
                    return null;
                }

                values.AddRange(spreadValues);
            }
            else
            {
                values.Add(new ScopedValue(element, scope));
            }
        }

        return values;
    }

    private FactSet WithTypeFacts(ITypeSymbol? type, FactSet facts)
    {
        // Middleware kinds are sealed records: the static type alone says whether it is forward-auth.
        if (_types.IsForwardAuthMiddleware(type))
        {
            return facts.With(FactKind.ForwardAuth, Fact.Yes);
        }

        // Except a middleware another provider defines (name@docker, or one said to be with AsForwardAuth),
        // and a chain, whose members may be forward-auth: unknown from the type alone.
        return _types.IsMiddleware(type) && type!.IsSealed && type.Name is not ("ExternalMiddleware" or "ChainMiddleware") ? facts.With(FactKind.ForwardAuth, Fact.No) : facts;
    }

    /// <summary>The collection a foreach loop variable walks over, or null for other locals.</summary>
    private static bool MaySkip(ForEachStatementSyntax loop) =>
        loop.Statement.DescendantNodesAndSelf().Any(node => node is IfStatementSyntax or SwitchStatementSyntax or ContinueStatementSyntax
            or BreakStatementSyntax or ReturnStatementSyntax or GotoStatementSyntax or ThrowStatementSyntax or ConditionalExpressionSyntax);

    private IOperation? ForEachCollection(ILocalSymbol local) =>
        local.DeclaringSyntaxReferences.Length == 1
        && local.DeclaringSyntaxReferences[0].GetSyntax() is ForEachStatementSyntax loop
        && _models.OperationOf(loop) is IForEachLoopOperation operation
            ? operation.Collection
            : null;

    private static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field.OriginalDefinition,
        IPropertyReferenceOperation property => property.Property.OriginalDefinition,
        _ => null,
    };

    /// <summary>Looks through implicit conversions (a ForwardAuthMiddleware passed as a Middleware).</summary>
    internal static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { OperatorMethod: null } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>
    /// The state of one trace: depth, the symbols being traced (a cycle means "unknown"), and how
    /// often it was cut short by either, so a result that depends on where the trace started is not cached.
    /// </summary>
    internal sealed class Walk
    {
        private readonly HashSet<ISymbol> _active = new(SymbolEqualityComparer.Default);

        public int Depth { get; set; }

        public int Cuts { get; private set; }

        public bool Enter(ISymbol symbol)
        {
            if (_active.Add(symbol))
            {
                return true;
            }

            Cuts++;
            return false;
        }

        public void Leave(ISymbol symbol) => _active.Remove(symbol);

        private Dictionary<ISymbol, FactSet>? _reassigned;

        /// <summary>While a static constructor's write to <paramref name="field"/> is traced, what the field held before it (null: done).</summary>
        public void Reassign(IFieldSymbol field, FactSet? before)
        {
            _reassigned ??= new(SymbolEqualityComparer.Default);
            if (before is null)
            {
                _reassigned.Remove(field);
            }
            else
            {
                _reassigned[field] = before;
            }
        }

        /// <summary>Whether a static constructor's write is being traced (some field reads its earlier value).</summary>
        public bool Reassigning => _reassigned is { Count: > 0 };

        public FactSet? Reassigned(IFieldSymbol field) => _reassigned is { } map && map.TryGetValue(field, out var before) ? before : null;

        /// <summary>Whether the trace is <paramref name="maxDepth"/> deep and stops here.</summary>
        public bool CutAt(int maxDepth)
        {
            if (Depth < maxDepth)
            {
                return false;
            }

            Cuts++;
            return true;
        }
    }
}
