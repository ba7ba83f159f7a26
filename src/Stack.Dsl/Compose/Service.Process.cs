using System.Collections.Immutable;
using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>The container's process and kernel settings: signals, sysctls, ulimits, shared memory, runtime.</summary>
public sealed partial record Service
{
    /// <summary>The signal that stops the container (<c>stop_signal:</c>), such as <c>SIGINT</c>.</summary>
    public string? StopSignal { get; init; }

    /// <summary>Namespaced kernel parameters, sorted by name (<c>sysctls:</c>).</summary>
    public ImmutableSortedDictionary<string, ComposeString> Sysctls { get; init; } = NoStrings;

    /// <summary>Resource limits of the container's processes, sorted by name (<c>ulimits:</c>).</summary>
    public ImmutableSortedDictionary<string, Ulimit> Ulimits { get; init; } =
        ImmutableSortedDictionary.Create<string, Ulimit>(StringComparer.Ordinal);

    /// <summary>The size of <c>/dev/shm</c> (<c>shm_size:</c>).</summary>
    public ByteSize? ShmSize { get; init; }

    /// <summary>How readily the kernel kills this container when memory runs out, -1000 to 1000 (<c>oom_score_adj:</c>).</summary>
    public int? OomScoreAdj { get; init; }

    /// <summary>How readily the kernel swaps the container's memory, 0 to 100 (<c>mem_swappiness:</c>).</summary>
    public int? MemSwappiness { get; init; }

    /// <summary>Whether a terminal is allocated (<c>tty:</c>).</summary>
    public bool? Tty { get; init; }

    /// <summary>Whether standard input stays open (<c>stdin_open:</c>).</summary>
    public bool? StdinOpen { get; init; }

    /// <summary>The OCI runtime (<c>runtime:</c>), such as <c>runc</c> or <c>nvidia</c>.</summary>
    public string? Runtime { get; init; }

    /// <summary>The platform the image is for (<c>platform:</c>), such as <c>linux/arm64</c>.</summary>
    public string? Platform { get; init; }

    /// <summary>The cgroup namespace (<c>cgroup:</c>).</summary>
    public CgroupNamespace? Cgroup { get; init => field = EnumGuard.Defined(value, nameof(Cgroup)); }

    /// <summary>Extra groups the container's user belongs to (<c>group_add:</c>).</summary>
    public ImmutableArray<string> GroupAdd { get; init; } = [];

    /// <summary>Storage driver options, sorted by name (<c>storage_opt:</c>), such as <c>size</c>.</summary>
    public ImmutableSortedDictionary<string, ComposeString> StorageOptions { get; init; } = NoStrings;

    /// <summary>Stops the container with <paramref name="signal"/> instead of SIGTERM.</summary>
    public Service WithStopSignal(string signal) => this with { StopSignal = signal ?? throw new ArgumentNullException(nameof(signal)) };

    /// <summary>Sets a namespaced kernel parameter (<c>net.core.somaxconn</c>).</summary>
    public Service WithSysctl(string name, ComposeString value) =>
        this with { Sysctls = Sysctls.SetItem(name ?? throw new ArgumentNullException(nameof(name)), value ?? throw new ArgumentNullException(nameof(value))) };

    /// <summary>Sets a process limit (<c>nofile</c>, <c>nproc</c>, <c>memlock</c>).</summary>
    public Service WithUlimit(string name, Ulimit limit) =>
        this with { Ulimits = Ulimits.SetItem(name ?? throw new ArgumentNullException(nameof(name)), limit) };

    /// <summary>Sizes <c>/dev/shm</c> (databases and browsers often need more than the 64M default).</summary>
    public Service WithShmSize(ByteSize size) => this with { ShmSize = size };

    /// <summary>Makes the kernel more (positive) or less (negative) ready to kill this container when memory runs out.</summary>
    public Service WithOomScoreAdj(int adjustment) => this with { OomScoreAdj = adjustment };

    /// <summary>Sets how readily the container's memory is swapped (0 avoids swap).</summary>
    public Service WithMemSwappiness(int swappiness) => this with { MemSwappiness = swappiness };

    /// <summary>Allocates a terminal.</summary>
    public Service WithTty(bool enabled = true) => this with { Tty = enabled };

    /// <summary>Keeps standard input open.</summary>
    public Service WithStdinOpen(bool enabled = true) => this with { StdinOpen = enabled };

    /// <summary>Runs the container with another OCI runtime.</summary>
    public Service WithRuntime(string runtime) => this with { Runtime = runtime ?? throw new ArgumentNullException(nameof(runtime)) };

    /// <summary>Pulls or builds the image for <paramref name="platform"/> (<c>os/arch[/variant]</c>).</summary>
    public Service WithPlatform(string platform) => this with { Platform = platform ?? throw new ArgumentNullException(nameof(platform)) };

    /// <summary>Chooses the cgroup namespace.</summary>
    public Service WithCgroup(CgroupNamespace cgroup) => this with { Cgroup = cgroup };

    /// <summary>Adds groups (names or ids) to the container's user.</summary>
    public Service WithGroupAdd(params IEnumerable<string> groups) => this with { GroupAdd = GroupAdd.AddRange(groups) };

    /// <summary>Sets a storage driver option (<c>size</c> on drivers that support it).</summary>
    public Service WithStorageOption(string name, ComposeString value) =>
        this with { StorageOptions = StorageOptions.SetItem(name ?? throw new ArgumentNullException(nameof(name)), value ?? throw new ArgumentNullException(nameof(value))) };
}
