using System.Text.RegularExpressions;
using CsCheck;
using Stack.Dsl.Validation.Text;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// Each name grammar accepts exactly what its regex (the grammar as compose, Docker and Traefik
/// write it) accepts: the loop replaced the regex for start-up time, not to change a rule.
/// </summary>
public sealed class NameGrammarTests
{
    public static TheoryData<string, string> Grammars => new()
    {
        { nameof(NameGrammar.Project), @"^[a-z0-9][a-z0-9_-]*\z" },
        { nameof(NameGrammar.Resource), @"^[a-zA-Z0-9][a-zA-Z0-9._-]*\z" },
        { nameof(NameGrammar.Container), @"^[a-zA-Z0-9][a-zA-Z0-9_.-]+\z" },
        { nameof(NameGrammar.Traefik), @"^[a-zA-Z0-9_-]+\z" },
        { nameof(NameGrammar.Host), @"^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?\z" },
        { nameof(NameGrammar.Variable), @"^[A-Za-z_][A-Za-z0-9_]*\z" },
    };

    // Names mostly from the characters the grammars care about, with what an attacker adds:
    // line breaks, NUL, a lone surrogate, a non-ASCII letter, '$', ':' and a space.
    private static readonly Gen<string> Names = Gen.Frequency(
            (6, Gen.Char["abzAZ09_.-"]),
            (1, Gen.Char["\n\r\0\ud800é$: /"]))
        .Array[0, 6]
        .Select(chars => new string(chars));

    [Theory]
    [MemberData(nameof(Grammars))]
    public void Accepts_exactly_what_its_regex_accepts(string grammar, string pattern)
    {
        var names = (NameGrammar)typeof(NameGrammar).GetField(grammar)!.GetValue(null)!;
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);

        Names.Sample(name => Assert.True(regex.IsMatch(name) == names.Matches(name), $"'{Regex.Escape(name)}': the regex says {regex.IsMatch(name)}"), iter: 20_000);
    }

    [Theory]
    [InlineData("web", true)]
    [InlineData("web\n", false)]
    [InlineData("w", false)]
    [InlineData("-web", false)]
    [InlineData("web.1_a-b", true)]
    public void A_container_name_needs_two_characters_and_no_trailing_line_break(string name, bool valid) =>
        Assert.Equal(valid, NameGrammar.Container.Matches(name));
}
