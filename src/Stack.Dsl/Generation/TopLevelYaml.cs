using System.Collections.Immutable;
using Stack.Dsl.Compose;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Yaml.YamlValue;

namespace Stack.Dsl.Generation;

/// <summary>Writes top-level networks, volumes, secrets and configs; one with no settings is <c>{}</c>.</summary>
internal static class TopLevelYaml
{
    public static YamlMapping Network(Network network) => Resource(network, entries =>
    {
        AddFlag(entries, "internal", network.Internal);
        AddFlag(entries, "attachable", network.Attachable);
    });

    public static YamlMapping Volume(Volume volume) => Resource(volume, specific: null);

    /// <summary>The shared settings, with the kind's own flags after <c>external</c>.</summary>
    private static YamlMapping Resource(ComposeResource resource, Action<List<YamlEntry>>? specific)
    {
        var entries = new List<YamlEntry>();
        AddString(entries, "driver", resource.Driver);
        AddMap(entries, "driver_opts", resource.DriverOptions);
        AddFlag(entries, "external", resource.External);
        specific?.Invoke(entries);
        AddMap(entries, "labels", resource.Labels);
        if (resource.ExternalName is { } name)
        {
            entries.Add(new("name", Text(name)));
        }

        return new YamlMapping([.. entries]);
    }

    public static YamlMapping Secret(Secret secret, GenerationOptions options) =>
        Source(secret.File, secret.Environment, null, secret.External, options);

    public static YamlMapping Config(Config config, GenerationOptions options) =>
        Source(config.File, config.Environment, config.Content, external: false, options);

    private static YamlMapping Source(HostPath? file, Variable? environment, ComposeString? content, bool external, GenerationOptions options)
    {
        var entries = new List<YamlEntry>();
        if (file is not null)
        {
            entries.Add(new("file", Text(HostPathFormat.Format(file, options))));
        }

        if (environment is not null)
        {
            // The variable's name, not a reference: compose reads the value itself.
            entries.Add(new("environment", Text(environment.Name)));
        }

        if (content is not null)
        {
            entries.Add(new("content", Text(content)));
        }

        AddFlag(entries, "external", external);
        return new YamlMapping([.. entries]);
    }

    private static void AddString(List<YamlEntry> entries, string key, string? value)
    {
        if (value is not null)
        {
            entries.Add(new(key, Text(value)));
        }
    }

    private static void AddFlag(List<YamlEntry> entries, string key, bool value)
    {
        if (value)
        {
            entries.Add(new(key, Boolean(true)));
        }
    }

    private static void AddMap(List<YamlEntry> entries, string key, ImmutableSortedDictionary<string, ComposeString> map)
    {
        if (!map.IsEmpty)
        {
            entries.Add(new(key, new YamlMapping([.. map.Select(e => new YamlEntry(e.Key, Text(e.Value)))])));
        }
    }
}
