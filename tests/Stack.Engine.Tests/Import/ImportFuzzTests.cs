using CsCheck;
using Stack.Testing;
using Stack.Tool.Import;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// stack import on input nobody wrote by hand: the corpus files cut, spliced and sprinkled with
/// YAML's special characters. Whatever comes in, the importer answers with C# or with errors at a
/// position, never an exception (which the command line would print as a stack trace).
/// </summary>
public sealed class ImportFuzzTests
{
    private static readonly string[] Corpus = [.. Directory.GetFiles(Path.Combine(Repository.Root, "tests", "Stack.Engine.Tests", "Corpus", "Files"), "*.yml")
        .Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    // Characters that change what YAML means: structure, quoting, anchors, tags, merges, interpolation.
    private static readonly string[] Specials = [":", "- ", "[", "]", "{", "}", "&a ", "*a", "!", "!!str ", "<<: ", "'", "\"", "#", "|", ">", "${", "$$", "\n", "\n  ", "\t", "\0", "?", ",", "~", "null", "\\"];

    private static readonly Gen<string> Mutated = Gen.Select(
        Gen.Int[0, Corpus.Length - 1], Gen.Int[0, Corpus.Length - 1], Gen.Int[0, 10_000].Array[0, 6], Gen.Int[0, Specials.Length - 1].Array[0, 6], Gen.Int[0, 10_000])
        .Select((a, b, positions, specials, cut) =>
        {
            // Half of one file, then the rest of another, then a few special characters spliced in.
            var first = Corpus[a];
            var second = Corpus[b];
            var text = first[..Math.Min(first.Length, cut % (first.Length + 1))] + second[Math.Min(second.Length, cut % (second.Length + 1))..];
            for (var i = 0; i < Math.Min(positions.Length, specials.Length); i++)
            {
                var at = positions[i] % (text.Length + 1);
                text = text[..at] + Specials[specials[i]] + text[at..];
            }

            return text;
        });

    // One line's value replaced: the file stays a compose file, so the importer reads deep into it.
    private static readonly Gen<string> Edited = Gen.Select(Gen.Int[0, Corpus.Length - 1], Gen.Int[0, 10_000], Gen.Int[0, Specials.Length - 1].Array[1, 3], Gen.String[Gen.Char["abc019.-/:_ "], 0, 6])
        .Select((file, line, specials, word) =>
        {
            var lines = Corpus[file].Split('\n');
            var at = line % lines.Length;
            var colon = lines[at].IndexOf(": ", StringComparison.Ordinal);
            var value = word + string.Concat(specials.Select(i => Specials[i]));
            lines[at] = colon < 0 ? lines[at] + value : lines[at][..(colon + 2)] + value;
            return string.Join('\n', lines);
        });

    [Fact]
    public void Edited_compose_files_import_or_are_refused_never_throw() =>
        Edited.Sample(yaml =>
        {
            var (code, errors) = ComposeImporter.Import("dc.yml", yaml, "0.1.0", "fuzz");
            Assert.True(code is not null || errors.Count > 0);
        }, iter: Environment.GetEnvironmentVariable("CI") == "true" ? 3_000 : 500);

    /// <summary>What the importer accepts compiles with no warning (the compiler is slow, so a few cases a run).</summary>
    [Fact]
    public void Edited_compose_files_the_importer_accepts_compile() =>
        Edited.Where(yaml => ComposeImporter.Import("dc.yml", yaml, "0.1.0", "fuzz").Code is not null).Sample(yaml =>
        {
            var code = ComposeImporter.Import("dc.yml", yaml, "0.1.0", "fuzz").Code!;
            var (image, problems) = ImportedCompilation.Compile([("stack.cs", string.Join('\n', code.Split('\n').Where(l => !l.StartsWith("#:", StringComparison.Ordinal))))], "fuzz");
            Assert.True(image is not null, string.Join('\n', problems) + "\n" + yaml + "\n" + code);
        }, iter: Environment.GetEnvironmentVariable("CI") == "true" ? 40 : 15, threads: 1);

    [Fact]
    public void Mutated_compose_files_import_or_are_refused_never_throw() =>
        Mutated.Sample(yaml =>
        {
            var (code, errors) = ComposeImporter.Import("dc.yml", yaml, "0.1.0", "fuzz");
            Assert.True(code is not null || errors.Count > 0);
            Assert.All(errors, e => Assert.StartsWith("dc.yml(", e.ToString(), StringComparison.Ordinal));
        }, iter: Environment.GetEnvironmentVariable("CI") == "true" ? 2_000 : 300);

    [Fact]
    public void Mutated_projects_import_or_are_refused_never_throw() =>
        Mutated.Sample(yaml =>
        {
            var (files, errors) = ComposeImporter.ImportProject([("dc.yml", yaml)], "0.1.0", "fuzz");
            Assert.True(files is not null || errors.Count > 0);
        }, iter: 200);
}
