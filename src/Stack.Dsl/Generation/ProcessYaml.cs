using System.Collections.Immutable;
using Stack.Dsl.Compose;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Yaml.YamlValue;

namespace Stack.Dsl.Generation;

/// <summary>
/// Writes the service keys for the container's process, kernel, devices and name resolution;
/// <see cref="ServiceYaml"/> sorts every key into dclint's order afterwards.
/// </summary>
internal static class ProcessYaml
{
    public static void Add(Service service, Action<string, YamlValue?> add)
    {
        add("stop_signal", service.StopSignal is { } signal ? Text(signal) : null);
        add("sysctls", Map(service.Sysctls));
        add("ulimits", service.Ulimits.IsEmpty ? null : new YamlMapping([.. service.Ulimits.Select(u => new YamlEntry(u.Key, Ulimit(u.Value)))]));
        add("shm_size", service.ShmSize is { } shm ? Text(shm.ToString()) : null);
        add("oom_score_adj", service.OomScoreAdj is { } oom ? Number(oom) : null);
        add("mem_swappiness", service.MemSwappiness is { } swappiness ? Number(swappiness) : null);
        add("tty", service.Tty is { } tty ? Boolean(tty) : null);
        add("stdin_open", service.StdinOpen is { } stdin ? Boolean(stdin) : null);
        add("runtime", service.Runtime is { } runtime ? Text(runtime) : null);
        add("platform", service.Platform is { } platform ? Text(platform) : null);
        add("cgroup", service.Cgroup is { } cgroup ? Text(cgroup == CgroupNamespace.Host ? "host" : "private") : null);
        // Groups are a set (an id such as "0100" stays text: Text quotes what YAML would read as a number).
        add("group_add", List(service.GroupAdd.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
        add("storage_opt", Map(service.StorageOptions));
        add("devices", List(service.Devices.Select(d => d.ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
        add("device_cgroup_rules", List(service.DeviceCgroupRules));
        // Servers and search domains are tried in order: kept as given.
        add("dns", List(service.Dns.Select(a => a.ToString())));
        add("dns_search", List(service.DnsSearch));
        add("dns_opt", List(service.DnsOptions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
        add("domainname", service.DomainName is { } domain ? Text(domain) : null);
        add("cpu_shares", service.CpuShares is { } shares ? Number(shares) : null);
        add("cpuset", service.Cpuset is { } cpuset ? Text(cpuset) : null);
        add("oom_kill_disable", service.OomKillDisable is { } oomKill ? Boolean(oomKill) : null);
        add("cgroup_parent", service.CgroupParent is { } parent ? Text(parent) : null);
        add("mac_address", service.MacAddress is { } mac ? Text(mac) : null);
        add("annotations", Map(service.Annotations));
        add("attach", service.Attach is { } attach ? Boolean(attach) : null);
        add("privileged", service.Privileged is { } privileged ? Boolean(privileged) : null);
        add("pid", service.Pid is { } pid ? Text(pid.Value) : null);
        add("ipc", service.Ipc is { } ipc ? Text(ipc.Value) : null);
        add("uts", service.Uts is { } uts ? Text(uts.Value) : null);
        add("userns_mode", service.UsernsMode is { } userns ? Text(userns.Value) : null);
        add("use_api_socket", service.UseApiSocket is { } apiSocket ? Boolean(apiSocket) : null);
    }

    private static YamlValue Ulimit(Ulimit limit) => limit.Soft == limit.Hard
        ? Number(limit.Soft)
        : new YamlMapping([new("soft", Number(limit.Soft)), new("hard", Number(limit.Hard))]);

    private static YamlMapping? Map(ImmutableSortedDictionary<string, ComposeString> map) =>
        map.IsEmpty ? null : new YamlMapping([.. map.Select(e => new YamlEntry(e.Key, Text(e.Value)))]);

    private static YamlSequence? List(IEnumerable<string> items)
    {
        var values = items.Select(i => (YamlValue)Text(i)).ToArray();
        return values.Length == 0 ? null : new YamlSequence([.. values]);
    }
}
