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

        // X_PASSWORD_FILE names a file holding the secret (the secrets: convention), not the secret;
        // SECRET_PORT, TOKEN_SOURCE, KEY_SIZE name a setting about one.
        return secret && (last is null || !AboutASecret.Contains(last));
    }

    // A name's last word that makes it a setting about a secret rather than the secret itself.
    private static readonly HashSet<string> AboutASecret = new(StringComparer.OrdinalIgnoreCase)
    {
        "FILE", "PATH", "DIR", "PORT", "SIZE", "LENGTH", "SOURCE", "TYPE", "ALGORITHM", "TTL", "TIMEOUT", "EXPIRY", "EXPIRATION", "HEADER", "NAME",
    };

    /// <summary>
    /// Whether the literal value of the variable, key or flag <paramref name="name"/> could be a
    /// secret: a flag (<c>no</c>, <c>true</c>) is not, nor a file path (<c>/etc/ssl/x.key</c>,
    /// <c>./jwt/public.pem</c>: where a secret is, such as compose's <c>/run/secrets/</c>, not the
    /// secret), nor a reference to the container's own variable (<c>$MYSQL_ROOT_PASSWORD</c>,
    /// expanded by its shell). A plain number is a secret only under a name whose last word is a
    /// secret's (<c>DB_PASSWORD=987654321</c>, a PIN); under any other (<c>TOKEN_LIFETIME=3600</c>,
    /// <c>SECRET_PORT=3000</c>) it is a setting about one.
    /// </summary>
    public static bool CouldBeSecret(string name, string value)
    {
        var unquoted = value.Trim('"', '\'');
        if (unquoted.Length == 0 || FlagValues.Contains(unquoted) || unquoted[0] == '$' || IsPath(unquoted))
        {
            return false;
        }

        return !IsNumber(unquoted) || SecretWords.Contains(LastWord(name));
    }

    private static string LastWord(string name)
    {
        var end = name.Length;
        for (var i = name.Length - 1; i >= 0; i--)
        {
            if (name[i] is '_' or '-' or '.')
            {
                if (i + 1 < end)
                {
                    return name.Substring(i + 1, end - i - 1);
                }

                end = i;
            }
            else if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
            {
                return name.Substring(i, end - i);
            }
        }

        return name.Substring(0, end);
    }

    private static bool IsNumber(string value)
    {
        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An absolute, relative or home path with at least one folder (<c>/root/cloudflare.ini</c>,
    /// <c>./public.pem</c>), of path characters only: a password such as <c>/x!pass</c> is not one.
    /// </summary>
    private static bool IsPath(string value)
    {
        var start = value[0] == '/' ? 1
            : value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith("~/", StringComparison.Ordinal) ? 2
            : value.StartsWith("../", StringComparison.Ordinal) ? 3
            : -1;
        if (start < 0 || value.Length == start)
        {
            return false;
        }

        var slashOrDot = start > 1;
        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '/' or '.' or '_' or '-') || c == '/' && value[i - 1] == '/')
            {
                return false;
            }

            slashOrDot |= c is '/' or '.';
        }

        return slashOrDot;
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
