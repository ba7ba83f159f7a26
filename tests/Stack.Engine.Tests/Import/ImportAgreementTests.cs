using Stack.Dsl.Compose;
using Stack.Testing;
using Stack.Tool.Import;
using Stack.Tool.Import.Evaluation;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// The import judges the stack its C# builds by running that C# with its own evaluator, not a
/// compiler (docs/import.md). Every import test goes through <see cref="AgreedImport"/>, which
/// compiles what was written and requires the same stack; these tests add every corpus file, in
/// both layouts, and show the check catches a difference.
/// </summary>
public sealed class ImportAgreementTests
{
    private static readonly string[] Corpora = ["Import/Files", "Import/TraefikCorpus", "Corpus/Files"];

    public static TheoryData<string> CorpusFiles => [.. Corpora
        .SelectMany(folder => Directory.GetFiles(Path.Combine(Repository.Root, "tests", "Stack.Engine.Tests", folder), "*.yml"))
        .Select(path => Path.GetRelativePath(Path.Combine(Repository.Root, "tests", "Stack.Engine.Tests"), path))
        .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void CorpusFile_JudgedStackIsWhatTheWrittenCSharpBuilds(string file)
    {
        var path = Path.Combine(Repository.Root, "tests", "Stack.Engine.Tests", file);
        var input = (path, File.ReadAllText(path));
        var before = AgreedImport.Checked;

        var (code, errors) = AgreedImport.Import([input], "0.1.0", "corpus");
        var (project, projectErrors) = AgreedImport.ImportProject([input], "0.1.0", "corpus");

        Assert.Empty(errors);
        Assert.Empty(projectErrors);
        Assert.NotNull(code);
        Assert.NotNull(project);
        Assert.Equal(before + 2, AgreedImport.Checked);
    }

    [Fact]
    public void JudgedStackDiffers_CheckFails()
    {
        var yaml = "services:\n  web:\n    image: nginx:latest\n    ports:\n      - 8080:80\n";
        var code = ComposeImporter.Import("dc.yml", yaml, "0.1.0", "agree").Code!;
        var source = string.Join('\n', code.Split('\n').Where(l => !l.StartsWith("#:", StringComparison.Ordinal)));
        var other = ComposeImporter.Judged([("dc.yml", yaml.Replace("8080:80", "8081:80", StringComparison.Ordinal))], "agree", ImportLayout.SingleFile);
        var build = (System.Reflection.Assembly image) => image.GetTypes()
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic))
            .First(m => m.Name.Contains("g__Build", StringComparison.Ordinal) && m.ReturnType == typeof(ComposeStack));

        AgreedImport.AssertAgree(ComposeImporter.Judged([("dc.yml", yaml)], "agree", ImportLayout.SingleFile), [("stack.cs", source)], build);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AgreedImport.AssertAgree(other, [("stack.cs", source)], build));
    }

    [Theory]
    [InlineData("new Service(\"a\") switch { _ => 1 }")]
    [InlineData("new Service(\"a\").WithNothing(1)")]
    [InlineData("Unknown.Thing")]
    [InlineData("new Service(\"a\"")]
    public void CodeTheEvaluatorWasNotTaught_RefusedAsTheImportsFault(string expression)
    {
        var refused = Assert.Throws<UnreadCode>(() => new CodeEvaluator().Evaluate<object>(expression));

        Assert.StartsWith("the import's evaluator ", refused.Message, StringComparison.Ordinal);
    }
}
