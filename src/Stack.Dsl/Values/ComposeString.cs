using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Stack.Dsl.Values;

/// <summary>
/// A string value in a compose file: literal text mixed with <see cref="Variable"/> references.
/// Write it as a plain string (<c>"redis:7.4"</c>) or an interpolated string whose holes are
/// variables (<c>$"Host(`auth.{BaseHost}`)"</c>); the compiler builds it part by part, so
/// variables stay typed and the generator can list them, and a literal <c>$</c> is emitted as
/// <c>$$</c> so compose never mistakes it for a variable.
/// </summary>
/// <remarks>
/// This type is its own interpolated string handler. The <c>Append*</c> methods are for the
/// compiler while it builds the value; once the value has been read it is frozen and further
/// appends throw.
/// </remarks>
[InterpolatedStringHandler]
public sealed class ComposeString : IEquatable<ComposeString>
{
    private List<ComposeStringPart>? _building;
    private ImmutableArray<ComposeStringPart> _parts;

    /// <summary>Called by the compiler for an interpolated string.</summary>
    /// <param name="literalLength">The number of literal characters (a capacity hint).</param>
    /// <param name="formattedCount">The number of holes (a capacity hint).</param>
    public ComposeString(int literalLength, int formattedCount)
    {
        _ = literalLength;
        _building = new List<ComposeStringPart>((formattedCount * 2) + 1);
    }

    private ComposeString(ImmutableArray<ComposeStringPart> parts) => _parts = parts;

    /// <summary>The empty string.</summary>
    public static ComposeString Empty { get; } = new(ImmutableArray<ComposeStringPart>.Empty);

    /// <summary>The parts in order; adjacent literals are merged and empty literals dropped.</summary>
    public ImmutableArray<ComposeStringPart> Parts
    {
        get
        {
            Freeze();
            return _parts;
        }
    }

    /// <summary>Every variable this string references, in order of appearance, nested defaults' included.</summary>
    public IEnumerable<Variable> Variables =>
        IsLiteral ? [] : Parts.Select(p => p.Variable).OfType<Variable>().SelectMany(WithNested);

    /// <summary>A variable, then those its nested default references (<c>${A:-${B}}</c>), so each is declared and listed.</summary>
    private static IEnumerable<Variable> WithNested(Variable variable) =>
        variable.FallbackVariables.IsEmpty ? [variable] : variable.FallbackVariables.SelectMany(WithNested).Prepend(variable);

    /// <summary>Whether the string is literal text only (no variables).</summary>
    public bool IsLiteral
    {
        get
        {
            foreach (var part in Parts)
            {
                if (part.Variable is not null)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Creates a literal string (a <c>$</c> in it is literal too).</summary>
    public static ComposeString Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0
            ? Empty
            : new ComposeString([ComposeStringPart.OfLiteral(text)]);
    }

    /// <summary>Creates a string that is exactly one variable reference.</summary>
    public static ComposeString Of(Variable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return new ComposeString([ComposeStringPart.OfVariable(variable)]);
    }

    /// <summary>Joins strings with a literal separator, keeping their variables typed.</summary>
    public static ComposeString Join(string separator, IEnumerable<ComposeString> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = new ComposeString(0, 0);
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                builder.AppendLiteral(separator);
            }

            builder.AppendFormatted(value);
            first = false;
        }

        return builder.Freeze();
    }

    /// <summary>A literal string; <c>$</c> in it stays literal.</summary>
    public static implicit operator ComposeString(string text) => Literal(text);

    /// <summary>A string that is exactly one variable reference.</summary>
    public static implicit operator ComposeString(Variable variable) => Of(variable);

    /// <summary>Compiler use: appends literal text.</summary>
    public void AppendLiteral(string value) => Builder().Add(ComposeStringPart.OfLiteral(value));

    /// <summary>Compiler use: appends a variable reference.</summary>
    public void AppendFormatted(Variable value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Builder().Add(ComposeStringPart.OfVariable(value));
    }

    /// <summary>Compiler use: splices another compose string in, keeping its variables.</summary>
    public void AppendFormatted(ComposeString value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Builder().AddRange(value.Parts);
    }

    /// <summary>Compiler use: appends any other value as literal text, formatted invariantly.</summary>
    public void AppendFormatted<T>(T value)
    {
        switch (value)
        {
            case Variable variable:
                AppendFormatted(variable);
                break;
            case ComposeString text:
                AppendFormatted(text);
                break;
            case IFormattable formattable:
                AppendLiteral(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                AppendLiteral(value?.ToString() ?? string.Empty);
                break;
        }
    }

    /// <summary>Compiler use: appends a value formatted with <paramref name="format"/>, invariantly.</summary>
    public void AppendFormatted<T>(T value, string? format)
    {
        if (value is IFormattable formattable)
        {
            AppendLiteral(formattable.ToString(format, CultureInfo.InvariantCulture));
            return;
        }

        AppendFormatted(value);
    }

    /// <summary>
    /// The text compose reads: variables as <c>${NAME}</c>, each literal <c>$</c> doubled.
    /// </summary>
    public string ToCompose()
    {
        var parts = Parts;
        if (parts.Length == 1)
        {
            return parts[0].ToCompose();
        }

        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            sb.Append(part.ToCompose());
        }

        return sb.ToString();
    }

    /// <summary>Readable text for messages: the compose form.</summary>
    public override string ToString() => ToCompose();

    /// <inheritdoc/>
    public bool Equals(ComposeString? other) =>
        other is not null && Parts.AsSpan().SequenceEqual(other.Parts.AsSpan());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ComposeString);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var part in Parts)
        {
            hash.Add(part);
        }

        return hash.ToHashCode();
    }

    private List<ComposeStringPart> Builder() =>
        _building ?? throw new InvalidOperationException(
            "A ComposeString is immutable once read; build a new one instead of appending.");

    private ComposeString Freeze()
    {
        if (_building is { } building)
        {
            _parts = Normalize(building);
            _building = null;
        }

        return this;
    }

    private static ImmutableArray<ComposeStringPart> Normalize(List<ComposeStringPart> parts)
    {
        var result = ImmutableArray.CreateBuilder<ComposeStringPart>(parts.Count);
        foreach (var part in parts)
        {
            if (part.Variable is null && part.Text.Length == 0)
            {
                continue;
            }

            if (part.Variable is null && result.Count > 0 && result[^1].Variable is null)
            {
                result[^1] = ComposeStringPart.OfLiteral(result[^1].Text + part.Text);
                continue;
            }

            result.Add(part);
        }

        return result.ToImmutable();
    }
}
