using System.Collections.Immutable;
using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>CPU scheduling, the out-of-memory killer, cgroups, annotations and log attachment.</summary>
public sealed partial record Service
{
    /// <summary>The relative CPU weight under contention (<c>cpu_shares:</c>; 1024 is the default).</summary>
    public int? CpuShares { get; init; }

    /// <summary>The CPUs the container may run on (<c>cpuset:</c>), such as <c>0-3</c> or <c>0,2</c>.</summary>
    public string? Cpuset { get; init; }

    /// <summary>Whether the kernel's out-of-memory killer spares the container (<c>oom_kill_disable:</c>).</summary>
    public bool? OomKillDisable { get; init; }

    /// <summary>The parent cgroup (<c>cgroup_parent:</c>).</summary>
    public string? CgroupParent { get; init; }

    /// <summary>The container's MAC address (<c>mac_address:</c>).</summary>
    public string? MacAddress { get; init; }

    /// <summary>OCI annotations on the container, sorted by key (<c>annotations:</c>).</summary>
    public ImmutableSortedDictionary<string, ComposeString> Annotations { get; init; } = NoStrings;

    /// <summary>Whether <c>compose up</c> follows the service's logs (<c>attach:</c>); unset is yes.</summary>
    public bool? Attach { get; init; }

    /// <summary>Sets the relative CPU weight (2 to 262144; 1024 is the default).</summary>
    public Service WithCpuShares(int shares) => this with { CpuShares = shares };

    /// <summary>Pins the container to CPUs (<c>0-3</c>, <c>0,2</c>).</summary>
    public Service WithCpuset(string cpus) => this with { Cpuset = cpus ?? throw new ArgumentNullException(nameof(cpus)) };

    /// <summary>Spares the container from the out-of-memory killer (set a memory limit with it, or the host may hang).</summary>
    public Service WithOomKillDisable(bool disabled = true) => this with { OomKillDisable = disabled };

    /// <summary>Places the container under another parent cgroup.</summary>
    public Service WithCgroupParent(string parent) => this with { CgroupParent = parent ?? throw new ArgumentNullException(nameof(parent)) };

    /// <summary>Fixes the container's MAC address (<c>02:42:ac:11:00:02</c>).</summary>
    public Service WithMacAddress(string address) => this with { MacAddress = address ?? throw new ArgumentNullException(nameof(address)) };

    /// <summary>Sets an OCI annotation on the container.</summary>
    public Service WithAnnotation(string key, ComposeString value) =>
        this with { Annotations = Annotations.SetItem(key ?? throw new ArgumentNullException(nameof(key)), value ?? throw new ArgumentNullException(nameof(value))) };

    /// <summary>Whether <c>compose up</c> follows this service's logs (off for chatty helpers).</summary>
    public Service WithAttach(bool attach) => this with { Attach = attach };
}
