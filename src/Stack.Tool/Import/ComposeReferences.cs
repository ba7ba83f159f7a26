using System.Text.RegularExpressions;

namespace Stack.Tool.Import;

/// <summary>
/// Compose's variable references in text (<c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-default}</c>,
/// <c>${NAME:?message}</c>, ...), and short-syntax text split at its separators outside them:
/// <c>${DATA:-./data}:/data</c> is a source and a target, not three fields.
/// </summary>
internal static partial class ComposeReferences
{
    /// <summary>One reference, from its <c>$</c>: the name (braced or bare), and a braced one's operator and argument.</summary>
    [GeneratedRegex(@"\$(?:\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:-|-|:\?|\?)(?<arg>[^}]*))?\}|(?<bare>[A-Za-z_][A-Za-z0-9_]*))")]
    public static partial Regex Pattern();

    /// <summary>The fields of <paramref name="text"/> between <paramref name="separator"/>s that are not inside a reference (nor a <c>$$</c>).</summary>
    public static string[] Split(string text, char separator)
    {
        var fields = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$')
            {
                var match = Pattern().Match(text, i);
                i += text.AsSpan(i).StartsWith("$$") ? 1 : match.Success && match.Index == i ? match.Length - 1 : 0;
            }
            else if (text[i] == separator)
            {
                fields.Add(text[start..i]);
                start = i + 1;
            }
        }

        fields.Add(text[start..]);
        return [.. fields];
    }
}
