using System.Globalization;
using System.Text;

namespace Stack.Dsl.Generation.Picture;

/// <summary>
/// The one way user text (names, rules, reasons) enters <c>STACK.md</c>. Everything outside a
/// small set of harmless characters becomes a numbered character reference, so no name can end a
/// Mermaid string (<c>"</c>), start an entity (<c>#</c>), close a table cell (<c>|</c>), add HTML
/// (<c>&lt;</c>), open a code span (<c>`</c>) or GitHub's math (<c>$</c>). Control characters and
/// unpaired surrogates, which no reference can show, become U+FFFD.
/// </summary>
internal static class PictureText
{
    /// <summary>Text inside a double-quoted Mermaid label or edge text: Mermaid's own codes, <c>#34;</c>.</summary>
    public static string Mermaid(string text) => Escape(text, MermaidSafe, static code => $"#{code};");

    /// <summary>Lines of a Mermaid label, each escaped, joined by the label's line break.</summary>
    public static string MermaidLines(params IEnumerable<string> lines) => string.Join("<br>", lines.Select(Mermaid));

    /// <summary>Text in Markdown (a heading, a table cell): HTML's codes, <c>&amp;#124;</c>.</summary>
    public static string Markdown(string text) => Escape(text, MarkdownSafe, static code => $"&#{code};");

    /// <summary>Text shown as code in Markdown: an HTML element, whose content (unlike a code span's) character references reach.</summary>
    public static string Code(string text) => $"<code>{Markdown(text)}</code>";

    // `$`, `{` and `}` stay readable in the diagram (`${BASE_HOST}`): inside a quoted Mermaid
    // string they mean nothing. Markdown keeps neither `$` (math) nor `_`/`*` (emphasis).
    private static bool MermaidSafe(char c) => char.IsAsciiLetterOrDigit(c) || " .,:/-_=+@()${}'?!".Contains(c, StringComparison.Ordinal);

    private static bool MarkdownSafe(char c) => char.IsAsciiLetterOrDigit(c) || " .,:/-=+@(){}'?".Contains(c, StringComparison.Ordinal);

    private static string Escape(string text, Func<char, bool> safe, Func<int, string> reference)
    {
        // Most names need nothing: no copy then (a 10,000-service stack has tens of thousands).
        var first = 0;
        while (first < text.Length && safe(text[first]))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (safe(c))
            {
                escaped.Append(c);
                continue;
            }

            int code;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                code = char.ConvertToUtf32(c, text[++i]);
            }
            else
            {
                code = char.IsSurrogate(c) || char.IsControl(c) ? 0xFFFD : c;
            }

            escaped.Append(reference(code));
        }

        return escaped.ToString();
    }

    /// <summary>A number as text, the same on every machine.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
