using System.Text.RegularExpressions;
using Stack.Testing;
using Xunit.Abstractions;
using static Stack.Engine.Tests.Import.ImportedProgram;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// The Traefik label shapes homelab files have (TraefikCorpus/, written for these tests): each
/// imports, the program compiles and emits, and the emitted labels mean to Traefik what the
/// original's mean (<see cref="TraefikMeaningOracle"/>), with variables unset and set; the rest of
/// the file means the same to docker-compose config. Prints how many routers and middlewares
/// became typed and how many labels stayed.
/// </summary>
[Trait("Category", "Engine")]
public sealed partial class ImportTraefikCorpusTests(ITestOutputHelper output)
{
    /// <summary>Each file with the labels that must stay labels (the rest must be typed).</summary>
    public static TheoryData<string, int> Files => new()
    {
        { "redirect-pairs.yml", 0 },
        { "authelia-file.yml", 0 },
        { "layer4.yml", 0 },
        { "variables.yml", 5 },
        { "kept.yml", 10 },
    };

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Traefik_labels_import_typed_and_mean_the_same_to_traefik(string file, int kept)
    {
        DockerCompose.RequireInstalled();
        var path = Path.Combine(Repository.Root, "tests", "Stack.Engine.Tests", "Import", "TraefikCorpus", file);
        var yaml = File.ReadAllText(path);

        var (code, errors) = AgreedImport.Import(file, yaml, "0.1.0", Path.GetFileNameWithoutExtension(file));
        Assert.True(code is not null, string.Join('\n', errors));
        var (exit, stderr, emitted) = Run(code!, "traefik" + Math.Abs(file.GetHashCode(StringComparison.Ordinal)));
        Assert.True(exit == 0, $"the imported program failed on its first run:\n{stderr}\n{code}");

        var variables = Variables(code!).ToList();
        foreach (var set in new[] { false, true })
        {
            var original = DockerCompose.Config([("docker-compose.yml", yaml)], set ? variables : []);
            var written = DockerCompose.Config([("docker-compose.yml", emitted)], set ? variables : []);
            Assert.Equal(TraefikMeaningOracle.Of(original), TraefikMeaningOracle.Of(written));
            Assert.Equal(
                Corpus.CorpusRoundTripTests.Meaning(TraefikMeaningOracle.WithoutTraefikLabels(original)),
                Corpus.CorpusRoundTripTests.Meaning(TraefikMeaningOracle.WithoutTraefikLabels(written)));
        }

        var counts = Count(code!, yaml);
        output.WriteLine($"{file}: typed {counts.Routers} routers and {counts.Middlewares} middlewares; {counts.Kept} of {counts.Labels} traefik labels kept");
        Assert.Equal(kept, counts.Kept);

        // Each kept label sits under its own TODO naming it.
        foreach (Match label in KeptLabel().Matches(code!))
        {
            Assert.Contains($"// TODO(import): '{label.Groups["key"].Value}' stays a label: ", code, StringComparison.Ordinal);
        }
    }

    /// <summary>The whole corpus, counted: printed for the report, and held so typing cannot silently regress.</summary>
    [Fact]
    public void Corpus_counts_typed_routers_and_middlewares_against_labels_kept()
    {
        int routers = 0, middlewares = 0, kept = 0, labels = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "tests", "Stack.Engine.Tests", "Import", "TraefikCorpus"), "*.yml").Order(StringComparer.Ordinal))
        {
            var yaml = File.ReadAllText(file);
            var (code, errors) = AgreedImport.Import(Path.GetFileName(file), yaml, "0.1.0", "counted");
            Assert.True(code is not null, string.Join('\n', errors));
            var counts = Count(code!, yaml);
            (routers, middlewares, kept, labels) = (routers + counts.Routers, middlewares + counts.Middlewares, kept + counts.Kept, labels + counts.Labels);
        }

        output.WriteLine($"corpus: typed {routers} routers and {middlewares} middlewares; {kept} of {labels} traefik labels kept as labels");
        Assert.Equal((13, 5, 15, 99), (routers, middlewares, kept, labels));
    }

    private static (int Routers, int Middlewares, int Kept, int Labels) Count(string code, string yaml) => (
        RouterCall().Count(code),
        MiddlewareDeclaration().Count(code),
        KeptLabel().Count(code),
        TraefikLine().Count(yaml));

    [GeneratedRegex(@"new (Router|TcpRouter|UdpRouter)\(")]
    private static partial Regex RouterCall();

    [GeneratedRegex(@"var \w+ = new \w+Middleware\(.*\.ViaDockerLabels\(\);")]
    private static partial Regex MiddlewareDeclaration();

    [GeneratedRegex(@"\.WithLabel\(""(?<key>traefik\.[^""]+)""")]
    private static partial Regex KeptLabel();

    [GeneratedRegex(@"^\s*-?\s*traefik\.", RegexOptions.Multiline)]
    private static partial Regex TraefikLine();
}
