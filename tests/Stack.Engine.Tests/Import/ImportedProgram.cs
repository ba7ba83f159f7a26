using System.Reflection;
using Microsoft.CodeAnalysis;
using Stack.Engine.Tests.Corpus;
using Stack.Testing;

namespace Stack.Engine.Tests.Import;

/// <summary>What the import tests share: running what the importer wrote, and comparing meanings.</summary>
internal static class ImportedProgram
{
    private static readonly Dictionary<string, string> RisksByRule = new(StringComparer.Ordinal)
    {
        ["STK0101"] = "WritableDockerSocket", ["STK0102"] = "DaemonSocket", ["STK0103"] = "HostPrivilege", ["STK0104"] = "DangerousCapability",
        ["STK0105"] = "DatabasePortPublished", ["STK0106"] = "PortOnAllInterfaces", ["STK0107"] = "UnpinnedImage",
    };

    /// <summary>The code with each security refusal in <paramref name="stderr"/> accepted on its service, as the message says to.</summary>
    internal static string Accepting(string code, string stderr)
    {
        foreach (System.Text.RegularExpressions.Match refusal in System.Text.RegularExpressions.Regex.Matches(stderr, ": error (STK01[0-9]{2}): Service '([^']+)' (sets (.+?) to a literal value)?"))
        {
            var (rule, service) = (refusal.Groups[1].Value, refusal.Groups[2].Value);
            var acceptance = rule == "STK0100"
                ? $".AcceptLiteralSecret(\"{SecretSubject(refusal.Groups[4].Value)}\", \"import round trip\")"
                : $".AcceptRisk(SecurityRisk.{RisksByRule[rule]}, \"import round trip\")";
            var made = $"new Service(\"{service}\")";
            Assert.Contains(made, code, StringComparison.Ordinal);
            code = code.Replace(made, made + acceptance, StringComparison.Ordinal);
        }

        return code;
    }

    /// <summary>What STK0100's message names, as AcceptLiteralSecret takes it: a key, a variable or a flag.</summary>
    internal static string SecretSubject(string what) => what switch
    {
        _ when what.StartsWith("the default of ${", StringComparison.Ordinal) => what["the default of ${".Length..].Split(':', '-', '?', '}')[0],
        _ when what.StartsWith("the argument ", StringComparison.Ordinal) => what["the argument ".Length..].Split('=', ' ')[0],
        _ => what.Split(' ')[^1],
    };

    /// <summary>The rule IDs an error output reports, in order (a project's files and lines differ from a single file's).</summary>
    internal static List<string> RuleIds(string errors) =>
        [.. System.Text.RegularExpressions.Regex.Matches(errors, @"(?:error|warning) (STK\d{4})").Select(m => m.Groups[1].Value)];

    /// <summary>A YAML tree with its mappings' keys sorted, so two files compare by meaning, not order or style.</summary>
    internal static string Normalized(string yaml)
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(yaml));
        static object? Plain(YamlDotNet.RepresentationModel.YamlNode node) => node switch
        {
            YamlDotNet.RepresentationModel.YamlMappingNode m => new SortedDictionary<string, object?>(m.Children.ToDictionary(e => ((YamlDotNet.RepresentationModel.YamlScalarNode)e.Key).Value!, e => Plain(e.Value)), StringComparer.Ordinal),
            YamlDotNet.RepresentationModel.YamlSequenceNode s => s.Children.Select(Plain).ToList(),
            YamlDotNet.RepresentationModel.YamlScalarNode sc => sc.Value,
            _ => null,
        };
        static string Write(object? value) => value switch
        {
            SortedDictionary<string, object?> m => "{" + string.Join(",", m.Select(e => e.Key + ":" + Write(e.Value))) + "}",
            List<object?> l => "[" + string.Join(",", l.Select(Write)) + "]",
            _ => value?.ToString() ?? "null",
        };
        return Write(Plain(stream.Documents[0].RootNode));
    }

    /// <summary>The input and the emitted compose file mean the same under docker-compose config, with every variable set to the same token on both sides.</summary>
    internal static void AssertSameMeaning(string input, string emitted, IEnumerable<string> variables) => Assert.Equal(
        CorpusRoundTripTests.Meaning(DockerCompose.Config([("docker-compose.yml", input)], variables)),
        CorpusRoundTripTests.Meaning(DockerCompose.Config([("docker-compose.yml", emitted)], variables)));

    /// <summary>Every variable the C# declares, so compose substitutes the same token on both sides.</summary>
    internal static IEnumerable<string> Variables(string code) =>
        System.Text.RegularExpressions.Regex.Matches(code, "new Variable\\(\"([A-Za-z_][A-Za-z0-9_]*)\"\\)").Select(m => m.Groups[1].Value);

    /// <summary>Compiles the imported file (warnings are failures) and runs it into a temporary folder: its exit code, errors and compose file.</summary>
    /// <param name="code">The C#.</param>
    /// <param name="name">Names the compiled assembly.</param>
    /// <param name="definitionDirectory">Where the program finds its bind-mounted files (its generated/ is kept there); without, a temporary folder, deleted.</param>
    /// <param name="arguments">More command-line arguments (--warnaserror).</param>
    internal static (int Exit, string Errors, string Compose) Run(string code, string name, string? definitionDirectory = null, params string[] arguments) =>
        RunForFiles(code, name, definitionDirectory, arguments) is var (exit, errors, files) ? (exit, errors, files.GetValueOrDefault("docker-compose.yml", string.Empty)) : default;

    /// <summary>As <see cref="Run"/>, with every file the program wrote.</summary>
    internal static (int Exit, string Errors, IReadOnlyDictionary<string, string> Files) RunForFiles(string code, string name, string? definitionDirectory = null, params string[] arguments) =>
        RunSources([("stack.cs", string.Join('\n', code.Split('\n').Where(l => !l.StartsWith("#:", StringComparison.Ordinal))))], name, definitionDirectory, arguments);

    /// <summary>Compiles C# files as one program (warnings are failures) and runs it into a folder: its exit code, errors and every file it wrote.</summary>
    internal static (int Exit, string Errors, IReadOnlyDictionary<string, string> Files) RunSources(IReadOnlyList<(string Path, string Text)> sources, string name, string? definitionDirectory = null, params string[] arguments)
    {
        var code = string.Join("\n", sources.Select(s => s.Text));
        var (image, problems) = ImportedCompilation.Compile(sources, name, definitionDirectory);
        Assert.True(image is not null, "the imported C# does not compile cleanly:\n" + string.Join('\n', problems) + "\n" + code);

        var assembly = Assembly.Load(image);
        var output = definitionDirectory is null ? Directory.CreateTempSubdirectory("stack-import-").FullName : Path.Combine(definitionDirectory, "generated");
        var errors = new StringWriter();
        var console = Console.Error;
        try
        {
            Console.SetError(errors);
            var exit = (int)assembly.EntryPoint!.Invoke(null, [new[] { "--out", output }.Concat(arguments).ToArray()])!;
            var files = Directory.Exists(output) ? Directory.GetFiles(output).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal) : [];
            return (exit, errors.ToString(), files);
        }
        finally
        {
            Console.SetError(console);
            if (definitionDirectory is null)
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
