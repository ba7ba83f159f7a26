namespace Stack.Dsl.Tests.Coverage;

/// <summary>How a compose key is written from C#.</summary>
internal enum KeyStatus
{
    /// <summary>A typed API writes it (and the escape hatch refuses the key).</summary>
    Typed,

    /// <summary>Deliberately not typed, for the reason given (obsolete, Windows-only, said by another typed key).</summary>
    Excluded,

    /// <summary>Not typed yet: written through the owner's <c>WithField</c>, unchecked.</summary>
    Open,
}

/// <summary>One key of the compose spec and its home in C#.</summary>
/// <param name="Section">Where the key lives (service, network, ...).</param>
/// <param name="Key">The YAML key.</param>
/// <param name="Status">Typed, excluded or open.</param>
/// <param name="Api">The C# members that write it (<c>Type.Member</c>, comma-separated), for typed keys.</param>
/// <param name="Note">For excluded and open keys: why, and what to use instead.</param>
internal sealed record KeyCoverage(string Section, string Key, KeyStatus Status, string? Api, string? Note);

/// <summary>
/// Every property of the compose spec's service, network, volume, secret, config, build, deploy and
/// top level, with its C# API or the reason it has none. <see cref="ComposeSpecCoverageTests"/>
/// walks the spec's JSON schema against it and writes it out as docs/compose.md.
/// </summary>
internal static class ComposeKeys
{
    private static KeyCoverage T(string section, string key, string api) => new(section, key, KeyStatus.Typed, api, null);

    private static KeyCoverage X(string section, string key, string reason) => new(section, key, KeyStatus.Excluded, null, reason);

    private static KeyCoverage O(string section, string key, string note) => new(section, key, KeyStatus.Open, null, note);

    private const string Service = "service";
    private const string Top = "top level";
    private const string Network = "network";
    private const string Volume = "volume";
    private const string Secret = "secret";
    private const string Config = "config";
    private const string Build = "build";
    private const string Deploy = "deploy";

    /// <summary>Not schema properties: how values are written (interpolation, host paths). Listed for the docs; their APIs are checked too.</summary>
    public const string Interpolation = "interpolation and host paths";

    public static IReadOnlyList<KeyCoverage> All { get; } =
    [
        X(Top, "version", "Obsolete: Compose ignores it and warns."),
        T(Top, "name", "ComposeStack..ctor"),
        X(Top, "include", "C# composes definitions: share services, networks and volumes as C# values across files or projects."),
        T(Top, "services", "ComposeStack.WithServices"),
        O(Top, "models", "AI models for Docker Model Runner (Compose 2.38+): ComposeStack.WithExtension cannot write it; not yet reachable."),
        T(Top, "networks", "ComposeStack.WithNetworks"),
        T(Top, "volumes", "ComposeStack.WithVolumes"),
        T(Top, "secrets", "ComposeStack.WithSecrets"),
        T(Top, "configs", "ComposeStack.WithConfigs"),

        T(Service, "annotations", "Service.WithAnnotation"),
        T(Service, "attach", "Service.WithAttach"),
        O(Service, "blkio_config", "Block IO weights and throttles: Service.WithField(\"blkio_config\", ...)."),
        T(Service, "build", "Service.WithBuild"),
        T(Service, "cap_add", "Service.WithCapAdd"),
        T(Service, "cap_drop", "Service.WithCapDrop"),
        T(Service, "cgroup", "Service.WithCgroup"),
        T(Service, "cgroup_parent", "Service.WithCgroupParent"),
        T(Service, "command", "Service.WithCommand"),
        T(Service, "configs", "Service.WithConfig"),
        T(Service, "container_name", "Service.WithContainerName"),
        X(Service, "cpu_count", "Windows containers only."),
        X(Service, "cpu_percent", "Windows containers only."),
        X(Service, "cpu_period", "A CFS quota per period is what deploy.resources.limits.cpus says: Service.WithResourceLimits."),
        X(Service, "cpu_quota", "A CFS quota per period is what deploy.resources.limits.cpus says: Service.WithResourceLimits."),
        O(Service, "cpu_rt_period", "Real-time scheduling: Service.WithField(\"cpu_rt_period\", ...)."),
        O(Service, "cpu_rt_runtime", "Real-time scheduling: Service.WithField(\"cpu_rt_runtime\", ...)."),
        T(Service, "cpu_shares", "Service.WithCpuShares"),
        X(Service, "cpus", "The same as deploy.resources.limits.cpus, which the DSL writes: Service.WithResourceLimits."),
        T(Service, "cpuset", "Service.WithCpuset"),
        X(Service, "credential_spec", "Windows containers only (gMSA)."),
        T(Service, "depends_on", "Service.DependsOn"),
        T(Service, "deploy", "Service.WithDeployment, Service.WithReplicas, Service.WithResourceLimits, Service.WithResourceReservations"),
        X(Service, "develop", "`docker compose watch` rules for an inner development loop, not part of a deployed stack."),
        T(Service, "device_cgroup_rules", "Service.WithDeviceCgroupRules"),
        T(Service, "devices", "Service.WithDevice"),
        T(Service, "dns", "Service.WithDns"),
        T(Service, "dns_opt", "Service.WithDnsOptions"),
        T(Service, "dns_search", "Service.WithDnsSearch"),
        T(Service, "domainname", "Service.WithDomainName"),
        T(Service, "entrypoint", "Service.WithEntrypoint"),
        T(Service, "env_file", "Service.WithEnvFile"),
        T(Service, "environment", "Service.WithEnvironment, Service.WithSecretFile"),
        T(Service, "expose", "Service.WithExpose"),
        X(Service, "extends", "C# replaces it: a shared base service is a C# value changed with With* calls."),
        X(Service, "external_links", "Legacy links to containers outside the project: join a shared external network instead (Network.AsExternal)."),
        T(Service, "extra_hosts", "Service.WithExtraHost"),
        X(Service, "gpus", "Service.WithGpus writes the device reservation `gpus:` abbreviates (deploy.resources.reservations.devices), which every Compose version reads."),
        T(Service, "group_add", "Service.WithGroupAdd"),
        T(Service, "healthcheck", "Service.WithHealthcheck"),
        T(Service, "hostname", "Service.WithHostname"),
        T(Service, "image", "Service.WithImage"),
        T(Service, "init", "Service.WithInit"),
        T(Service, "ipc", "Service.WithIpc"),
        X(Service, "isolation", "Windows containers only."),
        X(Service, "label_file", "Labels come from C#, where the checks (STK0204, STK0100) can read them."),
        T(Service, "labels", "Service.WithLabel, Service.WithRouter"),
        X(Service, "links", "Legacy: services on a shared network reach each other by name (Service.WithNetworks)."),
        T(Service, "logging", "Service.WithLogging"),
        T(Service, "mac_address", "Service.WithMacAddress"),
        X(Service, "mem_limit", "The same as deploy.resources.limits.memory: Service.WithResourceLimits."),
        X(Service, "mem_reservation", "The same as deploy.resources.reservations.memory: Service.WithResourceReservations."),
        T(Service, "mem_swappiness", "Service.WithMemSwappiness"),
        O(Service, "memswap_limit", "Memory plus swap: Service.WithField(\"memswap_limit\", ...)."),
        O(Service, "models", "AI models for Docker Model Runner (Compose 2.38+): Service.WithField(\"models\", ...)."),
        T(Service, "network_mode", "Service.WithNetworkMode"),
        T(Service, "networks", "Service.WithNetworks, Service.WithNetwork"),
        T(Service, "oom_kill_disable", "Service.WithOomKillDisable"),
        T(Service, "oom_score_adj", "Service.WithOomScoreAdj"),
        T(Service, "pid", "Service.WithPid"),
        X(Service, "pids_limit", "The same as deploy.resources.limits.pids: Service.WithResourceLimits."),
        T(Service, "platform", "Service.WithPlatform"),
        T(Service, "ports", "Service.WithPort"),
        O(Service, "post_start", "Lifecycle hooks (Compose 2.30+): Service.WithField(\"post_start\", ...)."),
        O(Service, "pre_stop", "Lifecycle hooks (Compose 2.30+): Service.WithField(\"pre_stop\", ...)."),
        T(Service, "privileged", "Service.WithPrivileged"),
        T(Service, "profiles", "Service.WithProfiles"),
        O(Service, "provider", "Services run by a provider plugin instead of the engine (Compose 2.36+): Service.WithField(\"provider\", ...)."),
        T(Service, "pull_policy", "Service.WithPullPolicy"),
        O(Service, "pull_refresh_after", "Pull interval for pull_policy refresh (Compose 2.33+): Service.WithField(\"pull_refresh_after\", ...)."),
        T(Service, "read_only", "Service.WithReadOnlyRootFilesystem"),
        T(Service, "restart", "Service.WithRestart, Service.AsOneShot"),
        T(Service, "runtime", "Service.WithRuntime"),
        X(Service, "scale", "The same as deploy.replicas: Service.WithReplicas."),
        T(Service, "secrets", "Service.WithSecret, Service.WithSecretFile"),
        T(Service, "security_opt", "Service.WithSecurityOpt"),
        T(Service, "shm_size", "Service.WithShmSize"),
        T(Service, "stdin_open", "Service.WithStdinOpen"),
        T(Service, "stop_grace_period", "Service.WithStopGracePeriod"),
        T(Service, "stop_signal", "Service.WithStopSignal"),
        T(Service, "storage_opt", "Service.WithStorageOption"),
        T(Service, "sysctls", "Service.WithSysctl"),
        T(Service, "tmpfs", "Service.WithTmpfs"),
        T(Service, "tty", "Service.WithTty"),
        T(Service, "ulimits", "Service.WithUlimit"),
        T(Service, "use_api_socket", "Service.WithApiSocket"),
        T(Service, "user", "Service.WithUser"),
        T(Service, "userns_mode", "Service.WithUsernsMode"),
        T(Service, "uts", "Service.WithUts"),
        T(Service, "volumes", "Service.WithVolume, Service.WithBind, Service.WithAnonymousVolume, Service.WithMount"),
        T(Service, "volumes_from", "Service.WithVolumesFrom"),
        T(Service, "working_dir", "Service.WithWorkingDir"),

        T(Network, "attachable", "Network.AsAttachable"),
        T(Network, "driver", "Network.WithDriver"),
        T(Network, "driver_opts", "Network.WithDriverOption"),
        T(Network, "enable_ipv4", "Network.WithIpv4"),
        T(Network, "enable_ipv6", "Network.WithIpv6"),
        T(Network, "external", "Network.AsExternal"),
        T(Network, "internal", "Network.AsInternal"),
        T(Network, "ipam", "Network.WithIpam, Network.WithSubnet"),
        T(Network, "labels", "Network.WithLabel"),
        T(Network, "name", "Network.WithRealName"),

        T(Volume, "driver", "Volume.WithDriver"),
        T(Volume, "driver_opts", "Volume.WithDriverOption"),
        T(Volume, "external", "Volume.AsExternal"),
        T(Volume, "labels", "Volume.WithLabel"),
        T(Volume, "name", "Volume.WithRealName"),

        O(Secret, "driver", "Swarm secret store plugins: Secret.WithField(\"driver\", ...)."),
        O(Secret, "driver_opts", "Swarm secret store plugins: Secret.WithField(\"driver_opts\", ...)."),
        T(Secret, "environment", "Secret.FromEnvironment"),
        T(Secret, "external", "Secret.FromExternal"),
        T(Secret, "file", "Secret.FromFile"),
        T(Secret, "labels", "Secret.WithLabel"),
        T(Secret, "name", "Secret.WithRealName"),
        O(Secret, "template_driver", "Swarm templated secrets: Secret.WithField(\"template_driver\", ...)."),

        T(Config, "content", "Config.FromContent"),
        T(Config, "environment", "Config.FromEnvironment"),
        T(Config, "external", "Config.FromExternal"),
        T(Config, "file", "Config.FromFile"),
        T(Config, "labels", "Config.WithLabel"),
        T(Config, "name", "Config.WithRealName"),
        O(Config, "template_driver", "Swarm templated configs: Config.WithField(\"template_driver\", ...)."),

        T(Build, "additional_contexts", "BuildSpec.AdditionalContexts"),
        T(Build, "args", "BuildSpec.WithArg"),
        T(Build, "cache_from", "BuildSpec.CacheFrom"),
        T(Build, "cache_to", "BuildSpec.CacheTo"),
        T(Build, "context", "BuildSpec..ctor"),
        T(Build, "dockerfile", "BuildSpec.Dockerfile"),
        T(Build, "dockerfile_inline", "BuildSpec.DockerfileInline"),
        O(Build, "entitlements", "BuildKit entitlements (network.host, security.insecure): BuildSpec.WithField(\"entitlements\", ...); not judged by the security rules."),
        O(Build, "extra_hosts", "Host resolutions during the build: BuildSpec.WithField(\"extra_hosts\", ...)."),
        X(Build, "isolation", "Windows containers only."),
        T(Build, "labels", "BuildSpec.WithLabel"),
        T(Build, "network", "BuildSpec.Network"),
        T(Build, "no_cache", "BuildSpec.NoCache"),
        T(Build, "platforms", "BuildSpec.Platforms"),
        O(Build, "privileged", "Privileged RUN steps: BuildSpec.WithField(\"privileged\", true); not judged by the security rules."),
        T(Build, "pull", "BuildSpec.Pull"),
        T(Build, "secrets", "BuildSpec.WithSecret"),
        T(Build, "shm_size", "BuildSpec.ShmSize"),
        T(Build, "ssh", "BuildSpec.Ssh"),
        T(Build, "tags", "BuildSpec.Tags"),
        T(Build, "target", "BuildSpec.Target"),
        O(Build, "ulimits", "Process limits during the build: BuildSpec.WithField(\"ulimits\", ...)."),

        T(Deploy, "endpoint_mode", "Deployment.EndpointMode"),
        T(Deploy, "labels", "Deployment.Labels"),
        T(Deploy, "mode", "Deployment.Mode"),
        T(Deploy, "placement", "Deployment.Placement"),
        T(Deploy, "replicas", "Deployment.Replicas, Service.WithReplicas"),
        T(Deploy, "resources", "Service.WithResourceLimits, Service.WithResourceReservations, Service.WithDeviceRequest, Service.WithGpus"),
        T(Deploy, "restart_policy", "Deployment.RestartPolicy"),
        T(Deploy, "rollback_config", "Deployment.RollbackConfig"),
        T(Deploy, "update_config", "Deployment.UpdateConfig"),

        T(Interpolation, "${VAR}", "Variable..ctor, Variable.Secret"),
        T(Interpolation, "${VAR:-default}", "Variable.OrDefault"),
        T(Interpolation, "${VAR-default}", "Variable.OrDefaultIfUnset"),
        T(Interpolation, "${VAR:?message}", "Variable.Required"),
        T(Interpolation, "${VAR?message}", "Variable.RequiredEvenIfEmpty"),
        T(Interpolation, "/absolute/path", "HostPath.Absolute"),
        T(Interpolation, "./relative/path", "HostPath.InProject, HostPath.InOutput"),
        T(Interpolation, "~/path", "HostPath.InHome"),
        T(Interpolation, "${VAR}/path", "HostPath.FromVariable"),
    ];
}
