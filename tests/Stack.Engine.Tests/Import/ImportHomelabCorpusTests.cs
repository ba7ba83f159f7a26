using System.Diagnostics;
using System.Text.RegularExpressions;
using Stack.Engine.Tests.Corpus;
using Stack.Engine.Tests.Infrastructure;
using Stack.Testing;
using Xunit.Abstractions;
using static Stack.Engine.Tests.Import.ImportedProgram;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// Whole homelab files as people write them (HomelabCorpus/, written for these tests, not copied):
/// linuxserver.io apps, redirect and secure router pairs, forward auth by labels and from the file
/// provider, chains, TCP/UDP routers, anchors, include and extends across files, legacy externals,
/// numbers, nested defaults, variable ports, CRLF. Each imports, its first run emits, and the
/// emitted file means to Traefik and to docker-compose config what the original means, with
/// variables unset and set. Needs docker-compose only, no engine.
/// </summary>
[Trait("Category", "Engine")]
public sealed partial class ImportHomelabCorpusTests(ITestOutputHelper output)
{
    private static readonly string Corpus = Path.Combine(Repository.Root, "tests", "Stack.Engine.Tests", "Import", "HomelabCorpus");

    /// <summary>The files whose one shape Stack refuses: the line and the message's start.</summary>
    private static readonly Dictionary<string, (int Line, string Message)> Refused = new(StringComparer.Ordinal)
    {
        ["refused-long-tmpfs.yml"] = (7, "a tmpfs mount in the long syntax (type: tmpfs) is not translated by the importer yet: Stack's tmpfs is the service's tmpfs: key, which the engine mounts noexec and nosuid, and this mount is neither. If the service runs nothing from it, write it there (/tmp:size=...)"),
        ["refused-variable-address.yml"] = (7, "the port '${BIND_IP:-127.0.0.1}:${DASHY_PORT:-4000}:8080' binds the host address ${BIND_IP:-127.0.0.1}, a variable, but Stack checks which interfaces a published port opens and takes the address as written; write the address (127.0.0.1:${DASHY_PORT:-4000}:8080)"),
    };

    public static TheoryData<string> Files => [.. Directory.GetFiles(Corpus, "*.yml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void A_homelab_file_imports_emits_and_means_the_same(string file)
    {
        DockerCompose.RequireInstalled();
        using var folder = new TemporaryFolder();
        CopyCorpus(folder.Path);
        var path = Path.Combine(folder.Path, file);
        var yaml = File.ReadAllText(path);

        var (code, errors) = AgreedImport.Import(path, yaml, "0.1.0", "homelab");
        if (Refused.TryGetValue(file, out var refusal))
        {
            // A shape Stack cannot hold: one error, at its line, saying what to write.
            Assert.Null(code);
            Assert.Equal($"{path}({refusal.Line},9): error STK0218: {refusal.Message}", string.Join('\n', errors).Split(" and import again")[0].Split(", and give")[0]);
            return;
        }

        Assert.True(code is not null, string.Join('\n', errors));
        var (exit, stderr, emitted) = Run(code!, "homelab" + Math.Abs(file.GetHashCode(StringComparison.Ordinal)), folder.Path);
        Assert.True(exit == 0, $"the imported program failed on its first run:\n{stderr}\n{code}");

        // docker-compose 1.29 predates the top-level name:.
        var written = Path.Combine(folder.Path, "generated", "docker-compose.yml");
        File.WriteAllLines(written, emitted.Split('\n').Where(l => !l.StartsWith("name:", StringComparison.Ordinal)));
        var variables = Variables(code!).ToList();
        foreach (var set in new[] { false, true })
        {
            // A required variable (${X:?why}) is set on both sides: compose refuses the file without it.
            var original = Original(folder.Path, path, yaml, set ? variables : [.. variables.Where(v => yaml.Contains("${" + v + ":?", StringComparison.Ordinal))]);
            var config = Config(folder.Path, folder.Path, [written], set ? variables : [.. variables.Where(v => yaml.Contains("${" + v + ":?", StringComparison.Ordinal))]);
            Assert.Equal(TraefikMeaningOracle.Of(original), TraefikMeaningOracle.Of(config));
            Assert.Equal(Rest(original), Rest(config));
        }

        var counts = Count(code!, yaml);
        output.WriteLine($"{file}: typed {counts.Routers} routers and {counts.Middlewares} middlewares; {counts.Kept} of {counts.Labels} traefik labels kept");
        foreach (Match todo in KeptTodo().Matches(code!))
        {
            output.WriteLine("  " + todo.Value.Trim());
        }
    }

    /// <summary>The whole corpus, counted: printed for the report, and held so typing cannot silently regress.</summary>
    [Fact]
    public void Corpus_counts_typed_routers_and_middlewares_against_labels_kept()
    {
        int routers = 0, middlewares = 0, kept = 0, labels = 0;
        using var folder = new TemporaryFolder();
        CopyCorpus(folder.Path);
        foreach (var file in Directory.GetFiles(Corpus, "*.yml").Select(f => Path.GetFileName(f)).Where(f => !Refused.ContainsKey(f)).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(folder.Path, file);
            var yaml = File.ReadAllText(path);
            var (code, errors) = AgreedImport.Import(path, yaml, "0.1.0", "counted");
            Assert.True(code is not null, string.Join('\n', errors));
            var counts = Count(code!, yaml);
            (routers, middlewares, kept, labels) = (routers + counts.Routers, middlewares + counts.Middlewares, kept + counts.Kept, labels + counts.Labels);
        }

        output.WriteLine($"homelab corpus: typed {routers} routers and {middlewares} middlewares; {kept} of {labels} traefik labels kept as labels");
        Assert.Equal((38, 15, 29, 260), (routers, middlewares, kept, labels));
    }

    /// <summary>What compose reads apart from Traefik's labels and the file format's version (the emitted file names none); a long-syntax port's protocol: tcp is the default.</summary>
    private static string Rest(string config) => string.Join('\n', CorpusRoundTripTests.Meaning(config).Split('\n')
        .Where(l => !l.StartsWith(".version ", StringComparison.Ordinal) && !TraefikLabelLine().IsMatch(l))
        .Select(l => LongBind().Replace(l, m => $"{m.Groups["at"].Value}  = {m.Groups["source"].Value}:{m.Groups["target"].Value}:{(m.Groups["ro"].Success ? "ro" : "rw")}"))
        .Select(l => Index().Replace(l.Replace(".protocol = tcp; ", string.Empty, StringComparison.Ordinal), "[]"))
        .Order(StringComparer.Ordinal));

    /// <summary>docker-compose 1.29 predates include: the original of an include-only file is each included file's config, from its own folder.</summary>
    private static string Original(string folder, string path, string yaml, IReadOnlyList<string> variables)
    {
        var included = IncludedFile().Matches(yaml).Select(m => Path.Combine(folder, m.Groups["path"].Value)).ToList();
        if (included.Count == 0)
        {
            return Config(folder, folder, [path], variables);
        }

        var services = included.Select(f => Config(folder, Path.GetDirectoryName(f)!, [f], variables)).ToList();
        return "services:\n" + string.Join('\n', services.Select(s => string.Join('\n', s.Split('\n').SkipWhile(l => l != "services:").Skip(1).TakeWhile(l => l.StartsWith(' ') || l.Length == 0))));
    }

    private static void CopyCorpus(string target)
    {
        foreach (var file in Directory.GetFiles(Corpus, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(Corpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    /// <summary>docker-compose config of files in place (their relative paths read from their own folder), the folder shown as &lt;folder&gt;.</summary>
    private static string Config(string root, string folder, IReadOnlyList<string> files, IReadOnlyList<string> variables)
    {
        var start = new ProcessStartInfo("docker-compose") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var file in files)
        {
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add(file);
        }

        start.ArgumentList.Add("config");
        foreach (var variable in variables)
        {
            // A token; a path where the variable starts a bind source (a token there would name a volume); a number where its default is one (a port).
            var texts = files.Select(File.ReadAllText).ToList();
            start.Environment[variable] =
                texts.Any(t => Regex.IsMatch(t, $@"- \$\{{{variable}[:}}-][^}}]*\}}[^:\s]*:/")) ? $"/set/{variable}"
                : texts.Any(t => Regex.IsMatch(t, $@"\$\{{{variable}:?-[0-9]+\}}")) ? "40000"
                : $"@{variable}@";
        }

        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"docker-compose config failed:\n{error}");
        return text.Result.Replace(root, "<folder>", StringComparison.Ordinal);
    }

    private static (int Routers, int Middlewares, int Kept, int Labels) Count(string code, string yaml) => (
        RouterCall().Count(code),
        MiddlewareDeclaration().Count(code),
        KeptLabel().Count(code),
        TraefikLine().Count(yaml));

    [GeneratedRegex(@"^\s*-\s*(?:path:\s*)?(?<path>parts/\S+\.yml)\s*$", RegexOptions.Multiline)]
    private static partial Regex IncludedFile();

    /// <summary>A list item's index (items of a set are compared after other normalizations change their order).</summary>
    [GeneratedRegex(@"(?<=\.(ports|volumes))\[[0-9]+\]")]
    private static partial Regex Index();

    /// <summary>A long-syntax bind without other options, as docker-compose 1.29 prints it: the short form means the same.</summary>
    [GeneratedRegex(@"^(?<at>\S+\.volumes\[[0-9]+\]) (?<ro>\.read_only = true; )?\.source = (?<source>[^;]+); \.target = (?<target>[^;]+); \.type = bind$")]
    private static partial Regex LongBind();

    [GeneratedRegex(@"^\.services\.[^.]+\.labels\.traefik\.")]
    private static partial Regex TraefikLabelLine();

    [GeneratedRegex(@"new (Router|TcpRouter|UdpRouter)\(")]
    private static partial Regex RouterCall();

    [GeneratedRegex(@"var \w+ = new \w+Middleware\(.*\.ViaDockerLabels\(\);")]
    private static partial Regex MiddlewareDeclaration();

    [GeneratedRegex(@"\.WithLabel\(""(?<key>traefik\.[^""]+)""")]
    private static partial Regex KeptLabel();

    [GeneratedRegex(@"// TODO\(import\): 'traefik\.[^\n]*")]
    private static partial Regex KeptTodo();

    [GeneratedRegex(@"^\s*-?\s*[""']?traefik\.", RegexOptions.Multiline)]
    private static partial Regex TraefikLine();
}
