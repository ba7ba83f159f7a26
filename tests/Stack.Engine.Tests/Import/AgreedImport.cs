using System.Reflection;
using Stack.Dsl.Cli;
using Stack.Dsl.Compose;
using Stack.Tool.Import;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// The import as the tests call it, holding the tool to one promise on every input they import:
/// the stack the import judged (its first-run acceptances come from the rules on it, run by the
/// tool's evaluator without a compiler) is the stack the C# it wrote builds when the C# compiler
/// compiles it. Both run through the same command line: the same exit, findings and files.
/// </summary>
internal static class AgreedImport
{
    /// <summary>How many imports were held to the compiler (a test proves the hook runs).</summary>
    internal static int Checked;

    public static (string? Code, IReadOnlyList<ImportError> Errors) Import(string file, string yaml, string packageVersion, string fallbackName) =>
        Import([(file, yaml)], packageVersion, fallbackName);

    public static (string? Code, IReadOnlyList<ImportError> Errors) Import(
        IReadOnlyList<(string File, string Yaml)> files, string packageVersion, string fallbackName, string fileName = "stack.cs", List<string>? carriedRisks = null)
    {
        var result = ComposeImporter.Import(files, packageVersion, fallbackName, fileName, carriedRisks);
        if (result.Code is { } code)
        {
            var source = string.Join('\n', code.Split('\n').Where(l => !l.StartsWith("#:", StringComparison.Ordinal)));
            AssertAgree(ComposeImporter.Judged(files, fallbackName, ImportLayout.SingleFile), [("stack.cs", source)], image => image.GetTypes()
                .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
                .First(m => m.Name.Contains("g__Build", StringComparison.Ordinal) && m.GetParameters().Length == 0 && m.ReturnType == typeof(ComposeStack)));
        }

        return result;
    }

    public static (IReadOnlyDictionary<string, string>? Files, IReadOnlyList<ImportError> Errors) ImportProject(
        IReadOnlyList<(string File, string Yaml)> files, string packageVersion, string fallbackName, List<string>? carriedRisks = null)
    {
        var result = ComposeImporter.ImportProject(files, packageVersion, fallbackName, carriedRisks);
        if (result.Files is { } project)
        {
            AssertAgree(ComposeImporter.Judged(files, fallbackName, ImportLayout.Project), [.. project.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)).Select(f => (f.Key, f.Value))], image => image.GetTypes()
                .First(t => t.Name == "Definition").GetMethod("Build")!);
        }

        return result;
    }

    internal static void AssertAgree(ComposeStack? judged, IReadOnlyList<(string Path, string Text)> sources, Func<Assembly, MethodInfo> build)
    {
        Assert.True(judged is not null, "the import wrote code but judged no stack");
        var (image, problems) = ImportedCompilation.Compile(sources, "agreed");
        Assert.True(image is not null, "the imported C# does not compile cleanly:\n" + string.Join('\n', problems));
        var compiled = (ComposeStack)build(Assembly.Load(image)).Invoke(null, null)!;
        Assert.Equal(Run(() => compiled), Run(() => judged));
        Interlocked.Increment(ref Checked);
    }

    /// <summary>
    /// What the command line does with the stack: exit code, rule IDs reported (sorted: findings are
    /// ordered by their C# location, which only the compiled code has), and every file written.
    /// </summary>
    private static string Run(Func<ComposeStack> define)
    {
        var output = Directory.CreateTempSubdirectory("stack-agreed-").FullName;
        try
        {
            var errors = new StringWriter();
            var settings = new StackCliSettings { DefinitionDirectory = Path.GetTempPath(), DefaultOutputDirectory = output };
            var exit = StackCli.Run(["--out", output], define, settings, new StringWriter(), errors);
            var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => $"--- {Path.GetRelativePath(output, f)}\n{File.ReadAllText(f)}");
            return $"exit {exit}\nfindings {string.Join(' ', ImportedProgram.RuleIds(errors.ToString()).Order(StringComparer.Ordinal))}\n{string.Join('\n', files)}";
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
