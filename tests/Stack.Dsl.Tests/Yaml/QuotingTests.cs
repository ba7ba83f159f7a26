using Stack.Dsl.Compose;
using Stack.Testing;
using YamlDotNet.RepresentationModel;

namespace Stack.Dsl.Tests.Yaml;

public class QuotingTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("on")]
    [InlineData("ON")]
    [InlineData("no")]
    [InlineData("off")]
    [InlineData("y")]
    [InlineData("N")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("0755")]
    [InlineData("22:22")]
    [InlineData("190:20:30")]
    [InlineData("1e3")]
    [InlineData("1.5")]
    [InlineData("-42")]
    [InlineData("+1")]
    [InlineData("0x1F")]
    [InlineData("0o17")]
    [InlineData("0b101")]
    [InlineData("1_000")]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData(".nan")]
    [InlineData("2001-12-14")]
    [InlineData("2001-12-14 21:59:43.10 -5")]
    [InlineData("<<")]
    [InlineData("=")]
    public void String_that_yaml_would_read_as_another_type_is_quoted(string text)
    {
        Assert.True(Yaml11.ResolvesToNonString(text), "the oracle must agree this text is ambiguous");

        var scalar = EnvironmentScalar(Emit.Minimal().WithEnvironment("VALUE", text));

        Assert.Equal(text, scalar.Value);
        Assert.NotEqual(YamlDotNet.Core.ScalarStyle.Plain, scalar.Style);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("redis:7.4.1-alpine")]
    [InlineData("v1.2.3")]
    [InlineData("unless-stopped")]
    [InlineData("0 30 3 * * *")]
    [InlineData("--read-data-subset=10%")]
    [InlineData("Host(`a.example.com`)")]
    [InlineData("/var/run/docker.sock")]
    [InlineData("yesterday")]
    [InlineData("nothing")]
    public void Unambiguous_string_stays_plain(string text)
    {
        var scalar = EnvironmentScalar(Emit.Minimal().WithEnvironment("VALUE", text));

        Assert.Equal(text, scalar.Value);
        Assert.Equal(YamlDotNet.Core.ScalarStyle.Plain, scalar.Style);
    }

    [Theory]
    [InlineData("ON")]
    [InlineData("Y")]
    [InlineData("NO")]
    public void Key_that_yaml_would_read_as_a_bool_is_quoted(string key)
    {
        var yaml = Emit.Yaml(Emit.Minimal().WithEnvironment(key, "x"));

        Assert.Contains($"      '{key}': x\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Number_environment_value_is_written_plain()
    {
        var scalar = EnvironmentScalar(Emit.Minimal().WithEnvironment("VALUE", 1));

        Assert.Equal("1", scalar.Value);
        Assert.Equal(YamlDotNet.Core.ScalarStyle.Plain, scalar.Style);
    }

    [Fact]
    public void Multi_line_string_is_a_literal_block()
    {
        var yaml = Emit.Yaml(Emit.Minimal().WithEnvironment("SCRIPT", "first line\nsecond: line\n"));

        Assert.Contains("      SCRIPT: |\n        first line\n        second: line\n", yaml, StringComparison.Ordinal);
        Assert.Equal("first line\nsecond: line\n", EnvironmentScalar(Emit.Minimal().WithEnvironment("VALUE", "first line\nsecond: line\n")).Value);
    }

    [Fact]
    public void Multi_line_string_without_final_newline_is_a_stripped_literal_block()
    {
        var yaml = Emit.Yaml(Emit.Minimal().WithEnvironment("SCRIPT", "a\nb"));

        Assert.Contains("      SCRIPT: |-\n        a\n        b\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Port_mappings_are_always_single_quoted()
    {
        var yaml = Emit.Yaml(Emit.Minimal().WithPort(8080, 80).WithPort(53, 53, protocol: PortProtocol.Udp).WithExpose(3000));

        Assert.Contains("      - '53:53/udp'\n      - '8080:80'\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    expose:\n      - '3000'\n", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("it's")]
    [InlineData("a: b")]
    [InlineData("# not a comment")]
    [InlineData(" leading space")]
    [InlineData("trailing space ")]
    [InlineData("*star")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("@at")]
    [InlineData("`tick")]
    [InlineData("{flow}")]
    [InlineData("[seq]")]
    [InlineData("- dash")]
    [InlineData("back\\slash")]
    [InlineData("tab\there")]
    [InlineData("quote\"d")]
    public void Strings_with_yaml_syntax_survive_the_round_trip(string text)
    {
        Assert.Equal(text, EnvironmentScalar(Emit.Minimal().WithEnvironment("VALUE", text)).Value);
    }

    private static YamlScalarNode EnvironmentScalar(Service service)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Emit.Yaml(service)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var services = (YamlMappingNode)root["services"];
        var environment = (YamlMappingNode)((YamlMappingNode)services[service.Name])["environment"];
        return (YamlScalarNode)environment.Children.Single().Value;
    }
}
