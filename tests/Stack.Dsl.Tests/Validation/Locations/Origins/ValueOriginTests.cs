using Stack.Dsl.Cli;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Validation.Locations.Origins;

/// <summary>
/// The corpus of values built on one line and added on another: every finding is reported at the
/// line (and column) that built the value, in the definition's own file, not at the line that
/// added it, the router, the proxy, the stack, or a helper inside the library.
/// </summary>
public sealed class ValueOriginTests
{
    private static readonly Dictionary<string, OriginCase> Corpus =
        MiddlewareOrigins.Cases().Concat(ProxyValueOrigins.Cases()).Concat(VariableOrigins.Cases()).ToDictionary(c => c.ToString());

    public static TheoryData<string> Cases() => [.. Corpus.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_finding_names_the_line_and_column_that_built_the_value(string name)
    {
        var @case = Corpus[name];
        var (line, column) = @case.Expected();

        var findings = StackValidator.Validate(@case.Build()).Where(d => d.Id == @case.Id).ToList();

        Assert.NotEmpty(findings);
        var shown = findings.Select(f => new SourceColumns().Format(f.Location)).ToList();
        Assert.Contains($"{@case.File}({line},{column})", shown);
        Assert.All(findings, f => Assert.Equal(@case.File, f.Location.FilePath));
    }
}
