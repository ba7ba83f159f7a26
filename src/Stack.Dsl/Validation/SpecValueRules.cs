using System.Net.Sockets;
using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>
/// STK0212 for the wider compose spec: numbers within what the kernel, the engine or a swarm
/// accepts, and words in the grammar they parse (signals, device paths and permissions, address
/// plans), so a value the engine would refuse at <c>up</c>, or take and silently ignore (judged on
/// a real engine), is refused at generation.
/// </summary>
internal static class SpecValueRules
{
    /// <summary>The ulimits the engine sets (go-units' ulimit names: the daemon fails to start a container with another).</summary>
    private static readonly string[] UlimitNames =
        ["core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack"];

    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack) =>
        stack.Services.SelectMany(service => Problems(service).Select(problem => new StackDiagnostic(RuleIds.InvalidValue, $"Service '{service.Name}' {problem}", service.Location)))
            .Concat(StackResourcesOf.Networks(stack).SelectMany(network => Problems(network).Select(problem => new StackDiagnostic(RuleIds.InvalidValue, $"Network '{network.Name}' {problem}", network.Location))));

    private static IEnumerable<string> Problems(Service service)
    {
        foreach (var router in service.Routers.Where(r => r.Service is { IsFileService: true }))
        {
            foreach (var url in router.Service!.Urls.Where(u => !Uri.TryCreate(u, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https" or "h2c") || u.Contains(' ', StringComparison.Ordinal)))
            {
                yield return $"has router '{router.Name}' forwarding to the server '{url}', which is not an absolute http, https or h2c URL; Traefik would refuse the service. Write it as http://host:port.";
            }
        }

        foreach (var tcp in service.TcpRouters)
        {
            if (tcp.HostSni != "*" && !IsDomain(tcp.HostSni))
            {
                yield return $"has TCP router '{tcp.Name}' for '{tcp.HostSni}', which is neither '*' nor a domain name; HostSNI matches a TLS server name. Fix the name.";
            }
            else if (tcp.HostSni != "*" && !tcp.Passthrough && tcp.CertResolver is null)
            {
                yield return $"has TCP router '{tcp.Name}' for '{tcp.HostSni}' without TLS; a server name only exists in a TLS handshake, so Traefik refuses the router. Add .WithTlsPassthrough() or .WithTls(resolver), or match '*'.";
            }

            if (tcp.Passthrough && tcp.CertResolver is not null)
            {
                yield return $"has TCP router '{tcp.Name}' with TLS passthrough and a certificate resolver; passed-through TLS is the container's, so the certificate would never be used. Keep one.";
            }
        }

        foreach (var router in service.Routers)
        {
            foreach (var domain in router.TlsDomains.SelectMany(d => d.Sans.Prepend(d.Main)).Where(d => !IsDomain(d)))
            {
                yield return domain.Contains("${", StringComparison.Ordinal)
                    ? $"asks router '{router.Name}' for a certificate for '{domain}', but .WithTlsDomain(...) takes the domain itself: variables are not accepted there, and '${{...}}' in the text reaches Traefik as those characters. Write the name (.WithTlsDomain(\"example.org\")), or drop .WithTlsDomain(...): Traefik then asks for the names of the router's Host(...) rule, which may hold variables (.WithHost($\"app.{{baseHost}}\"))."
                    : $"asks router '{router.Name}' for a certificate for '{domain}', which is not a domain name (letters, digits, '-' and '.', optionally starting with '*.'); Traefik would request it as given. Write the name as .WithTlsDomain(\"example.org\", \"*.example.org\") expects it.";
            }
        }

        if (service.StopSignal is { } signal && !IsSignal(signal))
        {
            yield return $"has stop_signal '{signal}', which the engine refuses (\"invalid signal\"); use a signal name such as SIGINT or SIGRTMIN+3, or a number.";
        }

        if (service.OomScoreAdj is < -1000 or > 1000)
        {
            yield return $"has oom_score_adj {service.OomScoreAdj}; the kernel accepts -1000 to 1000. Pass a value in that range to .WithOomScoreAdj(...).";
        }

        if (service.MemSwappiness is < 0 or > 100)
        {
            yield return $"has mem_swappiness {service.MemSwappiness}; the kernel accepts 0 to 100. Pass a value in that range to .WithMemSwappiness(...).";
        }

        if (service.CpuShares is < 2 or > 262144)
        {
            yield return $"has cpu_shares {service.CpuShares}; the kernel accepts 2 to 262144 (1024 is the default weight). Pass a value in that range to .WithCpuShares(...).";
        }

        if (service.MacAddress is { } mac && !System.Net.NetworkInformation.PhysicalAddress.TryParse(mac, out _))
        {
            yield return $"has mac_address '{mac}'; write six hex pairs separated by ':' (02:42:ac:11:00:02).";
        }

        if (service.ShmSize is { Bytes: < 0 } shm)
        {
            yield return $"has a shm_size of {shm.Bytes} bytes; a size cannot be negative.";
        }

        foreach (var (name, limit) in service.Ulimits)
        {
            if (!UlimitNames.Contains(name))
            {
                yield return $"has ulimit '{name}', which the engine does not know: it fails the container's start. It takes {string.Join(", ", UlimitNames)}. Use one of those names in .WithUlimit(...).";
            }

            if (limit.Soft < -1 || limit.Hard < -1 || (limit.Hard != -1 && (limit.Soft == -1 || limit.Soft > limit.Hard)))
            {
                yield return $"has ulimit {name} with soft {limit.Soft} and hard {limit.Hard}; each is a count or -1 (unlimited), and soft cannot exceed hard. Use new Ulimit(soft, hard) with soft at most hard, or -1 for both.";
            }
        }

        foreach (var device in service.Devices)
        {
            if (!device.HostPath.StartsWith('/'))
            {
                yield return $"maps the device '{device.HostPath}', which the engine refuses: a host device path is absolute. Write it in full, such as .WithDevice(\"/dev/dri\").";
            }

            if (device.Permissions is { } permissions && (permissions.Length == 0 || permissions.Any(c => c is not ('r' or 'w' or 'm')) || permissions.Distinct().Count() != permissions.Length))
            {
                yield return $"maps the device '{device.HostPath}' with permissions '{permissions}'; the engine takes any letters, but the device cgroup knows only r (read), w (write) and m (mknod). Use some of them, each once.";
            }
        }

        foreach (var request in service.DeviceRequests)
        {
            if (request.Capabilities.IsDefaultOrEmpty)
            {
                yield return "requests devices without a capability; name what they must offer (gpu).";
            }

            if (request.Count is <= 0)
            {
                yield return $"requests {request.Count} devices; a count is positive. Pass a count of 1 or more, or use DeviceRequest.Gpus() without a count for all of them.";
            }

            if (request.Count is not null && !request.DeviceIds.IsDefaultOrEmpty)
            {
                yield return "requests devices by count and by id; compose accepts one of them. Keep Count or DeviceIds.";
            }
        }

        foreach (var port in service.Ports.Where(p => p.NeedsLongSyntax && p.Target.IsRange))
        {
            yield return $"publishes the range {port.Target} with a mode, name or app_protocol; compose's long syntax takes one target port. Publish each port on its own.";
        }

        foreach (var tmpfs in service.Tmpfs.Where(t => t.Mode is < 0 or > 0xFFF))
        {
            yield return $"has a tmpfs at '{tmpfs.Target}' with mode {tmpfs.Mode}; permission bits are 0 to 07777 (write them as Convert.ToInt32(\"1777\", 8)).";
        }

        foreach (var mount in service.Volumes.OfType<VolumeMount>().Where(m => m.Subpath is { } subpath && (subpath.StartsWith('/') || subpath.Split('/').Contains(".."))))
        {
            yield return $"mounts the volume '{mount.Volume.Name}' with subpath '{mount.Subpath}'; a subpath is relative to the volume's root and stays inside it. Set Subpath to a path inside the volume, without a leading '/' or '..'.";
        }

        foreach (var problem in service.Deployment is { } deployment ? Problems(deployment) : [])
        {
            yield return problem;
        }

        // Traefik reads these as Go durations too; a negative one would fail the writer, not Traefik.
        foreach (var router in service.Routers.Where(r => r.Service is not null))
        {
            foreach (var problem in Durations(
                ($"load-balancer health check interval (router '{router.Name}')", router.Service!.HealthCheckInterval),
                ($"load-balancer health check timeout (router '{router.Name}')", router.Service.HealthCheckTimeout)))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> Problems(Deployment deployment)
    {
        if (deployment.Replicas is < 0)
        {
            yield return $"asks for {deployment.Replicas} replicas; the count cannot be negative. Pass 0 or more to .WithReplicas(...).";
        }

        if (deployment.Mode == DeploymentMode.Global && deployment.Replicas is not null)
        {
            yield return "sets replicas in global mode, which runs one task per node; remove Replicas or use the replicated mode.";
        }

        if (deployment.Placement?.MaxReplicasPerNode is <= 0)
        {
            yield return $"allows {deployment.Placement.MaxReplicasPerNode} replicas per node; the limit is positive.";
        }

        if (deployment.RestartPolicy is { } restart)
        {
            if (restart.MaxAttempts is < 0)
            {
                yield return $"has a deploy restart policy of {restart.MaxAttempts} attempts; the count cannot be negative. Set MaxAttempts to 0 or more, or leave it out for no limit.";
            }

            foreach (var problem in Durations(("deploy restart delay", restart.Delay), ("deploy restart window", restart.Window)))
            {
                yield return problem;
            }
        }

        foreach (var (name, rollout) in new[] { ("update_config", deployment.UpdateConfig), ("rollback_config", deployment.RollbackConfig) })
        {
            if (rollout is null)
            {
                continue;
            }

            if (rollout.Parallelism is < 0)
            {
                yield return $"has {name} parallelism {rollout.Parallelism}; it cannot be negative (0 changes every task at once).";
            }

            if (rollout.MaxFailureRatio is < 0 or > 1)
            {
                yield return $"has {name} max_failure_ratio {rollout.MaxFailureRatio}; it is a share from 0 to 1. Set MaxFailureRatio between 0 and 1, such as 0.1m for a tenth.";
            }

            if (name == "rollback_config" && rollout.FailureAction == RolloutFailureAction.Rollback)
            {
                yield return "has rollback_config failure_action rollback; a rollback cannot roll back. Use Pause or Continue.";
            }

            foreach (var problem in Durations(($"{name} delay", rollout.Delay), ($"{name} monitor", rollout.Monitor)))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> Problems(Network network)
    {
        foreach (var pool in network.Ipam?.Pools ?? [])
        {
            var family = pool.Subnet.BaseAddress.AddressFamily;
            if (pool.IpRange is { } range && (range.BaseAddress.AddressFamily != family || range.PrefixLength < pool.Subnet.PrefixLength || !pool.Subnet.Contains(range.BaseAddress)))
            {
                yield return $"has the ip_range {range} outside its subnet {pool.Subnet}; the engine takes it without a word and hands out addresses from the whole subnet instead. Pick a range inside the subnet.";
            }

            if (pool.Gateway is { } gateway && !pool.Subnet.Contains(gateway))
            {
                yield return $"has the gateway {gateway} outside its subnet {pool.Subnet}; the engine refuses to create the network (\"failed to allocate gateway\"). Pick an address inside the subnet.";
            }

            foreach (var (name, address) in pool.AuxAddresses.Where(a => !pool.Subnet.Contains(a.Value)))
            {
                yield return $"reserves the aux address {name}={address} outside its subnet {pool.Subnet}; the engine takes it without a word and reserves nothing. Pick an address inside the subnet.";
            }

            if (family == AddressFamily.InterNetworkV6 && network.EnableIpv6 != true)
            {
                yield return $"has the IPv6 subnet {pool.Subnet} without IPv6 on; the engine keeps the subnet but gives containers no IPv6 address (a static ipv6_address is dropped without a word). Add .WithIpv6().";
            }
        }
    }

    private static IEnumerable<string> Durations(params (string Name, TimeSpan? Value)[] durations)
    {
        foreach (var (name, value) in durations)
        {
            if (value is { } duration && (duration < TimeSpan.Zero || duration > ShapeRules.GoMaxDuration))
            {
                yield return $"has a {name} of {duration}; it cannot be negative or longer than the engine's durations (about 292 years).";
            }
        }
    }

    /// <summary>A host name, or a wildcard one (<c>*.example.org</c>): what a certificate can be issued for.</summary>
    private static bool IsDomain(string domain)
    {
        var name = domain.StartsWith("*.", StringComparison.Ordinal) ? domain[2..] : domain;
        return name.Length is > 0 and <= 253 && name.Split('.').All(label =>
            label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-' && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }

    /// <summary>Signal names the engine's parser knows (Linux), without the optional SIG prefix.</summary>
    private static readonly HashSet<string> SignalNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE", "POLL", "PROF", "PWR",
        "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1", "USR2", "VTALRM", "WINCH",
        "XCPU", "XFSZ", "RTMIN", "RTMAX",
    };

    /// <summary>
    /// What the engine's signal parser reads (judged on the engine: <c>sigint</c> and <c>70</c> run,
    /// <c>SIGFOO</c> does not): a non-zero number, or a known name in any case, with or without
    /// SIG, including RTMIN+n and RTMAX-n for n up to 15 and 14.
    /// </summary>
    private static bool IsSignal(string signal)
    {
        if (int.TryParse(signal, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number != 0;
        }

        var name = signal.StartsWith("SIG", StringComparison.OrdinalIgnoreCase) ? signal[3..] : signal;
        foreach (var (prefix, max) in new[] { ("RTMIN+", 15), ("RTMAX-", 14) })
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return int.TryParse(name[prefix.Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset) && offset is >= 1 && offset <= max;
            }
        }

        return SignalNames.Contains(name);
    }
}
