using System.Text.RegularExpressions;

namespace Stack.Dsl.Yaml;

/// <summary>
/// Decides when a string must be quoted so that every YAML reader gets a string back. Compose
/// files are read by YAML 1.1 parsers (PyYAML in docker-compose v1) and YAML 1.2 ones (Go's
/// yaml.v3 in Compose v2), so a string is quoted when either would resolve it to a bool, null,
/// number (including octal <c>0755</c> and base-60 <c>22:22</c>), timestamp or merge key.
/// Over-quoting is harmless; under-quoting changes meaning.
/// </summary>
internal static partial class YamlScalarRules
{
    /// <summary>Whether <paramref name="text"/>, written plain, would not read back as this string.</summary>
    public static bool NeedsQuoting(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        // Every pattern is anchored at the start, so its first character decides whether it can
        // match: most texts (keys, names, images) start with none of those characters, and were
        // run through five regular expressions each, a tenth of writing a large stack.
        var first = text[0];
        return (MayBeReservedWord(text) && ReservedWord().IsMatch(text))
            || (first is '-' or '+' or '.' or (>= '0' and <= '9')
                && (NumberLike().IsMatch(text) || SpecialFloat().IsMatch(text) || Float11().IsMatch(text) || TimestampLike().IsMatch(text)))
            || text is "<<" or "=";
    }

    // The reserved words' first letters, and their longest (5) plus the line break '$' allows before the end.
    private static bool MayBeReservedWord(string text) =>
        text.Length <= 6 && text[0] is 'y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O' or '~';

    /// <summary>Whether the text spans lines and so is written as a literal block.</summary>
    public static bool IsMultiLine(string text) => text.Contains('\n', StringComparison.Ordinal);

    /// <summary>
    /// Whether the text may be written plain: unambiguous, and free of what YamlDotNet's emitter
    /// mishandles in plain scalars (tabs, edge spaces, control characters).
    /// </summary>
    public static bool IsPlainSafe(string text) =>
        !NeedsQuoting(text) && !HasEdgeWhitespace(text) && !HasControlCharacter(text, allowTabAndNewline: false);

    /// <summary>Whether the text holds a control character; tab and newline count unless allowed.</summary>
    public static bool HasControlCharacter(string text, bool allowTabAndNewline)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(allowTabAndNewline && c is '\t' or '\n'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether multi-line text reads back exactly from a literal block: no carriage returns or
    /// control characters, no trailing whitespace on a line, and a first line that does not
    /// start with whitespace or end (which would need an indentation indicator YamlDotNet gets
    /// wrong, or leave nothing for the block to hold).
    /// </summary>
    public static bool IsLiteralSafe(string text)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || HasControlCharacter(text, allowTabAndNewline: true))
        {
            return false;
        }

        for (var i = 1; i <= text.Length; i++)
        {
            var endOfLine = i == text.Length || text[i] == '\n';
            if (endOfLine && (text[i - 1] == ' ' || text[i - 1] == '\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasEdgeWhitespace(string text) =>
        text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]));

    // YAML 1.1 booleans and nulls (1.2 core's true/false/null/~ are a subset).
    [GeneratedRegex("^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL)$", RegexOptions.CultureInvariant)]
    private static partial Regex ReservedWord();

    // Anything that starts like a number and contains only number characters: decimal, octal,
    // hex, binary, 0o octal, floats with exponents, underscores and base-60 colons.
    [GeneratedRegex("^[-+]?(\\.?[0-9])[0-9a-fA-FxXoObB_.:eE+-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();

    // The YAML 1.1 spec's float pattern also matches digit-less text such as "." or "-..".
    [GeneratedRegex("^[-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+][0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Float11();

    [GeneratedRegex("^[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)$", RegexOptions.CultureInvariant)]
    private static partial Regex SpecialFloat();

    // YAML 1.1 timestamps: 2001-12-14, 2001-12-14t21:59:43.10-05:00, 2001-12-14 21:59:43.10 -5.
    [GeneratedRegex("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \\t]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampLike();
}
