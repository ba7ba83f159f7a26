using Stack.Dsl.Compose;
using Stack.Dsl.Values;
using Stack.Testing;

namespace Stack.Dsl.Tests.Values;

/// <summary>Compose's interpolation forms as typed variable forms, and what compose makes of them.</summary>
public sealed class VariableFormTests
{
    private static readonly Variable Port = new("PORT", "the port");

    [Theory]
    [InlineData(VariableForm.DefaultIfUnsetOrEmpty, "${PORT:-8080}")]
    [InlineData(VariableForm.DefaultIfUnset, "${PORT-8080}")]
    [InlineData(VariableForm.RequiredNonEmpty, "${PORT:?set PORT in .env}")]
    [InlineData(VariableForm.Required, "${PORT?set PORT in .env}")]
    public void Each_form_is_written_as_compose_reads_it(VariableForm form, string expected)
    {
        var variable = form switch
        {
            VariableForm.DefaultIfUnsetOrEmpty => Port.OrDefault("8080"),
            VariableForm.DefaultIfUnset => Port.OrDefaultIfUnset("8080"),
            VariableForm.RequiredNonEmpty => Port.Required("set PORT in .env"),
            _ => Port.RequiredEvenIfEmpty("set PORT in .env"),
        };

        Assert.Equal(expected, variable.Reference);
        Assert.Contains($"PORT: {expected}", Emit.Yaml(new ComposeStack("v").WithVariables(Port).WithServices(Emit.Minimal().WithEnvironment("PORT", variable))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a}b")]
    [InlineData("two\nlines")]
    [InlineData("a$b")]
    public void A_default_compose_would_cut_short_is_refused(string text) =>
        Assert.Throws<ArgumentException>(() => Port.OrDefault(text));

    [Fact]
    public void The_suggestion_in_env_example_is_not_a_compose_default()
    {
        var suggested = new Variable("PORT") { Default = "8080" };

        Assert.Equal("${PORT}", suggested.Reference);
    }

    [SkippableFact]
    public void Compose_applies_the_defaults_when_the_variable_is_unset()
    {
        DockerCompose.RequireInstalled();
        var yaml = Emit.Yaml(new ComposeStack("v").WithVariables(Port).WithServices(Emit.Minimal()
            .WithEnvironment("EMPTY_OR_UNSET", Port.OrDefault("8080"))
            .WithEnvironment("UNSET_ONLY", Port.OrDefaultIfUnset("9090"))));

        var config = DockerCompose.Config([("docker-compose.yml", yaml)], []);

        Assert.Contains("EMPTY_OR_UNSET: '8080'", config, StringComparison.Ordinal);
        Assert.Contains("UNSET_ONLY: '9090'", config, StringComparison.Ordinal);
    }
}
