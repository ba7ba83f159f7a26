using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;
using Stack.Dsl.Values;

namespace Stack.Tool.Import.Evaluation;

/// <summary>
/// C#'s choice among overloads and its implicit conversions, for the calls the importer writes:
/// each candidate is scored by its arguments' conversions (identity, then reference or
/// interpolated-string handler, then numeric, then user-defined) and the cheapest runs.
/// </summary>
internal static class Binder
{
    private const BindingFlags Public = BindingFlags.Public | BindingFlags.FlattenHierarchy;

    private static readonly Lazy<MethodInfo[]> Extensions = new(() =>
        [.. typeof(Service).Assembly.GetExportedTypes().Where(t => t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.IsDefined(typeof(ExtensionAttribute), false))]);

    /// <summary>A value as <paramref name="target"/> and the conversion's cost, or null when C# has no implicit conversion.</summary>
    public static (object? Value, int Cost)? Convert(object? value, Type target)
    {
        if (target.IsByRefLike || target.IsByRef || target.IsPointer || target.ContainsGenericParameters)
        {
            return null; // Spans and open types: never what the importer's calls mean, and reflection cannot pass them.
        }

        var underlying = Nullable.GetUnderlyingType(target);
        switch (value)
        {
            case null:
                return !target.IsValueType || underlying is not null ? (null, 1) : null;
            case WholeNumber number:
                return Number(number.Value, underlying ?? target) is { } n ? n : UserDefined(number.Value >= int.MinValue && number.Value <= int.MaxValue ? (int)number.Value : number.Value, target);
            case CodeEvaluator.Interpolated interpolated:
                // C# prefers the interpolated string handler (ComposeString) to string when a method takes either.
                return target == typeof(ComposeString) ? (interpolated.Compose(), 1) : Convert(interpolated.Text, target) is { } text ? (text.Value, text.Cost + 2) : null;
            case CodeEvaluator.Items items:
                return Collection(items.Values, target);
            case CodeEvaluator.Closure closure:
                return target.IsGenericType && target.GetGenericTypeDefinition() == typeof(Func<,>)
                    ? (typeof(Binder).GetMethod(nameof(Function), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(target.GetGenericArguments()).Invoke(null, [closure]), 1)
                    : null;
        }

        if (target == value.GetType())
        {
            return (value, 0);
        }

        if (target.IsInstanceOfType(value))
        {
            return (value, 1);
        }

        if (value is double d && (underlying ?? target) == typeof(double))
        {
            return (d, 1);
        }

        return UserDefined(value, target);
    }

    private static (object?, int)? Number(long value, Type target) => target switch
    {
        _ when target == typeof(int) && value is >= int.MinValue and <= int.MaxValue => ((int)value, 0),
        _ when target == typeof(long) => (value, 1),
        _ when target == typeof(double) => ((double)value, 2),
        _ when target == typeof(ushort) && value is >= 0 and <= ushort.MaxValue => ((ushort)value, 1),
        _ when target == typeof(uint) && value is >= 0 and <= uint.MaxValue => ((uint)value, 1),
        _ when target == typeof(object) && value is >= int.MinValue and <= int.MaxValue => ((int)value, 3),
        _ => null,
    };

    private static (object?, int)? UserDefined(object value, Type target)
    {
        foreach (var method in (Nullable.GetUnderlyingType(target) ?? target).GetMethods(BindingFlags.Public | BindingFlags.Static).Concat(value.GetType().GetMethods(BindingFlags.Public | BindingFlags.Static)))
        {
            if (method.Name == "op_Implicit" && method.ReturnType == (Nullable.GetUnderlyingType(target) ?? target) && method.GetParameters()[0].ParameterType is var from
                && (from.IsInstanceOfType(value) || value is int i && from == typeof(long) || value is long l && from == typeof(int) && l is >= int.MinValue and <= int.MaxValue))
            {
                return (method.Invoke(null, [value is int small && from == typeof(long) ? (long)small : value is long big && from == typeof(int) ? (int)big : value]), 4);
            }
        }

        return null;
    }

    private static (object?, int)? Collection(IReadOnlyList<object?> values, Type target)
    {
        var element = target.IsArray ? target.GetElementType()
            : target.IsGenericType && target.GetGenericArguments() is [var only] && (target.IsInterface || target.GetGenericTypeDefinition() == typeof(List<>) || target.GetGenericTypeDefinition() == typeof(ImmutableArray<>)) ? only
            : null;
        if (element is null)
        {
            return null;
        }

        var converted = values.Select(v => Convert(v, element)).ToList();
        if (converted.Any(c => c is null))
        {
            return null;
        }

        var array = Array.CreateInstance(element, converted.Count);
        for (var i = 0; i < converted.Count; i++)
        {
            array.SetValue(converted[i]!.Value.Value, i);
        }

        object? result = target.IsArray || target.IsInterface ? array
            : target.GetGenericTypeDefinition() == typeof(List<>) ? Activator.CreateInstance(target, array)
            : typeof(ImmutableArray).GetMethods().First(m => m.Name == nameof(ImmutableArray.Create) && m.GetParameters() is [{ ParameterType.IsArray: true }]).MakeGenericMethod(element).Invoke(null, [array]);
        return (result, 1 + converted.Sum(c => c!.Value.Cost));
    }

    private static Func<TIn, TOut> Function<TIn, TOut>(CodeEvaluator.Closure closure) =>
        argument => (TOut)Convert(closure.Run(argument), typeof(TOut))!.Value.Value!;

    /// <summary>A property, field or enum member.</summary>
    public static object? Read(Type type, object? target, string name)
    {
        var flags = Public | (target is null ? BindingFlags.Static : BindingFlags.Instance);
        return type.GetProperty(name, flags) is { } property ? property.GetValue(target)
            : type.GetField(name, flags) is { } field ? field.GetValue(target)
            : throw CodeEvaluator.Refused($"does not find {type.Name}.{name}");
    }

    public static object Create(Type type, List<(string? Name, object? Value)> arguments) =>
        Choose(type.GetConstructors(), arguments) is var (constructor, values) ? ((ConstructorInfo)constructor).Invoke(values) : throw NoMatch(type.Name, arguments);

    /// <summary>A static method of <paramref name="type"/>, or an instance or extension method on <paramref name="target"/>.</summary>
    public static object? Call(Type? type, object? target, string name, List<(string? Name, object? Value)> arguments)
    {
        if (type is not null)
        {
            return Choose(type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == name), arguments) is var (method, values)
                ? Run(method, null, values) : throw NoMatch(type.Name + "." + name, arguments);
        }

        if (Choose(target!.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == name), arguments) is var (own, ownValues))
        {
            return Run(own, target, ownValues);
        }

        return Choose(Extensions.Value.Where(m => m.Name == name), [(null, target), .. arguments]) is var (extension, extensionValues)
            ? Run(extension, null, extensionValues) : throw NoMatch(target.GetType().Name + "." + name, arguments);
    }

    private static object? Run(MethodBase method, object? target, object?[] values)
    {
        try
        {
            return method.Invoke(target, values);
        }
        catch (TargetInvocationException failed) when (failed.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }
    }

    private static (MethodBase, object?[])? Choose(IEnumerable<MethodBase> candidates, List<(string? Name, object? Value)> arguments)
    {
        (MethodBase Method, object?[] Values, int Cost)? best = null;
        foreach (var candidate in candidates)
        {
            var method = candidate is MethodInfo { IsGenericMethodDefinition: true } generic ? Infer(generic, arguments) : candidate;
            if (method is not null && Bind(method.GetParameters(), arguments) is var (values, cost) && (best is null || cost < best.Value.Cost))
            {
                best = (method, values, cost);
            }
        }

        return best is { } chosen ? (chosen.Method, chosen.Values) : null;
    }

    /// <summary>A generic method's type arguments, read off the arguments as C# infers them for these calls (through collections and generic interfaces).</summary>
    private static MethodInfo? Infer(MethodInfo generic, List<(string? Name, object? Value)> arguments)
    {
        var parameters = generic.GetParameters();
        var map = new Dictionary<Type, Type>();
        for (var i = 0; i < Math.Min(parameters.Length, arguments.Count); i++)
        {
            Unify(parameters[i].ParameterType, arguments[i].Value, map);
        }

        var inferred = generic.GetGenericArguments().Select(t => map.GetValueOrDefault(t)).ToArray();
        try
        {
            return inferred.All(t => t is not null) ? generic.MakeGenericMethod(inferred!) : null;
        }
        catch (ArgumentException)
        {
            return null; // A constraint the inferred type does not meet: not a candidate.
        }
    }

    private static void Unify(Type formal, object? argument, Dictionary<Type, Type> map)
    {
        switch (argument)
        {
            case null:
                return;
            case CodeEvaluator.Items items when (formal.IsArray ? formal.GetElementType() : formal.IsGenericType ? formal.GetGenericArguments()[0] : null) is { } element:
                foreach (var item in items.Values)
                {
                    Unify(element, item, map);
                }

                return;
            case WholeNumber:
                Unify(formal, typeof(int), map);
                return;
            case CodeEvaluator.Interpolated:
                Unify(formal, typeof(string), map);
                return;
            default:
                Unify(formal, argument.GetType(), map);
                return;
        }
    }

    private static void Unify(Type formal, Type actual, Dictionary<Type, Type> map)
    {
        if (formal.IsGenericParameter)
        {
            map.TryAdd(formal, actual);
        }
        else if (formal.IsGenericType && formal.ContainsGenericParameters)
        {
            var definition = formal.GetGenericTypeDefinition();
            var match = new[] { actual }.Concat(actual.GetInterfaces()).FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == definition);
            for (var i = 0; match is not null && i < formal.GetGenericArguments().Length; i++)
            {
                Unify(formal.GetGenericArguments()[i], match.GetGenericArguments()[i], map);
            }
        }
    }

    /// <summary>The values for <paramref name="parameters"/>, in normal or expanded <c>params</c> form, and their cost; null when they do not fit.</summary>
    private static (object?[], int)? Bind(ParameterInfo[] parameters, List<(string? Name, object? Value)> arguments)
    {
        var values = new object?[parameters.Length];
        var given = new bool[parameters.Length];
        var cost = 0;
        var positional = arguments.TakeWhile(a => a.Name is null).Count();
        var last = parameters.Length - 1;
        var expands = last >= 0 && (parameters[last].IsDefined(typeof(ParamArrayAttribute)) || parameters[last].IsDefined(typeof(ParamCollectionAttribute))) && !(positional == parameters.Length && Convert(arguments[last].Value, parameters[last].ParameterType) is not null);
        for (var i = 0; i < positional; i++)
        {
            if (expands && i >= last)
            {
                break;
            }

            if (i > last || Convert(arguments[i].Value, parameters[i].ParameterType) is not { } converted)
            {
                return null;
            }

            (values[i], given[i], cost) = (converted.Value, true, cost + converted.Cost);
        }

        if (expands)
        {
            var rest = arguments.Skip(last).Take(Math.Max(0, positional - last)).Select(a => a.Value).ToList();
            if (Convert(new CodeEvaluator.Items(rest), parameters[last].ParameterType) is not { } array)
            {
                return null;
            }

            (values[last], given[last], cost) = (array.Value, true, cost + array.Cost + 1);
        }

        foreach (var (name, value) in arguments.Skip(positional))
        {
            var at = Array.FindIndex(parameters, p => p.Name == name);
            if (at < 0 || given[at] || Convert(value, parameters[at].ParameterType) is not { } converted)
            {
                return null;
            }

            (values[at], given[at], cost) = (converted.Value, true, cost + converted.Cost);
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (!given[i])
            {
                if (!parameters[i].HasDefaultValue)
                {
                    return null;
                }

                values[i] = parameters[i].DefaultValue is DBNull or null && parameters[i].ParameterType.IsValueType && Nullable.GetUnderlyingType(parameters[i].ParameterType) is null
                    ? Activator.CreateInstance(parameters[i].ParameterType)
                    : parameters[i].DefaultValue;
            }
        }

        return (values, cost);
    }

    private static UnreadCode NoMatch(string method, List<(string? Name, object? Value)> arguments) =>
        CodeEvaluator.Refused($"finds no {method} taking ({string.Join(", ", arguments.Select(a => a.Value?.GetType().Name ?? "null"))})");
}
