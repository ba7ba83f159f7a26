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
        if (network.EnableIpv4 is { } ipv4)
        {
            entries.Add(new("enable_ipv4", Boolean(ipv4)));
        }

        if (network.EnableIpv6 is { } ipv6)
        {
            entries.Add(new("enable_ipv6", Boolean(ipv6)));
        }

        if (network.Ipam is { } ipam)
        {
            entries.Add(new("ipam", Ipam(ipam)));
        }
    });

    private static YamlMapping Ipam(NetworkIpam ipam)
    {
        var entries = new List<YamlEntry>();
        AddString(entries, "driver", ipam.Driver);
        if (!ipam.Pools.IsDefaultOrEmpty)
        {
            entries.Add(new("config", Sequence(ipam.Pools.Select(pool =>
            {
                var settings = new List<YamlEntry> { new("subnet", Text(pool.Subnet.ToString())) };
                AddString(settings, "ip_range", pool.IpRange?.ToString());
                AddString(settings, "gateway", pool.Gateway?.ToString());
                if (!pool.AuxAddresses.IsEmpty)
                {
                    settings.Add(new("aux_addresses", new YamlMapping([.. pool.AuxAddresses.Select(a => new YamlEntry(a.Key, Text(a.Value.ToString())))])));
                }

                return (YamlValue)new YamlMapping([.. settings]);
            }))));
        }

        AddMap(entries, "options", ipam.Options);
        return new YamlMapping([.. entries]);
    }

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

        return WithExtraFields(entries, resource.ExtraFields);
    }

    public static YamlMapping Secret(Secret secret, GenerationOptions options) =>
        WithExtraFields(Source(secret.File, secret.Environment, null, secret.External, secret.Labels, secret.RealName, options), secret.ExtraFields);

    public static YamlMapping Config(Config config, GenerationOptions options) =>
        WithExtraFields(Source(config.File, config.Environment, config.Content, config.External, config.Labels, config.RealName, options), config.ExtraFields);

    /// <summary>Escape-hatch keys after the modeled ones, in key order.</summary>
    private static YamlMapping WithExtraFields(List<YamlEntry> entries, ImmutableSortedDictionary<string, YamlValue> extra)
    {
        entries.AddRange(extra.Select(f => new YamlEntry(f.Key, f.Value)));
        return new YamlMapping([.. entries]);
    }

    private static List<YamlEntry> Source(
        HostPath? file, Variable? environment, ComposeString? content, bool external,
        ImmutableSortedDictionary<string, ComposeString> labels, ComposeString? name, GenerationOptions options)
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
        AddMap(entries, "labels", labels);
        if (name is not null)
        {
            entries.Add(new("name", Text(name)));
        }

        return entries;
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
