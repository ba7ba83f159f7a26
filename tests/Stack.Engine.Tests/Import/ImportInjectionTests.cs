using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// Text from a compose file (a key, a label, a value, the file's own name) reaches the C# the
/// importer writes only inside a string literal or a comment, whatever line break it holds; C#
/// ends a line at CR, LF, U+0085, U+2028 and U+2029, so each is tried. A file from the internet
/// cannot put code into the program its user then runs.
/// </summary>
public sealed class ImportInjectionTests
{
    private const string Payload = ";System.Console.WriteLine(1);//";

    /// <summary>Each line break C# knows.</summary>
    public static TheoryData<string> LineBreaks => new() { "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029" };

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void A_key_stack_does_not_type_stays_in_its_comment_and_literal(string lineBreak)
    {
        var yaml = $"services:\n  web:\n    image: nginx:1.27\n    \"blkio_config{InYaml(lineBreak)}{Payload}\": 5\n";

        AssertNoInjectedCode(Imported("dc.yml", yaml));
    }

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void A_value_stays_in_its_literal(string lineBreak)
    {
        var yaml = $"services:\n  web:\n    image: nginx:1.27\n    environment:\n      NOTE: \"a{InYaml(lineBreak)}\\\"){Payload}\"\n    labels:\n      com.example.note: \"b{InYaml(lineBreak)}{Payload}\"\n";

        AssertNoInjectedCode(Imported("dc.yml", yaml));
    }

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void The_compose_file_name_stays_in_the_header_comment(string lineBreak)
    {
        var file = $"dc{lineBreak};System.Console.WriteLine(1);.yml"; // no '/': the importer names a file by what follows the last one

        AssertNoInjectedCode(Imported(file, "services:\n  web:\n    image: nginx:1.27\n"));
        var (project, errors) = AgreedImport.ImportProject([(file, "services:\n  web:\n    image: nginx:1.27\n")], "0.1.0", "injection");
        Assert.True(project is not null, string.Join('\n', errors));
        Assert.All(project.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)), f => AssertNoInjectedCode(f.Value));
    }

    [Fact]
    public void A_line_separator_in_a_value_is_an_escape_in_its_literal()
    {
        var code = Imported("dc.yml", "services:\n  web:\n    image: nginx:1.27\n    environment:\n      NOTE: \"a\\Lb\"\n");

        Assert.Contains("\"a\\u2028b\"", code, StringComparison.Ordinal);
    }

    /// <summary>The line break as a YAML double-quoted string writes it (\N, \L, \P: YAML's escapes for U+0085, U+2028, U+2029).</summary>
    private static string InYaml(string lineBreak) => string.Concat(lineBreak.Select(c => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\u0085' => "\\N",
        '\u2028' => "\\L",
        '\u2029' => "\\P",
        _ => throw new ArgumentException($"U+{(int)c:X4} is not a line break.", nameof(lineBreak)),
    }));

    private static string Imported(string file, string yaml)
    {
        var (code, errors) = AgreedImport.Import([(file, yaml)], "0.1.0", "injection");
        Assert.True(code is not null, string.Join('\n', errors));
        return code;
    }

    /// <summary>The code parses without an error, and the payload's call is nowhere in its syntax (only in literals and comments).</summary>
    private static void AssertNoInjectedCode(string code)
    {
        var program = string.Join('\n', code.Split('\n').Where(line => !line.StartsWith("#:", StringComparison.Ordinal)));
        var root = CSharpSyntaxTree.ParseText(program).GetRoot();

        Assert.DoesNotContain(root.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(root.DescendantNodes().OfType<IdentifierNameSyntax>(), name => name.Identifier.Text == "Console");
    }
}
