// Shared by Stack.Dsl and Stack.Analyzers as a linked file (see RuleIds.cs); netstandard2.0-safe.
using System;
using System.Collections.Generic;

namespace Stack.Rules;

/// <summary>Whether an environment variable's name says it holds a secret (STK0100).</summary>
internal static class SecretNames
{
    // Whole words of the name, split at '_', '-' and '.': DB_PASSWORD, database__connection__password, B2_ACCOUNT_KEY.
    private static readonly HashSet<string> SecretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "PASSWORD", "PASSWD", "PASS", "PWD", "SECRET", "TOKEN", "KEY", "APIKEY", "CREDENTIALS", "PASSPHRASE",
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
            if (i < name.Length && name[i] is not ('_' or '-' or '.'))
            {
                continue;
            }

            if (i > start)
            {
                last = name.Substring(start, i - start);
                secret |= SecretWords.Contains(last);
            }

            start = i + 1;
        }

        // X_PASSWORD_FILE names a file holding the secret (the secrets: convention), not the secret.
        return secret && !string.Equals(last, "FILE", StringComparison.OrdinalIgnoreCase);
    }
}
