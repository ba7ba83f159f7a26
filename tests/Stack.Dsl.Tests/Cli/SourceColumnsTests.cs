using Stack.Dsl.Cli;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Tests.Cli;

/// <summary>Caller info has no column: the CLI takes the first non-blank character of the line.</summary>
public sealed class SourceColumnsTests
{
    [Fact]
    public void Column_is_the_first_non_blank_character_of_the_line()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "var app = new Service(\"app\")\n        .DependsOn(db, DependencyCondition.ServiceHealthy);\n\n");
            var columns = new SourceColumns();

            Assert.Equal($"{file}(2,9)", columns.Format(new SourceLocation(file, 2)));
            Assert.Equal($"{file}(1,1)", columns.Format(new SourceLocation(file, 1)));
            Assert.Equal($"{file}(3)", columns.Format(new SourceLocation(file, 3)));
            Assert.Equal($"{file}(9)", columns.Format(new SourceLocation(file, 9)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_file_that_is_not_here_keeps_file_and_line() =>
        Assert.Equal("/nowhere/Definition.cs(4)", new SourceColumns().Format(new SourceLocation("/nowhere/Definition.cs", 4)));
}
