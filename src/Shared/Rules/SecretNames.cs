// Shared by Stack.Dsl and Stack.Analyzers as a linked file (see RuleIds.cs); netstandard2.0-safe.
using System;
using System.Collections.Generic;

namespace Stack.Rules;

/// <summary>Whether an environment variable's name says it holds a secret, and whether its value can be one (STK0100).</summary>
internal static class SecretNames
{
    // Words of the name, split at '_', '-', '.' and lower-to-upper case changes:
    // DB_PASSWORD, database__connection__password, B2_ACCOUNT_KEY, dbPassword.
    private static readonly HashSet<string> SecretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "PASSWORD", "PASSWD", "PASS", "PWD", "SECRET", "TOKEN", "KEY", "APIKEY", "CREDENTIALS", "PASSPHRASE",
    };

    // Long enough to be found inside a glued word (ADMINPASSWORD, APPSECRET); PASS, PWD and KEY
    // count only as whole words (PASSTHROUGH, MONKEY are not secrets).
    private static readonly string[] GluedWords = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "APIKEY", "CREDENTIAL", "PASSPHRASE"];

    // Values that switch something on or off, not secrets: ALLOW_EMPTY_PASSWORD=no.
    private static readonly HashSet<string> FlagValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "0", "1", "enabled", "disabled",
    };

    public static bool LooksSecret(string name)
    {
        // A hand-written split: string.Split with several separators starts vectorized search code
        // that is compiled at start-up, and this runs for every environment variable.
        var secret = false;
        string? last = null;
        var start = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            var boundary = i == name.Length || name[i] is '_' or '-' or '.';
            var caseChange = !boundary && i > start && char.IsUpper(name[i]) && char.IsLower(name[i - 1]);
            if (!boundary && !caseChange)
            {
                continue;
            }

            if (i > start)
            {
                last = name.Substring(start, i - start);
                secret |= SecretWords.Contains(last) || ContainsGluedWord(last);
            }

            start = caseChange ? i : i + 1;
        }

        // X_PASSWORD_FILE names a file holding the secret (the secrets: convention), not the secret.
        return secret && !string.Equals(last, "FILE", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether a literal value could be a secret: a flag (<c>no</c>, <c>true</c>) is not, nor a
    /// path under <c>/run/secrets/</c> (where compose mounts a secret's file), nor a reference to
    /// the container's own variable (<c>$MYSQL_ROOT_PASSWORD</c>, expanded by its shell).
    /// </summary>
    public static bool CouldBeSecret(string value)
    {
        var unquoted = value.Trim('"', '\'');
        return unquoted.Length > 0 && !FlagValues.Contains(unquoted) && !unquoted.StartsWith("/run/secrets/", StringComparison.Ordinal) && unquoted[0] != '$';
    }

    private static bool ContainsGluedWord(string word)
    {
        foreach (var glued in GluedWords)
        {
#pragma warning disable CA2249 // netstandard2.0 (the analyzers) has no Contains with a comparison
            if (word.IndexOf(glued, StringComparison.OrdinalIgnoreCase) >= 0)
#pragma warning restore CA2249
            {
                return true;
            }
        }

        return false;
    }
}
