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
internal static partial class SecretText
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

        // An HTTP header's value (a Traefik middleware's custom headers): read as the header line.
        if (key is not null && IsAuthorizationHeader(key))
        {
            Assignments(key + ": " + text, found);
        }

        Defaults(key is not null && IsName(key) && SecretNames.LooksSecret(key) ? key : null, text, found);
        Assignments(text, found);
        ProgramCredentials(text, found);
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
