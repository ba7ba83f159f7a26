using System.Text.Json;
using Stack.Dsl.Compose;
using Stack.Dsl.Yaml;
using Stack.Testing;

namespace Stack.Dsl.Tests.Coverage;

/// <summary>
/// The compose spec's JSON schema (the one dclint ships; .ci/run installs it) against
/// <see cref="ComposeKeys"/>: every property has a typed API or a reason, every typed API exists,
/// the escape hatches refuse exactly the typed keys, and docs/compose.md is the table written out.
/// </summary>
public sealed class ComposeSpecCoverageTests
{
    private const string SchemaPath = ".ci/node_modules/dclint/schemas/compose.schema.json";

    private static readonly Lazy<JsonDocument?> Schema = new(() =>
    {
        var path = Path.Combine(Repository.Root, SchemaPath);
        return File.Exists(path) ? JsonDocument.Parse(File.ReadAllText(path)) : null;
    });

    [SkippableFact]
    public void Every_property_of_the_spec_has_a_typed_api_or_a_reason()
    {
        var schema = RequireSchema();
        var listed = ComposeKeys.All.Where(k => k.Section != ComposeKeys.Interpolation).Select(k => (k.Section, k.Key)).ToHashSet();
        var inSpec = SpecProperties(schema).ToHashSet();

        var unexplained = inSpec.Except(listed).Select(p => $"{p.Section}: {p.Key}").Order(StringComparer.Ordinal).ToList();
        var stale = listed.Except(inSpec).Select(p => $"{p.Section}: {p.Key}").Order(StringComparer.Ordinal).ToList();

        Assert.True(unexplained.Count == 0, "properties of the spec with no typed API and no reason (add them to ComposeKeys):\n" + string.Join('\n', unexplained));
        Assert.True(stale.Count == 0, "keys ComposeKeys lists that the spec does not have:\n" + string.Join('\n', stale));
    }

    [Fact]
    public void Every_key_is_listed_once_and_explained()
    {
        Assert.Empty(ComposeKeys.All.GroupBy(k => (k.Section, k.Key)).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(ComposeKeys.All, k => Assert.True(
            k.Status == KeyStatus.Typed ? !string.IsNullOrWhiteSpace(k.Api) : !string.IsNullOrWhiteSpace(k.Note),
            $"{k.Section} {k.Key}: a typed key names its API, any other says why"));
    }

    [Fact]
    public void Every_named_api_exists()
    {
        var missing = CoverageDocs.MissingApis(ComposeKeys.All);
        Assert.True(missing.Count == 0, "named APIs that do not exist:\n" + string.Join('\n', missing));
    }

    /// <summary>The escape hatch is where typed and untyped meet: it refuses a key exactly when the DSL types it.</summary>
    [Theory]
    [InlineData("service")]
    [InlineData("network")]
    [InlineData("volume")]
    [InlineData("secret")]
    [InlineData("config")]
    [InlineData("build")]
    public void The_escape_hatch_refuses_exactly_the_typed_keys(string section)
    {
        Func<string, object> set = section switch
        {
            "service" => key => new Service("s").WithField(key, YamlValue.Text("v")),
            "network" => key => new Network("n").WithField(key, YamlValue.Text("v")),
            "volume" => key => new Volume("v").WithField(key, YamlValue.Text("v")),
            "secret" => key => Secret.FromExternal("s").WithField(key, YamlValue.Text("v")),
            "config" => key => Config.FromContent("c", "x").WithField(key, YamlValue.Text("v")),
            "build" => key => new BuildSpec(HostPath.InProject("app")).WithField(key, YamlValue.Text("v")),
            _ => throw new ArgumentOutOfRangeException(nameof(section)),
        };
        var wrong = new List<string>();
        foreach (var key in ComposeKeys.All.Where(k => k.Section == section))
        {
            var refused = Refuses(() => set(key.Key));
            if (refused != (key.Status == KeyStatus.Typed))
            {
                wrong.Add($"{key.Key}: {(refused ? "refused, yet listed as not typed" : "accepted, yet listed as typed")}");
            }
        }

        Assert.True(wrong.Count == 0, $"the {section} escape hatch and ComposeKeys disagree:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Docs_page_is_the_table_written_out()
    {
        var path = Path.Combine(Repository.Root, "docs", "compose.md");
        var expected = Render();
        if (Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected, "docs/compose.md is stale: run the tests with ACCEPT_SNAPSHOTS=1 and review the diff.");
    }

    private static bool Refuses(Action set)
    {
        try
        {
            set();
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static JsonElement RequireSchema()
    {
        if (Schema.Value is null)
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"CI must install dclint (npm ci --prefix .ci) before dotnet test: {SchemaPath} is missing.");
            Skip.If(true, $"{SchemaPath} is missing: run `npm ci --prefix .ci`.");
        }

        return Schema.Value!.RootElement;
    }

    /// <summary>(section, key) for every property the spec names, <c>x-</c> extensions aside.</summary>
    private static IEnumerable<(string Section, string Key)> SpecProperties(JsonElement schema)
    {
        var definitions = schema.GetProperty("definitions");
        var service = definitions.GetProperty("service");
        var build = service.GetProperty("properties").GetProperty("build").GetProperty("oneOf").EnumerateArray()
            .Single(o => o.TryGetProperty("type", out var type) && type.GetString() == "object");
        var sections = new (string Name, JsonElement Element)[]
        {
            ("top level", schema), ("service", service), ("network", definitions.GetProperty("network")), ("volume", definitions.GetProperty("volume")),
            ("secret", definitions.GetProperty("secret")), ("config", definitions.GetProperty("config")), ("build", build), ("deploy", definitions.GetProperty("deployment")),
        };
        foreach (var (name, element) in sections)
        {
            foreach (var property in element.GetProperty("properties").EnumerateObject())
            {
                yield return (name, property.Name);
            }
        }
    }

    private static string Render() => CoverageDocs.Render(Title, ComposeKeys.All);

    private const string Title = """
        # The compose spec in C#

        Every key of the [compose specification](https://github.com/compose-spec/compose-spec/blob/main/spec.md)
        (services, networks, volumes, secrets, configs, build, deploy and the top level), and the C#
        API that writes it. A key Stack does not type is either **excluded** on purpose, for the
        reason given, or **open**: written through the owner's `WithField` escape hatch, which
        accepts any key the DSL does not type and refuses every key it does.

        This page is generated by `ComposeSpecCoverageTests` from the table in
        `tests/Stack.Dsl.Tests/Coverage/ComposeKeys.cs`, which the test checks against the spec's
        JSON schema (the one dclint ships), against the library (every API named exists, and the
        escape hatches refuse exactly the typed keys). Regenerate with `ACCEPT_SNAPSHOTS=1 dotnet test`.
        """;
}
