// Shared by Stack.Dsl and Stack.Analyzers as a linked file (see RuleIds.cs); netstandard2.0-safe.
using System;
using System.Collections.Generic;

namespace Stack.Rules;

/// <summary>
/// STK0100's one decision over a whole text: which literal secrets a text holds, given the
/// variable, key or option it is written under. Every route a secret takes into a file is one of
/// four forms, judged here for every text the generator writes (the runtime walks its text
/// inventory through this):
/// <list type="number">
/// <item>the text is the value of a secret-named key (a name: letters, digits, '_', '.', '-') (<c>DB_PASSWORD=hunter2</c>, a config named
/// <c>db_password</c>): its literal part could be a secret, also when joined to a variable
/// (<c>hunter2${HOST}</c>: a literal run of four letters or digits beside a reference);</item>
/// <item>a URL with a literal password (<c>postgres://app:hunter2@db</c>);</item>
/// <item>a secret-named variable's default (<c>${DB_PASSWORD:-hunter2}</c>);</item>
/// <item>an assignment or flag inside the text (<c>export DB_PASSWORD=hunter2; exec app</c>,
/// <c>addr=nas,password=hunter2</c>, <c>?token=abc</c>, <c>--password=x</c>, <c>--password x</c>).</item>
/// </list>
/// A value that is a <c>${VAR}</c> reference, the container's own <c>$VAR</c>, a file path or a flag
/// (<see cref="SecretNames.CouldBeSecret"/>) is not a secret.
/// </summary>
internal static class SecretText
{
    /// <summary>Where the text holds a literal secret: the name it belongs to (a key, variable or flag) and how it is held.</summary>
    /// <param name="key">The variable, key or option the text is the value of, or null (a command, a rule).</param>
    /// <param name="text">The text as written, a variable standing as <c>${NAME}</c> (or <c>${NAME:-default}</c>).</param>
    public static List<SecretHolding> Find(string? key, string text)
    {
        var found = new List<SecretHolding>();
        if (key is not null && IsName(key) && SecretNames.LooksSecret(key) && LiteralPartIsSecret(key, text))
        {
            found.Add(new SecretHolding(key, SecretForm.Value, key));
        }

        if (HasUrlPassword(text))
        {
            found.Add(new SecretHolding(key ?? string.Empty, SecretForm.UrlPassword, "a password in a URL"));
        }

        Defaults(text, found);
        Assignments(text, found);
        return found;
    }

    /// <summary>
    /// Whether the text's literal part could be a secret: the whole text when it holds no
    /// reference; beside references, a literal run of at least four letters or digits
    /// (<c>hunter2${HOST}</c>), not a separator (<c>${USER}:${PASS}</c>).
    /// </summary>
    private static bool LiteralPartIsSecret(string key, string text)
    {
        if (text.IndexOf("${", StringComparison.Ordinal) < 0)
        {
            return SecretNames.CouldBeSecret(key, text);
        }

        foreach (var run in LiteralRuns(text))
        {
            var alphanumerics = 0;
            foreach (var c in run)
            {
                alphanumerics += char.IsLetterOrDigit(c) ? 1 : 0;
            }

            if (alphanumerics >= 4 && SecretNames.CouldBeSecret(key, run.Trim()))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text between <c>${...}</c> references (a reference's default is judged as a default, not here).</summary>
    private static IEnumerable<string> LiteralRuns(string text)
    {
        var start = 0;
        for (var open = text.IndexOf("${", StringComparison.Ordinal); open >= 0; open = text.IndexOf("${", start, StringComparison.Ordinal))
        {
            if (open > start)
            {
                yield return text.Substring(start, open - start);
            }

            var close = ReferenceEnd(text, open);
            start = close < 0 ? text.Length : close + 1;
        }

        if (start < text.Length)
        {
            yield return text.Substring(start);
        }
    }

    /// <summary>The index of the brace that closes the reference opened at <paramref name="open"/>, nested references counted; -1 if none.</summary>
    private static int ReferenceEnd(string text, int open)
    {
        var depth = 0;
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary><c>${NAME:-x}</c>, <c>${NAME-x}</c>, <c>${NAME:=x}</c>: a default is a literal in the file, whatever the variable's declaration says.</summary>
    private static void Defaults(string text, List<SecretHolding> found)
    {
        for (var open = text.IndexOf("${", StringComparison.Ordinal); open >= 0; open = text.IndexOf("${", open + 2, StringComparison.Ordinal))
        {
            var close = ReferenceEnd(text, open);
            if (close < 0)
            {
                return;
            }

            var nameEnd = open + 2;
            while (nameEnd < close && (char.IsLetterOrDigit(text[nameEnd]) || text[nameEnd] == '_'))
            {
                nameEnd++;
            }

            var operatorEnd = nameEnd < close && text[nameEnd] == ':' ? nameEnd + 1 : nameEnd;
            if (operatorEnd < close && text[operatorEnd] is '-' or '=')
            {
                var name = text.Substring(open + 2, nameEnd - open - 2);
                var fallback = text.Substring(operatorEnd + 1, close - operatorEnd - 1);
                if (SecretNames.LooksSecret(name) && fallback.IndexOf('$') < 0 && SecretNames.CouldBeSecret(name, fallback))
                {
                    found.Add(new SecretHolding(name, SecretForm.Default, text.Substring(open, close - open + 1)));
                }
            }
        }
    }

    /// <summary>
    /// <c>NAME=value</c> words (a shell's <c>export</c> or prefix assignment, an option list's
    /// <c>password=x</c>, a query's <c>token=x</c>) and flags (<c>--password=x</c>, <c>--password x</c>).
    /// </summary>
    private static void Assignments(string text, List<SecretHolding> found)
    {
        // Only a word with '=' or a flag (a word starting with '-') holds one: most texts have
        // neither, and splitting every text of the inventory into words was much of this check's cost.
        // A '-' inside a word (service-00001, an image's tag) starts no flag.
        if (text.IndexOf('=') < 0 && !MayHoldFlag(text))
        {
            return;
        }

        var words = Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var flag = word[0] == '-';
            var equals = word.IndexOf('=');
            var name = (equals < 0 ? word : word.Substring(0, equals)).TrimStart('-');
            if (name.Length == 0 || !IsName(name) || !SecretNames.LooksSecret(name))
            {
                continue;
            }

            if (equals > 0)
            {
                var value = word.Substring(equals + 1);
                if (value.IndexOf('$') < 0 && SecretNames.CouldBeSecret(name, value))
                {
                    var holder = flag ? word.Substring(0, equals) : name;
                    found.Add(new SecretHolding(holder, flag ? SecretForm.Flag : SecretForm.Assignment, holder + "=..."));
                }
            }
            else if (flag && i + 1 < words.Count && words[i + 1] is var next && next[0] != '-'
                && next.IndexOf('$') < 0 && SecretNames.CouldBeSecret(name, next))
            {
                found.Add(new SecretHolding(word, SecretForm.Flag, word + " ..."));
            }
        }
    }

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
    private static List<string> Words(string text)
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
                var word = text.Substring(start, i - start).Replace("\"", string.Empty).Replace("'", string.Empty);
                if (word.Length > 0)
                {
                    words.Add(word);
                }
            }

            start = i + 1;
        }

        return words;
    }

    /// <summary>
    /// Whether the text holds <c>scheme://user:password@host</c> with a password that is not a
    /// variable. By hand, not a regex: a generated regex's vectorized search is compiled at start-up.
    /// </summary>
    public static bool HasUrlPassword(string text)
    {
        for (var start = text.IndexOf("://", StringComparison.Ordinal); start >= 0; start = text.IndexOf("://", start + 3, StringComparison.Ordinal))
        {
            var authority = start + 3;
            var end = authority;
            while (end < text.Length && text[end] is not ('/' or '@' or ' ' or '\n' or '\t'))
            {
                end++;
            }

            if (end < text.Length && text[end] == '@')
            {
                var colon = text.IndexOf(':', authority, end - authority);
                if (colon >= 0 && colon + 1 < end && string.CompareOrdinal(text, colon + 1, "${", 0, 2) != 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary>How a text holds a literal secret.</summary>
internal enum SecretForm
{
    /// <summary>The text is the literal value of a secret-named key.</summary>
    Value,

    /// <summary>A URL's password.</summary>
    UrlPassword,

    /// <summary>A secret-named variable's default.</summary>
    Default,

    /// <summary>A <c>NAME=value</c> inside the text.</summary>
    Assignment,

    /// <summary>A <c>--flag=value</c> or <c>--flag value</c> inside the text.</summary>
    Flag,
}

/// <summary>A literal secret in a text: the name it belongs to (what <c>AcceptLiteralSecret</c> takes) and its form.</summary>
internal sealed class SecretHolding
{
    public SecretHolding(string subject, SecretForm form, string shown) => (Subject, Form, Shown) = (subject, form, shown);

    /// <summary>The key, variable or flag; empty for a URL's password in a text without a key.</summary>
    public string Subject { get; }

    public SecretForm Form { get; }

    /// <summary>How a message shows it, the secret left out where it can be (<c>--password=...</c>, <c>DB_PASSWORD=...</c>).</summary>
    public string Shown { get; }
}
