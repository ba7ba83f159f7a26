// Shared by Stack.Dsl and Stack.Analyzers as a linked file (see RuleIds.cs); netstandard2.0-safe.
using System;
using System.Collections.Generic;

namespace Stack.Rules;

// SecretText's credential flags of programs whose flag names do not say so (mysql -p, redis-cli -a, curl -u).
internal static partial class SecretText
{
    /// <summary>
    /// Programs whose credential flags do not say so by their name: each takes the password as the
    /// next word, glued to the flag, or after the user in <c>user:password</c>.
    /// </summary>
    private static readonly CredentialFlag[] CredentialFlags =
    [
        // mysql -phunter2 (a bare -p prompts), and its tools and MariaDB's.
        .. Glued("-p", "mysql", "mysqladmin", "mysqldump", "mysqlcheck", "mysqlshow", "mysqlimport", "mariadb", "mariadb-admin", "mariadb-dump", "mariadb-check", "mariadb-show", "mariadb-import"),
        new("redis-cli", "-a", CredentialPlace.Next),
        new("redis-server", "--requirepass", CredentialPlace.Next),
        new("redis-server", "--masterauth", CredentialPlace.Next),
        new("sshpass", "-p", CredentialPlace.Next),
        new("curl", "-u", CredentialPlace.UserPassword),
        new("curl", "--user", CredentialPlace.UserPassword),
        new("curl", "-U", CredentialPlace.UserPassword),
        new("curl", "--proxy-user", CredentialPlace.UserPassword),
    ];

    private static IEnumerable<CredentialFlag> Glued(string flag, params string[] programs)
    {
        foreach (var program in programs)
        {
            yield return new CredentialFlag(program, flag, CredentialPlace.Glued);
        }
    }

    /// <summary>
    /// A credential flag of <see cref="CredentialFlags"/> after its program's name (<c>mysql</c>,
    /// <c>/usr/bin/mysql</c>) in the text: <c>mysqladmin ping -phunter2</c>, <c>redis-cli -a hunter2 ping</c>,
    /// <c>curl -u admin:hunter2 http://...</c>.
    /// </summary>
    private static void ProgramCredentials(string text, List<SecretHolding> found)
    {
        if (!MayHoldFlag(text))
        {
            return;
        }

        var words = Words(WithoutReferences(text));
        var programs = new List<string>(); // the words before a flag that may name its program
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word[0] != '-')
            {
                var slash = word.LastIndexOf('/');
                programs.Add(slash < 0 ? word : word.Substring(slash + 1));
                continue;
            }

            foreach (var credential in CredentialFlags)
            {
                if (programs.Contains(credential.Program) && CredentialValue(credential, words, i) is { Length: > 0 } value
                    && value.IndexOf('$') < 0 && SecretNames.CouldBeSecret("PASSWORD", value))
                {
                    found.Add(new SecretHolding(credential.Flag, SecretForm.Flag, credential.Place == CredentialPlace.Glued ? credential.Flag + "..." : credential.Flag + " ..."));
                    break;
                }
            }
        }
    }

    /// <summary>The password <paramref name="credential"/> takes at word <paramref name="i"/>; null when that word is not the flag.</summary>
    private static string? CredentialValue(CredentialFlag credential, List<string> words, int i)
    {
        var word = words[i];
        string? value;
        if (credential.Place == CredentialPlace.Glued)
        {
            value = word.Length > credential.Flag.Length && word.StartsWith(credential.Flag, StringComparison.Ordinal) ? word.Substring(credential.Flag.Length) : null;
        }
        else if (word == credential.Flag)
        {
            value = i + 1 < words.Count ? words[i + 1] : null;
        }
        else if (credential.Place == CredentialPlace.UserPassword && word.StartsWith(credential.Flag + "=", StringComparison.Ordinal))
        {
            value = word.Substring(credential.Flag.Length + 1);
        }
        else
        {
            return null;
        }

        if (value is not null && credential.Place == CredentialPlace.UserPassword)
        {
            var colon = value.IndexOf(':');
            value = colon >= 0 ? value.Substring(colon + 1) : null;
        }

        return value;
    }
}
