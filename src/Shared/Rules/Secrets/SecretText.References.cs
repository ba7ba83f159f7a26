// Shared by Stack.Dsl and Stack.Analyzers as a linked file (see RuleIds.cs); netstandard2.0-safe.
using System;
using System.Collections.Generic;

namespace Stack.Rules;

// SecretText's ${...} references: the literal runs between them, the text with their names set
// apart, and a secret-named variable's default.
internal static partial class SecretText
{
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
}
