using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stack.Analyzers.Tests.Infrastructure;

namespace Stack.Analyzers.Tests.Shapes;

/// <summary>
/// One file of <c>Shapes/Samples/&lt;class&gt;/</c>: a whole definition as a user writes it (its own
/// usings, a <c>static class Definition</c> with <c>Build()</c>), where a line ending in
/// <c>// finding: STK0001</c> is where both the analyzer and the runtime report, and
/// <c>// runtime only: STK0001</c> where only the runtime does (a documented limit of the analyzer).
/// A file without either reports nothing on either side.
/// </summary>
internal sealed partial record ShapeSample(string Name, string Text)
{
    /// <summary>Where the samples are copied beside the tests (the project's Shapes/Samples folder).</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Shapes", "Samples");

    /// <summary>Every sample, by its path under <see cref="Folder"/> ("Coalesce/null-field-on-the-left.cs").</summary>
    public static IEnumerable<string> Names =>
        Directory.GetFiles(Folder, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Folder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static ShapeSample Load(string name) => new(name, File.ReadAllText(Path.Combine(Folder, name)));

    /// <summary>The shape class: the sample's folder.</summary>
    public string Class => Name.Split('/')[0];

    /// <summary>The path the sample is compiled under, which both sides name in their findings.</summary>
    public string Path_ => "/shapes/" + Name;

    /// <summary>Findings both sides must report: rule and line.</summary>
    public IReadOnlyList<(string Id, int Line)> Findings => Marked("finding");

    /// <summary>Findings only the runtime reports (the analyzer's documented limits).</summary>
    public IReadOnlyList<(string Id, int Line)> RuntimeOnly => Marked("runtime only");

    public Compilation Compile(MetadataReference library) => Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
        "Shape",
        [CSharpSyntaxTree.ParseText(Text, new CSharpParseOptions(LanguageVersion.Preview), path: Path_, encoding: System.Text.Encoding.UTF8)],
        [.. TestReferences.All.Where(reference => !reference.Display!.EndsWith("Stack.Dsl.dll", StringComparison.Ordinal)), library],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public override string ToString() => Name;

    private List<(string Id, int Line)> Marked(string kind)
    {
        var found = new List<(string, int)>();
        var lines = Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = Marker().Match(lines[i]);
            if (marker.Success && marker.Groups["kind"].Value == kind)
            {
                found.AddRange(marker.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries).Select(id => (id, i + 1)));
            }
        }

        return found;
    }

    [GeneratedRegex(@"//\s*(?<kind>finding|runtime only):\s*(?<ids>STK\d{4}(\s*,\s*STK\d{4})*)\s*$")]
    private static partial Regex Marker();
}
