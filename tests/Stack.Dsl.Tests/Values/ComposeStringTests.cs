using Stack.Dsl.Values;

namespace Stack.Dsl.Tests.Values;

public class ComposeStringTests
{
    private static readonly Variable Host = new("BASE_HOST");
    private static readonly Variable Port = new("PORT");

    [Fact]
    public void Interpolated_variables_stay_typed_parts()
    {
        ComposeString value = $"https://auth.{Host}:{Port}/";

        Assert.Equal(
            [ComposeStringPart.OfLiteral("https://auth."), ComposeStringPart.OfVariable(Host), ComposeStringPart.OfLiteral(":"), ComposeStringPart.OfVariable(Port), ComposeStringPart.OfLiteral("/")],
            value.Parts.ToArray());
        Assert.Equal([Host, Port], value.Variables);
        Assert.Equal("https://auth.${BASE_HOST}:${PORT}/", value.ToCompose());
    }

    [Fact]
    public void Literal_dollar_is_escaped_but_variables_are_not()
    {
        ComposeString value = $"pa$word-{Host}-$$";

        Assert.Equal("pa$$word-${BASE_HOST}-$$$$", value.ToCompose());
    }

    [Fact]
    public void Plain_string_is_literal_even_when_it_looks_like_a_variable()
    {
        ComposeString value = "${NOT_A_VARIABLE}";

        Assert.True(value.IsLiteral);
        Assert.Empty(value.Variables);
        Assert.Equal("$${NOT_A_VARIABLE}", value.ToCompose());
    }

    [Fact]
    public void Other_holes_are_formatted_invariantly_as_literal_text()
    {
        ComposeString value = $"{1.5m}|{2_000}|{new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc):yyyy-MM-dd}";

        Assert.True(value.IsLiteral);
        Assert.Equal("1.5|2000|2026-01-02", value.ToCompose());
    }

    [Fact]
    public void Spliced_compose_string_keeps_its_variables()
    {
        ComposeString host = $"auth.{Host}";
        ComposeString url = $"https://{host}/";

        Assert.Equal([Host], url.Variables);
        Assert.Equal("https://auth.${BASE_HOST}/", url.ToCompose());
    }

    [Fact]
    public void Equal_content_is_equal()
    {
        ComposeString a = $"x{Host}";
        ComposeString b = $"x{Host}";

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, ComposeString.Literal("x${BASE_HOST}"));
    }

    [Fact]
    public void Appending_after_the_value_was_read_throws()
    {
        ComposeString value = $"a{Host}";
        _ = value.Parts;

        Assert.Throws<InvalidOperationException>(() => value.AppendLiteral("b"));
    }

    [Theory]
    [InlineData("1ABC")]
    [InlineData("A-B")]
    [InlineData("")]
    [InlineData("A B")]
    public void Invalid_variable_name_is_rejected(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new Variable(name));
        Assert.Contains("not a valid variable name", error.Message, StringComparison.Ordinal);
    }
}
