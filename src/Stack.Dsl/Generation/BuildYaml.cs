using System.Collections.Immutable;
using Stack.Dsl.Compose;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Yaml.YamlValue;

namespace Stack.Dsl.Generation;

/// <summary>Writes <c>build:</c>, context first, then the rest in compose's documented order, then escape-hatch keys.</summary>
internal static class BuildYaml
{
    public static YamlMapping Build(BuildSpec build, GenerationOptions options)
    {
        var entries = new List<YamlEntry> { new("context", Text(HostPathFormat.Format(build.Context, options))) };
        void Add(string key, YamlValue? value)
        {
            if (value is not null)
            {
                entries.Add(new(key, value));
            }
        }

        Add("dockerfile", build.Dockerfile is { } dockerfile ? Text(dockerfile) : null);
        Add("dockerfile_inline", build.DockerfileInline is { } inline ? Text(inline) : null);
        Add("target", build.Target is { } target ? Text(target) : null);
        Add("args", Map(build.Args));
        Add("labels", Map(build.Labels));
        Add("additional_contexts", Map(build.AdditionalContexts));
        Add("cache_from", List(build.CacheFrom));
        Add("cache_to", List(build.CacheTo));
        Add("no_cache", build.NoCache is { } noCache ? Boolean(noCache) : null);
        Add("pull", build.Pull is { } pull ? Boolean(pull) : null);
        Add("network", build.Network is { } network ? Text(network) : null);
        Add("shm_size", build.ShmSize is { } shm ? Text(shm.ToString()) : null);
        Add("secrets", List([.. build.Secrets.Select(s => s.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]));
        Add("ssh", List(build.Ssh));
        Add("tags", List(build.Tags));
        Add("platforms", List(build.Platforms));
        entries.AddRange(build.ExtraFields.Select(f => new YamlEntry(f.Key, f.Value)));
        return new YamlMapping([.. entries]);
    }

    private static YamlMapping? Map(ImmutableSortedDictionary<string, ComposeString> map) =>
        map.IsEmpty ? null : new YamlMapping([.. map.Select(e => new YamlEntry(e.Key, Text(e.Value)))]);

    private static YamlSequence? List(ImmutableArray<string> items) =>
        items.IsDefaultOrEmpty ? null : Sequence(items.Select(i => (YamlValue)Text(i)));
}
