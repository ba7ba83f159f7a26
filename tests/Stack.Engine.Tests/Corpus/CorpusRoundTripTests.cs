using System.Globalization;
using System.Text.RegularExpressions;
using Stack.Dsl.Generation;
using Stack.Engine.Tests.Infrastructure;
using Stack.Testing;
using YamlDotNet.RepresentationModel;

namespace Stack.Engine.Tests.Corpus;

/// <summary>
/// Meaning preserved: each hand-written compose file in Files/ and the YAML Stack emits for its C#
/// twin (<see cref="CorpusTwins"/>) mean the same to compose (<c>docker-compose config</c> on both,
/// compared as trees: key order, quoting, short or long syntax, unordered lists, 1m30s or 90s,
/// 256m or 256M aside), and the engine creates the emitted stack.
/// </summary>
[Trait("Category", "Engine")]
public sealed partial class CorpusRoundTripTests
{
    /// <summary>Lists whose order carries meaning (arguments, resolvers tried in turn); every other list is a set.</summary>
    private static readonly HashSet<string> OrderedLists = new(StringComparer.Ordinal) { "command", "entrypoint", "test", "dns", "dns_search" };

    private static readonly HashSet<string> Sizes = new(StringComparer.Ordinal) { "shm_size", "memory", "size" };

    private static readonly HashSet<string> Durations = new(StringComparer.Ordinal)
    {
        "stop_grace_period", "interval", "timeout", "start_period", "start_interval", "delay", "window", "monitor",
    };

    public static TheoryData<string> Names => [.. CorpusTwins.All.Keys];

    /// <summary>The twins the engine can create here (a build cannot: no registry, no build context).</summary>
    public static TheoryData<string> Creatable => [.. CorpusTwins.All.Where(t => t.Value.EngineCreates).Select(t => t.Key)];

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void The_twin_means_what_the_hand_written_file_means(string name)
    {
        DockerCompose.RequireInstalled();
        var handWritten = File.ReadAllText(Path.Combine(Repository.Root, "tests", "Stack.Engine.Tests", "Corpus", "Files", name + ".yml"));
        var emitted = Emit(name);

        var expected = Meaning(DockerCompose.Config([("docker-compose.yml", handWritten)], []));
        var actual = Meaning(DockerCompose.Config([("docker-compose.yml", emitted)], []));

        Assert.True(expected == actual, $"{name}: the twin's YAML means something else.\n--- hand-written (after config)\n{expected}\n--- emitted (after config)\n{actual}\n--- emitted\n{emitted}");
    }

    [SkippableTheory]
    [MemberData(nameof(Creatable))]
    public void The_engine_creates_the_twin(string name)
    {
        DockerEngine.Require("stack-standin:1");
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "docker-compose.yml"), Emit(name));
        using var compose = new ComposeProject("corpus-" + name, folder.Path, ["docker-compose.yml"], new Dictionary<string, string>());

        compose.Ok("up", "--no-start");

        Assert.NotEmpty(DockerEngine.ProjectObjects("container", compose.Name));
    }

    private static string Emit(string name)
    {
        var result = StackGenerator.Generate(CorpusTwins.All[name].Build(), new GenerationOptions { ProjectDirectoryFromOutput = "." });
        Assert.True(result.Succeeded, $"{name}: the twin does not generate:\n{string.Join('\n', result.Diagnostics)}");
        return result.Files[StackGenerator.ComposeFileName];
    }

    /// <summary>One "path = value" line per scalar, sorted: what compose will do, without how it was spelled.</summary>
    internal static string Meaning(string config)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(config));
        var lines = new List<string>();
        Flatten(stream.Documents[0].RootNode, string.Empty, string.Empty, lines);

        // A top-level `default:` without settings is compose's implicit default network.
        lines.Remove(".networks.default = null");
        return string.Join('\n', lines.Order(StringComparer.Ordinal));
    }

    private static void Flatten(YamlNode node, string path, string key, List<string> lines)
    {
        switch (node)
        {
            case YamlMappingNode { Children.Count: 0 }:
                // `back: {}` and `back:` (null) both mean "no settings".
                lines.Add($"{path} = null");
                break;
            case YamlMappingNode mapping:
                foreach (var (childKey, child) in mapping.Children)
                {
                    // Traefik reads its label keys without case (entryPoints, entrypoints).
                    var name = key == "labels" && ((YamlScalarNode)childKey).Value!.StartsWith("traefik.", StringComparison.OrdinalIgnoreCase)
                        ? ((YamlScalarNode)childKey).Value!.ToLowerInvariant()
                        : ((YamlScalarNode)childKey).Value!;
                    Flatten(child, $"{path}.{name}", name, lines);
                }

                break;
            case YamlSequenceNode sequence:
                // A set's items are compared by content: each item flattened on its own, then sorted.
                var items = sequence.Children.Select(item =>
                {
                    var itemLines = new List<string>();
                    Flatten(item, string.Empty, key, itemLines);
                    return string.Join("; ", itemLines.Order(StringComparer.Ordinal));
                }).ToList();
                if (!OrderedLists.Contains(key))
                {
                    items.Sort(StringComparer.Ordinal);
                }

                lines.AddRange(items.Select((item, i) => $"{path}[{i}] {item}"));
                break;
            case YamlScalarNode scalar when key == "test" && path.EndsWith(".healthcheck.test", StringComparison.Ordinal):
                // The spec: a string test is the same as [CMD-SHELL, string].
                lines.Add($"{path}[0]  = CMD-SHELL");
                lines.Add($"{path}[1]  = {scalar.Value}");
                break;
            case YamlScalarNode scalar:
                lines.Add($"{path} = {Canonical(key, scalar.Value)}");
                break;
        }
    }

    private static string? Canonical(string key, string? value)
    {
        if (value is null)
        {
            return null;
        }

        // An unquoted YAML boolean in a label reaches the container as "True" under compose v1 and
        // "true" under v2; Traefik parses either (Go's strconv.ParseBool).
        if (value is "True" or "False")
        {
            return value.ToLowerInvariant();
        }

        // An exposed port's protocol is tcp unless it says otherwise (8080/tcp is 8080).
        if (key == "expose" && value.EndsWith("/tcp", StringComparison.Ordinal))
        {
            return value[..^4];
        }

        // A tmpfs's mount options are a set to the engine (size=64m,noexec is noexec,size=64m).
        if (key == "tmpfs" && value.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
        {
            var options = value[(colon + 1)..].Split(',').Select(o => o.Split('=', 2) is [var name, var setting] ? $"{name}={Canonical(name, setting)}" : o);
            return value[..colon] + ":" + string.Join(',', options.Order(StringComparer.Ordinal));
        }

        if (Sizes.Contains(key) && SizePattern().Match(value) is { Success: true } size)
        {
            var factor = size.Groups[2].Value.ToLowerInvariant() switch { "k" => 1L << 10, "m" => 1L << 20, "g" => 1L << 30, _ => 1L };
            return (long.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture) * factor).ToString(CultureInfo.InvariantCulture) + " bytes";
        }

        if (Durations.Contains(key) && DurationPattern().IsMatch(value))
        {
            var seconds = DurationPart().Matches(value).Sum(part => double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture) * part.Groups[2].Value switch
            {
                "h" => 3600, "m" => 60, "s" => 1, "ms" => 0.001, "us" => 0.000001, _ => 0.000000001,
            });
            return seconds.ToString(CultureInfo.InvariantCulture) + " s";
        }

        return value;
    }

    [GeneratedRegex(@"^(\d+)([bkmgBKMG])?[bB]?$")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"^((\d+(\.\d+)?)(h|ms|m|s|us|ns))+$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(h|ms|m|s|us|ns)")]
    private static partial Regex DurationPart();
}
