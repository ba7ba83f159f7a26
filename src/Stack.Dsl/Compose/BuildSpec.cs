using System.Collections.Immutable;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Compose;

/// <summary>How to build a service's image (<c>build:</c>).</summary>
/// <param name="Context">The build context folder.</param>
public sealed record BuildSpec(HostPath Context)
{
    private static readonly HashSet<string> Modeled = new(StringComparer.Ordinal)
    {
        "context", "dockerfile", "dockerfile_inline", "target", "args", "labels", "cache_from", "cache_to", "no_cache", "pull",
        "additional_contexts", "network", "shm_size", "secrets", "ssh", "tags", "platforms",
    };

    private static readonly ImmutableSortedDictionary<string, ComposeString> NoStrings =
        ImmutableSortedDictionary.Create<string, ComposeString>(StringComparer.Ordinal);

    /// <summary>The Dockerfile, relative to the context; unset means <c>Dockerfile</c>.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>The Dockerfile's text, instead of a file (<c>dockerfile_inline:</c>).</summary>
    public ComposeString? DockerfileInline { get; init; }

    /// <summary>The build stage to stop at.</summary>
    public string? Target { get; init; }

    /// <summary>Build arguments, sorted by name.</summary>
    public ImmutableSortedDictionary<string, ComposeString> Args { get; init; } = NoStrings;

    /// <summary>Labels on the built image, sorted by key.</summary>
    public ImmutableSortedDictionary<string, ComposeString> Labels { get; init; } = NoStrings;

    /// <summary>Other build contexts by name (<c>additional_contexts:</c>): a folder, an image (<c>docker-image://</c>) or a URL.</summary>
    public ImmutableSortedDictionary<string, ComposeString> AdditionalContexts { get; init; } = NoStrings;

    /// <summary>Where the builder may find cached layers (<c>cache_from:</c>).</summary>
    public ImmutableArray<string> CacheFrom { get; init; } = [];

    /// <summary>Where the builder writes its cache (<c>cache_to:</c>).</summary>
    public ImmutableArray<string> CacheTo { get; init; } = [];

    /// <summary>Whether the build ignores the cache (<c>no_cache:</c>).</summary>
    public bool? NoCache { get; init; }

    /// <summary>Whether base images are always pulled (<c>pull:</c>).</summary>
    public bool? Pull { get; init; }

    /// <summary>The network the build's RUN steps use (<c>network:</c>), such as <c>host</c> or <c>none</c>.</summary>
    public string? Network { get; init; }

    /// <summary>The size of <c>/dev/shm</c> during the build.</summary>
    public ByteSize? ShmSize { get; init; }

    /// <summary>Top-level secrets the build may mount (<c>RUN --mount=type=secret,id=name</c>).</summary>
    public ImmutableArray<Secret> Secrets { get; init; } = [];

    /// <summary>SSH agents or keys the build may use (<c>default</c>, <c>id=path</c>).</summary>
    public ImmutableArray<string> Ssh { get; init; } = [];

    /// <summary>More tags for the built image (<c>tags:</c>).</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>Platforms to build for (<c>platforms:</c>), such as <c>linux/amd64</c>.</summary>
    public ImmutableArray<string> Platforms { get; init; } = [];

    /// <summary>Build keys the DSL does not model, and <c>x-</c> extensions, sorted by key.</summary>
    public ImmutableSortedDictionary<string, YamlValue> ExtraFields { get; init; } = EscapeHatch.None;

    /// <summary>Sets a build argument.</summary>
    public BuildSpec WithArg(string name, ComposeString value) =>
        this with { Args = Args.SetItem(name ?? throw new ArgumentNullException(nameof(name)), value ?? throw new ArgumentNullException(nameof(value))) };

    /// <summary>Sets a label on the built image.</summary>
    public BuildSpec WithLabel(string key, ComposeString value) =>
        this with { Labels = Labels.SetItem(key ?? throw new ArgumentNullException(nameof(key)), value ?? throw new ArgumentNullException(nameof(value))) };

    /// <summary>Lets the build mount <paramref name="secret"/> (never a build argument: those stay in the image's history).</summary>
    public BuildSpec WithSecret(Secret secret) => this with { Secrets = Secrets.Add(secret ?? throw new ArgumentNullException(nameof(secret))) };

    /// <summary>Sets a build key the DSL does not model, or an <c>x-</c> extension.</summary>
    /// <exception cref="ArgumentException">The DSL models <paramref name="key"/>: use its property instead.</exception>
    public BuildSpec WithField(string key, YamlValue value) =>
        this with { ExtraFields = EscapeHatch.Set(ExtraFields, key, value, Modeled, "build") };
}
