using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using Stack.Dsl.Generation.Swarm;

namespace Stack.Dsl.Tests.Generation.Swarm;

/// <summary>
/// Whether a proxy image's tag is Traefik v3.2.2 or later is read by hand: it must read every tag
/// as the grammar below does (the writer's former regular expression, kept here as the oracle,
/// with ASCII digits and a true end: its <c>\d</c> took other scripts' digits and int.Parse then
/// threw), and a number too long for an int is a very new version, not a crash.
/// </summary>
public sealed partial class TraefikTagTests
{
    [GeneratedRegex(@"(?:^|/)traefik:v?(?<major>[0-9]+)(?:\.(?<minor>[0-9]+)(?:\.(?<patch>[0-9]+))?)?(?:-[A-Za-z0-9.]+)?(?:@sha256:[0-9a-f]+)?\z")]
    private static partial Regex Grammar();

    private static bool ByGrammar(string image)
    {
        var match = Grammar().Match(image);
        if (!match.Success)
        {
            return false;
        }

        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        int major = Part("major"), minor = Part("minor"), patch = Part("patch");
        return major != 3 ? major > 3 : minor != 2 ? minor > 2 : patch >= 2;
    }

    // Pieces that tags are made of, near the grammar's edges: short numbers (no overflow in the oracle).
    private static readonly Gen<string> Piece = Gen.OneOf<string>(
        "traefik:", "traefik", "v", "V", "3", "2", "1", "4", "10", "0", ".", "-", "rc", "rc.1", "@sha256:", "ab12", "AB", "/", "docker.io/library/", "x", ":", "@", " ", "é");

    [Fact]
    public void Reads_every_tag_as_the_grammar_does()
    {
        Piece.Array[1, 9].Select(pieces => string.Concat(pieces)).Sample(
            image => Assert.Equal(ByGrammar(image), TraefikLabelPrefix.ReadsSwarmLabels(image)),
            iter: 20_000);
    }

    [Theory]
    [InlineData("traefik:v3.2.2-rc.1@sha256:0123abcd", true)]
    [InlineData("registry.example:5000/proxy/traefik:3.3", true)]
    [InlineData("traefik:v3.2.2@sha256:", false)] // a digest needs its hex
    [InlineData("traefik:v3.3-", false)] // a suffix needs a character
    [InlineData("traefik:v3.", false)]
    [InlineData("mytraefik:v3.3", false)]
    [InlineData("traefik:v3.3/x", false)]
    [InlineData("traefik:v\u0663.\u0664", false)] // Arabic-Indic digits: no version Traefik publishes (int.Parse threw on them)
    public void Reads_the_grammar_edges(string image, bool reads) =>
        Assert.Equal(reads, TraefikLabelPrefix.ReadsSwarmLabels(image));

    [Theory]
    [InlineData("traefik:v99999999999")]
    [InlineData("traefik:3.99999999999999999999")]
    public void A_number_too_long_for_an_int_is_a_new_version(string image) =>
        Assert.True(TraefikLabelPrefix.ReadsSwarmLabels(image));
}
