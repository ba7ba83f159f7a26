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

    /// <summary>
    /// The text with each <c>${NAME...}</c> reference's name as a bare <c>$</c>, set apart from its
    /// default or error message (<c>${DB_PASSWORD:?set it}</c> reads <c>$ set it </c>): the name
    /// and its operator are no pair (<c>DB_PASSWORD:</c>), while the text after it is written to
    /// the file as it stands and is judged like any other.
    /// </summary>
    private static string WithoutReferences(string text)
    {
        if (text.IndexOf("${", StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var result = new System.Text.StringBuilder(text.Length);
        foreach (var run in LiteralRunsAndReferences(text))
        {
            result.Append(run);
        }

        return result.ToString();
    }

    private static IEnumerable<string> LiteralRunsAndReferences(string text)
    {
        var start = 0;
        for (var open = text.IndexOf("${", StringComparison.Ordinal); open >= 0; open = text.IndexOf("${", start, StringComparison.Ordinal))
        {
            yield return text.Substring(start, open - start);
            yield return "$ ";
            var close = ReferenceEnd(text, open);
            var end = close < 0 ? text.Length : close;
            var name = open + 2;
            while (name < end && (char.IsLetterOrDigit(text[name]) || text[name] == '_'))
            {
                name++;
            }

            var operatorEnd = name < end && text[name] == ':' ? name + 1 : name;
            operatorEnd = operatorEnd < end && text[operatorEnd] is '-' or '=' or '?' or '+' ? operatorEnd + 1 : operatorEnd;
            yield return WithoutReferences(text.Substring(operatorEnd, end - operatorEnd));
            yield return " ";
            start = close < 0 ? text.Length : close + 1;
        }

        yield return text.Substring(start);
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

    /// <summary>
    /// <c>${NAME:-x}</c>, <c>${NAME-x}</c>, <c>${NAME:=x}</c>: a default is a literal in the file,
    /// whatever the variable's declaration says. It is a secret when the variable's name says so, or
    /// the secret-named key it is the value of (<paramref name="secretKey"/>: <c>API_TOKEN: ${API:-hunter2}</c>).
    /// </summary>
    private static void Defaults(string? secretKey, string text, List<SecretHolding> found)
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
                var secretName = SecretNames.LooksSecret(name) ? name : secretKey;
                if (secretName is not null && fallback.IndexOf('$') < 0 && SecretNames.CouldBeSecret(secretName, fallback))
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

/// <summary>Where a program's credential flag has its password.</summary>
internal enum CredentialPlace
{
    /// <summary>The next word: <c>redis-cli -a hunter2</c>.</summary>
    Next,

    /// <summary>Glued to the flag: <c>mysql -phunter2</c>.</summary>
    Glued,

    /// <summary>After the user, in the next word or after '=': <c>curl -u admin:hunter2</c>.</summary>
    UserPassword,
}

/// <summary>A flag of a program that takes a password though its name does not say so.</summary>
internal sealed class CredentialFlag
{
    public CredentialFlag(string program, string flag, CredentialPlace place) => (Program, Flag, Place) = (program, flag, place);

    public string Program { get; }

    public string Flag { get; }

    public CredentialPlace Place { get; }
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
