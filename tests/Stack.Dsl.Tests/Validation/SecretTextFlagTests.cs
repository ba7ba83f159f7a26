using Stack.Rules;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// STK0100's flags in a text: a word that starts with '-' after any separator or quote is a flag,
/// a '-' inside a word (a name, an image's tag) is not (the check skips splitting such texts).
/// </summary>
public sealed class SecretTextFlagTests
{
    [Theory]
    [InlineData("--password hunter2")]
    [InlineData("app --password hunter2")]
    [InlineData("app\t--password hunter2")]
    [InlineData("app;--password hunter2")]
    [InlineData("a|--password hunter2")]
    [InlineData("a&&--password hunter2")]
    [InlineData("(--password hunter2)")]
    [InlineData("{--password hunter2}")]
    [InlineData("`--password hunter2`")]
    [InlineData("x,--password hunter2")]
    [InlineData("x?--password hunter2")]
    [InlineData("app \"--password\" hunter2")]
    [InlineData("app '--password' hunter2")]
    [InlineData("app \"'--password\" hunter2")]
    [InlineData("service-00001 -password hunter2")]
    public void A_flag_after_any_separator_or_quote_is_found(string text)
    {
        var found = SecretText.Find(null, text);

        Assert.Contains(found, h => h.Form == SecretForm.Flag);
    }

    [Theory]
    [InlineData("service-00001")]
    [InlineData("example/service-00001:1.2.0")]
    [InlineData("https://service-00001.${BASE_HOST}/")]
    [InlineData("app x-password hunter2")]
    [InlineData("app my--password hunter2")]
    public void A_dash_inside_a_word_is_no_flag(string text)
    {
        Assert.DoesNotContain(SecretText.Find(null, text), h => h.Form == SecretForm.Flag);
    }
}
