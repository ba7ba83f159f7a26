namespace Stack.Dsl.Generation.Picture;

/// <summary>
/// A router rule shortened for an edge of the diagram: <c>Host(`a.example`) &amp;&amp; PathPrefix(`/api`)</c>
/// reads <c>a.example &amp;&amp; /api*</c>. A hand-scanned loop, not a regex: the generator runs on
/// every build and a regex costs start-up time. Anything else in the rule stays as written.
/// </summary>
internal static class RouteSummary
{
    private static readonly (string Matcher, string Suffix)[] Matchers = [("Host(`", string.Empty), ("PathPrefix(`", "*"), ("Path(`", string.Empty)];

    public static string Of(string rule)
    {
        var text = new System.Text.StringBuilder(rule.Length);
        var i = 0;
        while (i < rule.Length)
        {
            var matched = false;
            foreach (var (matcher, suffix) in Matchers)
            {
                // A typed matcher's argument holds no backtick (RouterRule refuses one), so the first "`)" ends it.
                if (string.CompareOrdinal(rule, i, matcher, 0, matcher.Length) == 0
                    && (i == 0 || !char.IsAsciiLetter(rule[i - 1]))
                    && rule.IndexOf("`)", i + matcher.Length, StringComparison.Ordinal) is var end and >= 0)
                {
                    text.Append(rule, i + matcher.Length, end - i - matcher.Length).Append(suffix);
                    i = end + 2;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                text.Append(rule[i++]);
            }
        }

        return text.ToString();
    }
}
