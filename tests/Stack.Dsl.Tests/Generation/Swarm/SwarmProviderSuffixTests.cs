using System.Text.RegularExpressions;
using Stack.Dsl.Generation.Swarm;

namespace Stack.Dsl.Tests.Generation.Swarm;

/// <summary>
/// <c>name@docker</c> becomes <c>name@swarm</c> in Traefik's dynamic file and labels: the same as
/// the regular expression replacement it is written without, on random texts of the characters that matter.
/// </summary>
public sealed class SwarmProviderSuffixTests
{
    // Every "@docker" after a name character and before a word boundary: "a@docker@docker" has two.
    private static readonly Regex Oracle = new(@"(?<=[A-Za-z0-9_-])@docker\b");

    [Theory]
    [InlineData("", "")]
    [InlineData("auth@docker", "auth@swarm")]
    [InlineData("middlewares: [auth@docker, secure-headers@docker]", "middlewares: [auth@swarm, secure-headers@swarm]")]
    [InlineData("@docker", "@docker")]
    [InlineData("auth@dockers", "auth@dockers")]
    [InlineData("auth@docker.", "auth@swarm.")]
    [InlineData("a@docker@docker", "a@swarm@swarm")]
    [InlineData("é@docker", "é@docker")]
    [InlineData("auth@file", "auth@file")]
    public void Examples(string text, string expected) => Assert.Equal(expected, SwarmLabels.WithSwarmProvider(text));

    [Fact]
    public void Random_texts_read_as_the_regular_expression_replaces_them()
    {
        string[] pieces = ["@docker", "@swarm", "@", "docker", "a", "Z", "9", "_", "-", ".", " ", ",", "\n", "é", "@dockerx"];
        var random = new Random(25);
        for (var i = 0; i < 5_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.Equal(Oracle.Replace(text, "@swarm"), SwarmLabels.WithSwarmProvider(text));
        }
    }
}
