using System.Globalization;
using Stack.Dsl.Compose;
using Stack.Dsl.Values;

namespace Stack.Tool.Import.Evaluation;

/// <summary>
/// Runs the C# the importer wrote on the library itself, by reflection, without a compiler: the
/// model the import judges is the one its code builds (docs/import.md says why, and a test holds
/// this reader to the C# compiler over every import test input).
/// </summary>
internal sealed class CodeEvaluator
{
    private static readonly string[] Namespaces =
        ["Stack.Dsl.Compose", "Stack.Dsl.Values", "Stack.Dsl.Yaml", "Stack.Dsl.Environments", "Stack.Dsl.Traefik"];

    // The types the importer names: the DSL's, and the few of .NET its code uses (short and, as written, fully qualified).
    private static readonly Lazy<Dictionary<string, Type>> Types = new(() =>
    {
        var framework = new[] { typeof(TimeSpan), typeof(System.Net.IPAddress), typeof(System.Net.IPNetwork), typeof(string), typeof(StringComparer), typeof(KeyValuePair), typeof(Convert), typeof(System.Collections.Immutable.ImmutableSortedDictionary) };
        var types = typeof(Service).Assembly.GetExportedTypes().Concat(framework)
            .Where(t => Namespaces.Contains(t.Namespace) || framework.Contains(t))
            .GroupBy(t => (t.DeclaringType is { } outer ? outer.Name + "." : string.Empty) + t.Name.Split('`')[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var type in framework)
        {
            types[type.FullName!] = type;
        }

        return types;
    });

    private readonly Dictionary<string, object?> _names = new(StringComparer.Ordinal);

    /// <summary>Binds <paramref name="identifier"/> (perhaps dotted, as a project's <c>Variables.Db</c>) to a value.</summary>
    public void Declare(string identifier, object? value) => _names[identifier.Replace("@", string.Empty, StringComparison.Ordinal)] = value; // @public is public's name, as the parser reads it

    /// <summary>The value of the C# expression <paramref name="text"/>, converted to <typeparamref name="T"/>.</summary>
    public T Evaluate<T>(string text) => (T)Binder.Convert(Evaluate(CodeParser.Parse(text), _names), typeof(T))!.Value.Value!;

    private static object? Evaluate(Code code, IReadOnlyDictionary<string, object?> names) => code switch
    {
        Literal literal => literal.Value,
        WholeNumber number => number,
        Interpolation interpolation => new Interpolated([.. interpolation.Parts.Select(p => p is Code hole ? Evaluate(hole, names) : p)]),
        Collection collection => new Items([.. collection.Items.SelectMany(i => i.Spread ? ((System.Collections.IEnumerable)Evaluate(i.Item, names)!).Cast<object?>() : [Evaluate(i.Item, names)])]),
        Negation { Value: WholeNumber number } => new WholeNumber(-number.Value),
        Lambda lambda => new Closure(lambda, names),
        Cast cast => Binder.Convert(Evaluate(cast.Value, names), TypeOf(cast.Type))?.Value ?? throw Refused($"cannot cast to {cast.Type}"),
        Creation creation => Initialize(Binder.Create(TypeOf(creation.Type), Arguments(creation.Arguments, names)), creation.Initializer, names),
        With with => Initialize(Clone(Evaluate(with.Target, names)!), with.Changes, names),
        Call { Target: Member member } call => Invoke(member, Arguments(call.Arguments, names), names),
        Member or Name => Lookup(code, names),
        _ => throw Refused($"cannot run {code.GetType().Name}"),
    };

    private static List<(string?, object?)> Arguments(IReadOnlyList<Argument> arguments, IReadOnlyDictionary<string, object?> names) =>
        [.. arguments.Select(a => (a.Name, Evaluate(a.Value, names)))];

    private static object? Invoke(Member member, List<(string?, object?)> arguments, IReadOnlyDictionary<string, object?> names) =>
        Lookup(member.Target, names) is var target && target is StaticType type
            ? Binder.Call(type.Type, null, member.Identifier, arguments)
            : Binder.Call(null, target, member.Identifier, arguments);

    /// <summary>A name: declared (the longest dotted prefix wins), a type, or a member of either.</summary>
    private static object? Lookup(Code code, IReadOnlyDictionary<string, object?> names)
    {
        if (Dotted(code) is { } path && names.TryGetValue(path, out var declared))
        {
            return declared;
        }

        if (Dotted(code) is { } typeName && Types.Value.TryGetValue(typeName, out var type))
        {
            return new StaticType(type);
        }

        if (code is Member member)
        {
            var target = Lookup(member.Target, names);
            return target is StaticType holder ? Binder.Read(holder.Type, null, member.Identifier) : Binder.Read(target!.GetType(), target, member.Identifier);
        }

        return code is Name or Member ? throw Refused($"does not know '{Dotted(code)}'") : Evaluate(code, names);
    }

    private static string? Dotted(Code code) => code switch
    {
        Name name => name.Identifier,
        Member { Target: var target } member when Dotted(target) is { } outer => outer + "." + member.Identifier,
        _ => null,
    };

    private static object Initialize(object value, IReadOnlyList<(string Property, Code Value)> assignments, IReadOnlyDictionary<string, object?> names)
    {
        foreach (var (name, code) in assignments)
        {
            var property = value.GetType().GetProperty(name) ?? throw Refused($"{value.GetType().Name} has no property {name}");
            property.SetValue(value, (Binder.Convert(Evaluate(code, names), property.PropertyType) ?? throw Refused($"cannot set {name}")).Value);
        }

        return value;
    }

    private static object Clone(object record) =>
        record.GetType().GetMethod("<Clone>$")?.Invoke(record, null) ?? throw Refused($"{record.GetType().Name} is not a record");

    private static Type TypeOf(string name) => Types.Value.GetValueOrDefault(name) ?? throw Refused($"does not know the type {name}");

    internal static UnreadCode Refused(string what) => new($"the import's evaluator {what}");

    /// <summary>A type named in the code, whose static members follow.</summary>
    private sealed record StaticType(Type Type);

    /// <summary>An interpolated string before its target type decides what it becomes.</summary>
    internal sealed record Interpolated(IReadOnlyList<object?> Parts)
    {
        public string Text => string.Concat(Parts.Select(p => p is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : p?.ToString()));

        /// <summary>As the compiler builds it through ComposeString's handler.</summary>
        public ComposeString Compose()
        {
            var handler = new ComposeString(0, Parts.Count);
            foreach (var part in Parts)
            {
                switch (part)
                {
                    case string text:
                        handler.AppendLiteral(text);
                        break;
                    case Variable variable:
                        handler.AppendFormatted(variable);
                        break;
                    case ComposeString compose:
                        handler.AppendFormatted(compose);
                        break;
                    case WholeNumber number:
                        handler.AppendFormatted((int)number.Value);
                        break;
                    default:
                        handler.AppendFormatted(part);
                        break;
                }
            }

            return handler;
        }
    }

    /// <summary>A collection expression before its target type decides what it becomes.</summary>
    internal sealed record Items(IReadOnlyList<object?> Values);

    /// <summary>A lambda and the names it sees.</summary>
    internal sealed record Closure(Lambda Lambda, IReadOnlyDictionary<string, object?> Names)
    {
        public object? Run(object? argument) =>
            Evaluate(Lambda.Body, new Dictionary<string, object?>(Names, StringComparer.Ordinal) { [Lambda.Parameter] = argument });
    }
}

/// <summary>The importer wrote C# its evaluator does not read: an importer fault, never the user's.</summary>
internal sealed class UnreadCode(string message) : Exception(message);
