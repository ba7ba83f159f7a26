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
    // Deep enough for helpers calling helpers; a guard against pathological code, not a limit users meet.
    private const int MaxDepth = 48;

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

    private readonly ConcurrentDictionary<IOperation, FactSet> _traced = new();

    // What a field, property or local holds when no helper's parameters are bound: the same from
    // every trace that reaches it, so it is evaluated once (a service is reached from the stack,
    // from each DependsOn on it, from each analyzer) instead of once per use.
    private readonly ConcurrentDictionary<ISymbol, FactSet> _unbound = new(SymbolEqualityComparer.Default);

    private readonly DslTypes _types;
    private readonly SemanticModels _models;
    private readonly SourceValues _values;
    private readonly DslEffects _effects;

    public ValueTracer(DslTypes types, SemanticModels models)
    {
        _types = types;
        _models = models;
        _values = new SourceValues(models);
        _effects = new DslEffects(types, this);
    }

    /// <summary>The compilation's semantic models this tracer reads (one per tree, shared, so a file is bound once).</summary>
    public SemanticModels Models => _models;

    /// <summary>What is proven about <paramref name="value"/>.</summary>
    public FactSet Trace(IOperation value) => _traced.GetOrAdd(value, operation => Eval(operation, Bindings.None, new Walk()));

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
    public IReadOnlyList<ScopedValue>? ElementsOf(IOperation collection) =>
        Elements(collection, Bindings.None, new Walk());

    /// <summary>
    /// For a foreach loop variable over a visible collection, the collection's elements (each is
    /// the variable in one iteration); otherwise the value itself.
    /// </summary>
    public IEnumerable<IOperation> LoopElementsOrSelf(IOperation value)
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
            return elements.SelectMany(e => LoopElementsOrSelf(e.Value));
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

        walk.Depth++;
        try
        {
            return WithTypeFacts(operation.Type, EvalCore(operation, scope, walk));
        }
        finally
        {
            walk.Depth--;
        }
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
                case ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation:
                    var symbol = ReferencedSymbol(operation)!;
                    // A collection created with `new` through a variable may be added to later: unknown.
                    if (_values.Of(symbol) is not { Length: 1 } values || Unwrap(values[0]) is IObjectCreationOperation || !walk.Enter(symbol))
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

    /// <summary>The constant string <paramref name="operation"/> evaluates to, through bound parameters.</summary>
    internal static string? ConstantString(IOperation? operation, Bindings scope)
    {
        operation = Unwrap(operation);
        if (operation is IParameterReferenceOperation parameter && scope.TryGet(parameter.Parameter, out var argument, out var argumentScope))
        {
            return ConstantString(argument, argumentScope);
        }

        return operation is { ConstantValue: { HasValue: true, Value: string text } } ? text : null;
    }

    /// <summary>Whether a value is there (not null), as far as can be told.</summary>
    internal Fact Presence(IOperation? operation)
    {
        operation = Unwrap(operation);
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
                return Eval(conditional.WhenTrue, scope, walk).Meet(Eval(whenFalse, scope, walk));
            case ICoalesceOperation coalesce:
                return Eval(coalesce.Value, scope, walk).Meet(Eval(coalesce.WhenNull, scope, walk));
            case ISwitchExpressionOperation switchExpression:
                // Any arm may be the value: what holds for every arm is proven.
                return switchExpression.Arms.Select(arm => Eval(arm.Value, scope, walk)).Aggregate((all, arm) => all.Meet(arm));
            case IParameterReferenceOperation parameter:
                return scope.TryGet(parameter.Parameter, out var argument, out var argumentScope)
                    ? Eval(argument, argumentScope, walk)
                    : FactSet.Unknown;
            case ILocalReferenceOperation local when ForEachCollection(local.Local) is { } loop:
                // The loop variable is each element in turn: what holds for all of them.
                return MeetAll(Elements(loop, scope, walk), walk);
            case IPropertyReferenceOperation { Property.Name: "Disabled" } property when _types.IsHealthcheck(property.Type):
                return FactSet.Fresh(null).With(FactKind.DisabledHealthcheck, Fact.Yes);
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

        var definition = method.OriginalDefinition;
        if (_values.Of(definition) is not { } returns || !walk.Enter(definition))
        {
            return FactSet.Unknown;
        }

        try
        {
            // A helper sees only its own parameters, bound to what this call passes; a C# 14
            // extension member's receiver is its block's parameter (extension(Service s)).
            var calleeScope = invocation.Instance is { } receiver && ExtensionParameter(method.ContainingType) is { } blockParameter
                ? Bindings.None.Bind(blockParameter, receiver, scope)
                : Bindings.None;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter)
                {
                    calleeScope = calleeScope.Bind(parameter, argument.Value, scope);
                }
            }

            var facts = MeetAll(returns, calleeScope, walk);
            return HasParameters(method) ? AtHelperCall(facts, definition, invocation) : facts;
        }
        finally
        {
            walk.Leave(definition);
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
        var unbound = scope == Bindings.None;
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
            facts = MeetAll(values, scope, walk);
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

    private FactSet MeetAll(IReadOnlyList<ScopedValue>? values, Walk walk)
    {
        if (values is null || values.Count == 0)
        {
            return FactSet.Unknown;
        }

        var facts = Eval(values[0].Value, values[0].Scope, walk);
        for (var i = 1; i < values.Count; i++)
        {
            facts = facts.Meet(Eval(values[i].Value, values[i].Scope, walk));
        }

        return facts;
    }

    /// <summary>What holds for every one of <paramref name="values"/>, all read in <paramref name="scope"/>.</summary>
    private FactSet MeetAll(IOperation[] values, Bindings scope, Walk walk)
    {
        if (values.Length == 0)
        {
            return FactSet.Unknown;
        }

        var facts = Eval(values[0], scope, walk);
        for (var i = 1; i < values.Length; i++)
        {
            facts = facts.Meet(Eval(values[i], scope, walk));
        }

        return facts;
    }

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
