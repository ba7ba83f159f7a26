// Shared by Stack.Dsl and Stack.Analyzers as a linked file (see RuleIds.cs); netstandard2.0-safe.
using System;
using System.Collections.Generic;
using System.Linq;

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
        var words = name.Split(['_', '-', '.'], StringSplitOptions.RemoveEmptyEntries);

        // X_PASSWORD_FILE names a file holding the secret (the secrets: convention), not the secret.
        return words.Length > 0
            && !words[words.Length - 1].Equals("FILE", StringComparison.OrdinalIgnoreCase)
            && words.Any(SecretWords.Contains);
    }
}
