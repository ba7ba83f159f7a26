using System.Text.RegularExpressions;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Tests.Yaml;

/// <summary>
/// <see cref="YamlScalarRules.NeedsQuoting"/> skips its patterns by a text's first character and
/// length; the verdict must stay the one of running every pattern, on every short text over the
/// characters the patterns care about, and on longer texts built around them.
/// </summary>
public sealed class QuotingPrecheckTests
{
    // The patterns as they were run before the pre-checks, all of them on every text.
    private static readonly Regex[] Patterns =
    [
        new("^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL)$", RegexOptions.CultureInvariant),
        new("^[-+]?(\\.?[0-9])[0-9a-fA-FxXoObB_.:eE+-]*$", RegexOptions.CultureInvariant),
        new("^[-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+][0-9]+)?$", RegexOptions.CultureInvariant),
        new("^[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)$", RegexOptions.CultureInvariant),
        new("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \\t]|$)", RegexOptions.CultureInvariant),
    ];

    private static bool Oracle(string text) => text.Length == 0 || Patterns.Any(p => p.IsMatch(text)) || text is "<<" or "=";

    [Fact]
    public void Every_text_of_up_to_three_characters_gets_the_verdict_of_every_pattern()
    {
        const string alphabet = "yYnNtTfFoO~eEsSlLuUrRaAiIxXbB-+.0159_: \t\n<=\"'a#";
        var checkedTexts = 0;
        foreach (var text in Texts(alphabet, 3))
        {
            Assert.True(Oracle(text) == YamlScalarRules.NeedsQuoting(text), $"'{Regex.Escape(text)}'");
            checkedTexts++;
        }

        Assert.True(checkedTexts > 100_000);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("false")]
    [InlineData("FALSE")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("OFF")]
    [InlineData("0755")]
    [InlineData("-.inf")]
    [InlineData(".NaN")]
    [InlineData("22:22")]
    [InlineData("2001-12-14")]
    [InlineData("2001-12-14t21:59:43.10-05:00")]
    [InlineData("1e3")]
    [InlineData("+12_000.5")]
    [InlineData("image")]
    [InlineData("service-00001")]
    [InlineData("example/app:1.0")]
    public void Words_around_the_patterns_keep_their_verdict(string word)
    {
        foreach (var text in new[] { word, word + "\n", word + " ", " " + word, word + "x", "x" + word, word + word, word.ToUpperInvariant(), word[..^1] })
        {
            Assert.True(Oracle(text) == YamlScalarRules.NeedsQuoting(text), $"'{Regex.Escape(text)}'");
        }
    }

    private static IEnumerable<string> Texts(string alphabet, int maxLength)
    {
        var current = new List<string> { string.Empty };
        for (var length = 1; length <= maxLength; length++)
        {
            current = [.. current.SelectMany(prefix => alphabet.Select(c => prefix + c))];
            foreach (var text in current)
            {
                yield return text;
            }
        }
    }
}
