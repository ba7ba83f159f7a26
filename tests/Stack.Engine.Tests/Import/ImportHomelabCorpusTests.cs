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

    /// <summary>What compose reads apart from Traefik's labels and the file format's version (the emitted file names none).</summary>
    private static string Rest(string config) => string.Join('\n', CorpusRoundTripTests.Meaning(config).Split('\n')
        .Where(l => !l.StartsWith(".version ", StringComparison.Ordinal) && !TraefikLabelLine().IsMatch(l)));

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
            // A token, or a path where the variable starts a bind source (a token there would name a volume).
            start.Environment[variable] = files.Any(f => Regex.IsMatch(File.ReadAllText(f), $@"- \$\{{{variable}[:}}-]")) ? $"/set/{variable}" : $"@{variable}@";
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
