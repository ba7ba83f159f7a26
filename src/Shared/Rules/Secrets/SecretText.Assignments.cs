// Shared by Stack.Dsl and Stack.Analyzers as a linked file (see RuleIds.cs); netstandard2.0-safe.
using System;
using System.Collections.Generic;

namespace Stack.Rules;

// SecretText's NAME=value words and flags, key: value pairs, Authorization headers and CIFS's user%password.
internal static partial class SecretText
{
    /// <summary>
    /// <c>NAME=value</c> words (a shell's <c>export</c> or prefix assignment, an option list's
    /// <c>password=x</c>, a query's <c>token=x</c>) and flags (<c>--password=x</c>, <c>--password x</c>).
    /// </summary>
    private static void Assignments(string text, List<SecretHolding> found)
    {
        // Only a word with '=' or ':' or a flag (a word starting with '-') holds one: most texts have
        // none, and splitting every text of the inventory into words was much of this check's cost.
        // A '-' inside a word (service-00001, an image's tag) starts no flag.
        if (text.IndexOf('=') < 0 && text.IndexOf(':') < 0 && !MayHoldFlag(text))
        {
            return;
        }

        var ends = new List<bool>();
        var words = Words(WithoutReferences(text), ends);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (Pair(words, ends, i, found))
            {
                continue;
            }

            var flag = word[0] == '-';
            var equals = word.IndexOf('=');
            var name = (equals < 0 ? word : word.Substring(0, equals)).TrimStart('-');
            if (!flag && equals > 0 && UserPercentPassword(name, word.Substring(equals + 1)))
            {
                found.Add(new SecretHolding(name, SecretForm.Assignment, name + "=...%..."));
                continue;
            }

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
    /// A key and its value written as a file or a header writes them, the pair spread over words:
    /// <c>password: hunter2</c> (YAML, and JSON once quotes are dropped), <c>password = hunter2</c>
    /// (INI, TOML), <c>password:hunter2</c> (compact JSON), and an HTTP <c>Authorization</c> header's
    /// credentials (<c>Authorization: Bearer abc</c>). True when word <paramref name="i"/> was read as one.
    /// </summary>
    private static bool Pair(List<string> words, List<bool> ends, int i, List<SecretHolding> found)
    {
        var word = words[i];
        string name;
        int valueAt;
        string? glued = null;
        if (word.Length > 1 && word[word.Length - 1] == ':')
        {
            (name, valueAt) = (word.Substring(0, word.Length - 1), i + 1);
        }
        else if (i + 2 < words.Count && words[i + 1] == "=")
        {
            (name, valueAt) = (word, i + 2);
        }
        else if (word.IndexOf(':') is var colon && colon > 0 && colon + 1 < word.Length && word.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            (name, valueAt, glued) = (word.Substring(0, colon), -1, word.Substring(colon + 1));
        }
        else
        {
            return false;
        }

        name = name.TrimStart('-');
        if (name.Length == 0 || !IsName(name))
        {
            return false;
        }

        var header = IsAuthorizationHeader(name);
        if (!header && !SecretNames.LooksSecret(name))
        {
            return false;
        }

        var value = glued ?? (valueAt < words.Count ? words[valueAt] : null);
        // A header's value is a scheme and its credentials: Basic, Bearer, Token, Digest ...
        if (header && glued is null && value is not null && valueAt + 1 < words.Count && IsScheme(value))
        {
            value = words[++valueAt];
        }

        // The value ends its line, entry or quoted text, as in a file or header: in prose
        // ("Password: the one in the vault") a word after a colon is no value.
        if (glued is null && (valueAt >= words.Count || !ends[valueAt]))
        {
            return true;
        }

        if (value is not null && value.IndexOf('$') < 0 && SecretNames.CouldBeSecret(header ? "TOKEN" : name, value))
        {
            found.Add(new SecretHolding(name, SecretForm.Assignment, name + ": ..."));
        }

        return true;
    }

    /// <summary>
    /// A CIFS mount option's <c>user=name%password</c> (also <c>username=</c>): mount.cifs takes the
    /// password after a '%' in the user name, so a volume's <c>o: user=media%hunter2</c> holds one.
    /// </summary>
    private static bool UserPercentPassword(string name, string value)
    {
        if (!string.Equals(name, "user", StringComparison.OrdinalIgnoreCase) && !string.Equals(name, "username", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var percent = value.IndexOf('%');
        return percent >= 0 && percent + 1 < value.Length && value.IndexOf('$') < 0 && SecretNames.CouldBeSecret("PASSWORD", value.Substring(percent + 1));
    }

    private static bool IsAuthorizationHeader(string name) =>
        string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase);

    private static bool IsScheme(string word)
    {
        foreach (var c in word)
        {
            if (!(c < 128 && char.IsLetter(c)))
            {
                return false;
            }
        }

        return true;
    }
}
