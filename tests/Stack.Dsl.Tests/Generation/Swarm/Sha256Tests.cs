using System.Security.Cryptography;
using System.Text;
using Stack.Dsl.Generation.Swarm;

namespace Stack.Dsl.Tests.Generation.Swarm;

/// <summary>The managed SHA-256 behind content-addressed Swarm names gives the framework's digest, at every length around the block and padding edges.</summary>
public sealed class Sha256Tests
{
    [Fact]
    public void Every_length_up_to_three_blocks_hashes_as_the_framework_does()
    {
        var random = new Random(25);
        for (var length = 0; length <= 200; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);

            Assert.Equal(SHA256.HashData(data), Sha256.Hash(data));
        }
    }

    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void The_standards_examples(string text, string digest) =>
        Assert.Equal(digest, Convert.ToHexStringLower(Sha256.Hash(Encoding.ASCII.GetBytes(text))));

    [Fact]
    public void Large_inputs_hash_as_the_framework_does()
    {
        var random = new Random(7);
        foreach (var length in new[] { 4_095, 4_096, 65_537, 1_000_003 })
        {
            var data = new byte[length];
            random.NextBytes(data);

            Assert.Equal(SHA256.HashData(data), Sha256.Hash(data));
        }
    }

    [Fact]
    public void A_content_name_carries_the_first_ten_hex_digits()
    {
        var content = Encoding.UTF8.GetBytes("http:\n  routers: {}\n");

        Assert.Equal("traefik-dynamic-" + Convert.ToHexStringLower(SHA256.HashData(content))[..10], ContentName.Of("traefik-dynamic", content));
    }
}
