// Shared by Stack.Dsl and Stack.Analyzers as a linked file (see RuleIds.cs); netstandard2.0-safe.
using System.Collections.Generic;

namespace Stack.Rules;

// SecretText's word splitting: separators, names, and where a word ends its line or entry.
internal static partial class SecretText
{
    /// <summary>
    /// Whether some word of <see cref="Words"/> may start with '-': a '-' at the start of the text,
    /// after a separator, or after a quote (quotes are dropped from words).
    /// </summary>
    private static bool MayHoldFlag(string text)
    {
        for (var i = text.IndexOf('-'); i >= 0; i = i + 1 < text.Length ? text.IndexOf('-', i + 1) : -1)
        {
            if (i == 0 || IsSeparator(text[i - 1]) || text[i - 1] is '"' or '\'')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is ';' or '&' or '|' or ',' or '?' or '(' or ')' or '{' or '}' or '`';

    /// <summary>A variable, option or flag name: letters, digits, '_', '.', '-'.</summary>
    private static bool IsName(string name)
    {
        foreach (var c in name)
        {
            if (!(c < 128 && (char.IsLetterOrDigit(c) || c is '_' or '.' or '-')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text's words: split at white space and at the separators of shells, option lists and queries, quotes dropped.</summary>
    private static List<string> Words(string text, List<bool>? ends = null)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsSeparator(text[i]))
            {
                continue;
            }

            if (i > start)
            {
                var raw = text.Substring(start, i - start);
                var word = raw.Replace("\"", string.Empty).Replace("'", string.Empty);
                if (word.Length > 0)
                {
                    words.Add(word);
                    ends?.Add(raw[raw.Length - 1] is '"' or '\'' || EndsSegment(text, i));
                }
            }

            start = i + 1;
        }

        return words;
    }

    /// <summary>Whether the separators from <paramref name="at"/> to the next word end a line, an entry or the text.</summary>
    private static bool EndsSegment(string text, int at)
    {
        for (var i = at; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r' or ',' or ';' or '{' or '}')
            {
                return true;
            }

            if (!IsSeparator(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
