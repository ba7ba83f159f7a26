using System.Globalization;
using System.Text;
using Stack.Rules;

namespace Stack.Dsl.Validation.Text;

/// <summary>
/// STK0215: a text holds a character its place in the output cannot carry. Checked over
/// <see cref="TextInventory"/>, the list of every text a definition writes: a line break in a key,
/// a path or an .env.example line would add a key, an option or a line; NUL and unpaired
/// surrogates are not text at all (no file, YAML scalar or process environment can hold them).
/// </summary>
internal static class TextRules
{
    public static IEnumerable<StackDiagnostic> Check(IEnumerable<TextField> texts)
    {
        foreach (var field in texts)
        {
            if (Offending(field.Value, field.Kind) is { } index)
            {
                yield return new StackDiagnostic(RuleIds.UnsafeText, Message(field, index), field.Location);
            }
        }
    }

    /// <summary>The index of the first character <paramref name="kind"/> does not allow, if any.</summary>
    internal static int? Offending(string text, TextKind kind)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            var allowed = kind switch
            {
                TextKind.Key => !char.IsControl(c) && !char.IsWhiteSpace(c),
                TextKind.Line => c == '\t' || (!char.IsControl(c) && c is not '\u2028' and not '\u2029'),
                _ => c is '\t' or '\n' or '\r' || !char.IsControl(c),
            };
            if (!allowed)
            {
                return i;
            }
        }

        return null;
    }

    private static string Message(TextField field, int index)
    {
        var c = field.Value[index];
        var what = char.IsSurrogate(c) ? "an unpaired surrogate (not text)" : $"{Describe(c)}";
        var why = field.Kind switch
        {
            TextKind.Key => "a key or word there cannot hold spaces or control characters",
            TextKind.Line => "it is written on one line, so a line break would add a line, key or option of its own",
            _ => "no generated file or container environment can carry it",
        };
        return $"{field.Owner} has {what} in its {field.Field} ({Escaped(field.Value)}); {why}. Remove the character from the C# value.";
    }

    private static string Describe(char c) => c switch
    {
        '\0' => "a NUL character",
        '\n' => "a line break (\\n)",
        '\r' => "a carriage return (\\r)",
        '\t' => "a tab",
        ' ' => "a space",
        _ when char.IsWhiteSpace(c) => $"white space (U+{(int)c:X4})",
        _ => $"a control character (U+{(int)c:X4})",
    };

    /// <summary>The value as a C# literal would show it, so invisible characters can be seen.</summary>
    internal static string Escaped(string value) => "\"" + Visible(value).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>The value with invisible characters spelled out (\n, \0, \uD800), cut at <paramref name="limit"/> characters: safe inside one message line.</summary>
    internal static string Visible(string value, int limit = 80)
    {
        var shown = value.Length > limit ? value[..limit] : value;
        if (shown.Length == value.Length && !HasInvisible(shown))
        {
            return value; // the common case, a header or a name: nothing to spell out, nothing to copy
        }

        var text = new StringBuilder(shown.Length + 8);
        foreach (var c in shown)
        {
            switch (c)
            {
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\0':
                    text.Append("\\0");
                    break;
                case var _ when IsInvisible(c):
                    text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.Append(value.Length > limit ? "..." : string.Empty).ToString();
    }

    private static bool IsInvisible(char c) => char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029';

    private static bool HasInvisible(string value)
    {
        foreach (var c in value)
        {
            if (IsInvisible(c))
            {
                return true;
            }
        }

        return false;
    }
}
