using System.Globalization;
using System.IO.Hashing;
using CsCheck;
using Stack.Dsl.Generation.Swarm;

namespace Stack.Dsl.Tests.Generation.Swarm;

/// <summary>
/// A config's or secret's name carries the first hex digits of its content's XXH64, spelled by hand
/// (no number formatting): the same digits the formatted hash starts with, for any content, and a
/// long base name is cut so the whole name stays within Swarm's 64 characters.
/// </summary>
public sealed class ContentNameTests
{
    [Fact]
    public void The_name_ends_with_the_first_hex_digits_of_the_contents_hash()
    {
        Gen.Byte.Array[0, 64].Sample(content =>
        {
            var formatted = XxHash64.HashToUInt64(content).ToString("x16", CultureInfo.InvariantCulture);
            Assert.Equal($"stack_app-{formatted[..ContentName.HashLength]}", ContentName.Of("stack_app", content));
        });
    }

    [Fact]
    public void A_long_base_name_is_cut_to_fit_swarms_limit()
    {
        var name = ContentName.Of(new string('a', 80), [1, 2, 3]);

        Assert.Equal(64, name.Length);
        Assert.StartsWith(new string('a', 64 - ContentName.HashLength - 1) + "-", name, StringComparison.Ordinal);
    }
}
