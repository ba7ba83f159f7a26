using System.Collections.Immutable;
using System.Globalization;
using Stack.Dsl.Values;

namespace Stack.Dsl.Yaml;

/// <summary>
/// A YAML value with its intended type. The generator builds the whole compose document from
/// these, and they are the escape hatch for fields the DSL does not model
/// (<c>Service.WithField</c>, <c>x-</c> extensions): whatever goes in still gets the same
/// quoting, ordering and <c>$</c> escaping as everything else.
/// </summary>
public abstract record YamlValue
{
    /// <summary>
    /// How deep sequences and mappings may nest. Far beyond any compose file; the writer and the
    /// checks walk values recursively, so a deeper value (built in a loop) would overflow the stack.
    /// </summary>
    public const int MaxDepth = 64;

    private protected YamlValue()
    {
    }

    /// <summary>How many sequences and mappings deep the value goes (a scalar is 0).</summary>
    internal int Depth { get; private protected set; }

    /// <summary>The depth of a collection holding <paramref name="children"/>; refuses one past <see cref="MaxDepth"/>.</summary>
    private protected static int DepthOver(ImmutableArray<YamlValue> children)
    {
        // A loop, not LINQ: generic code over int is not precompiled, and every document is built of these.
        var deepest = 0;
        foreach (var child in children)
        {
            deepest = Math.Max(deepest, child.Depth);
        }

        return DepthAbove(deepest);
    }

    private protected static int DepthOver(ImmutableArray<YamlEntry> entries)
    {
        var deepest = 0;
        foreach (var entry in entries)
        {
            deepest = Math.Max(deepest, entry.Value.Depth);
        }

        return DepthAbove(deepest);
    }

    private static int DepthAbove(int deepest)
    {
        var depth = deepest + 1;
        return depth <= MaxDepth
            ? depth
            : throw new ArgumentException($"A YAML value nests more than {MaxDepth} sequences and mappings deep; no compose file does. Flatten it.");
    }

    /// <summary>The YAML null.</summary>
    public static YamlScalar Null { get; } = new(ScalarKind.Null, "null");

    /// <summary>A string scalar from literal text (a <c>$</c> in it is escaped as <c>$$</c>).</summary>
    public static YamlScalar Text(ComposeString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scalar = new YamlScalar(ScalarKind.Text, text.ToCompose()) { Composed = text };
        return text.IsLiteral ? scalar : scalar with { Variables = [.. text.Variables.Distinct()] };
    }

    /// <summary>An integer scalar.</summary>
    public static YamlScalar Number(long value) =>
        new(ScalarKind.Number, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A decimal scalar, written with invariant formatting.</summary>
    public static YamlScalar Number(decimal value) =>
        new(ScalarKind.Number, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A boolean scalar (<c>true</c>/<c>false</c>).</summary>
    public static YamlScalar Boolean(bool value) => new(ScalarKind.Boolean, value ? "true" : "false");

    /// <summary>A sequence.</summary>
    public static YamlSequence Sequence(params IEnumerable<YamlValue> items) => new([.. items]);

    /// <summary>A mapping. Entries are sorted ordinally by key, as compose gives them no order.</summary>
    public static YamlMapping Mapping(params IEnumerable<YamlEntry> entries) =>
        new([.. entries.OrderBy(e => e.Key, StringComparer.Ordinal)]);

    /// <summary>A string scalar.</summary>
    public static implicit operator YamlValue(string text) => Text(text);

    /// <summary>A string scalar that may reference variables.</summary>
    public static implicit operator YamlValue(ComposeString text) => Text(text);

    /// <summary>An integer scalar.</summary>
    public static implicit operator YamlValue(long value) => Number(value);

    /// <summary>A boolean scalar.</summary>
    public static implicit operator YamlValue(bool value) => Boolean(value);
}

/// <summary>What a scalar means, which decides how it may be written.</summary>
public enum ScalarKind
{
    /// <summary>Text: quoted whenever YAML would otherwise read it as something else.</summary>
    Text,

    /// <summary>A number, written plain.</summary>
    Number,

    /// <summary>A boolean, written plain.</summary>
    Boolean,

    /// <summary>The null value.</summary>
    Null,
}

/// <summary>A scalar: its text as compose reads it, and its kind.</summary>
/// <param name="Kind">What the scalar means.</param>
/// <param name="Value">The text, already in compose form (variables as <c>${NAME}</c>, <c>$$</c> escapes).</param>
/// <param name="AlwaysQuoted">Quote even when plain would be safe (dclint wants ports quoted).</param>
public sealed record YamlScalar(ScalarKind Kind, string Value, bool AlwaysQuoted = false) : YamlValue
{
    /// <summary>The variables the text references, so the generator can list what a stack needs.</summary>
    public ImmutableArray<Variable> Variables { get; init; } = [];

    /// <summary>The compose text a string scalar was made from, when it was (to reuse it elsewhere, such as in a label).</summary>
    public ComposeString? Composed { get; init; }

    /// <inheritdoc/>
    public bool Equals(YamlScalar? other) =>
        other is not null && Kind == other.Kind && Value == other.Value && AlwaysQuoted == other.AlwaysQuoted;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Value, AlwaysQuoted);
}

/// <summary>A sequence, in author order.</summary>
public sealed record YamlSequence : YamlValue
{
    /// <summary>A sequence of <paramref name="items"/>.</summary>
    /// <param name="items">The items.</param>
    public YamlSequence(ImmutableArray<YamlValue> items) => Items = items;

    /// <summary>The items.</summary>
    public ImmutableArray<YamlValue> Items
    {
        get;
        init
        {
            Depth = DepthOver(value);
            field = value;
        }
    }

    /// <inheritdoc/>
    public bool Equals(YamlSequence? other) =>
        other is not null && Items.SequenceEqual(other.Items);

    /// <inheritdoc/>
    public override int GetHashCode() => Items.Length;
}

/// <summary>One key and its value in a <see cref="YamlMapping"/>.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value.</param>
// A class, not a KeyValuePair: generic code over reference types is shared and precompiled,
// which keeps the generator's start-up free of JIT work.
public sealed record YamlEntry(string Key, YamlValue Value);

/// <summary>A mapping whose entries are written in the order given.</summary>
public sealed record YamlMapping : YamlValue
{
    /// <summary>A mapping of <paramref name="entries"/>, written in the order given.</summary>
    /// <param name="entries">The entries.</param>
    public YamlMapping(ImmutableArray<YamlEntry> entries) => Entries = entries;

    /// <summary>The entries.</summary>
    public ImmutableArray<YamlEntry> Entries
    {
        get;
        init
        {
            Depth = DepthOver(value);
            field = value;
        }
    }

    /// <summary>The empty mapping, written <c>{}</c>.</summary>
    public static YamlMapping Empty { get; } = new(ImmutableArray<YamlEntry>.Empty);

    /// <summary>The value of the first entry under <paramref name="key"/>; null when there is none.</summary>
    internal YamlValue? ValueOf(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public bool Equals(YamlMapping? other) =>
        other is not null && Entries.SequenceEqual(other.Entries);

    /// <inheritdoc/>
    public override int GetHashCode() => Entries.Length;
}
