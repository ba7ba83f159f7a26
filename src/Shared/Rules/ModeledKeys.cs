using System;
using System.Collections.Generic;

namespace Stack.Rules;

/// <summary>
/// For each compose key the DSL models, the call that sets it: what the escape hatch's refusal
/// (STK0200) names, so the message says which method to use instead of WithField. Shared: the
/// library refuses the key when WithField runs, the analyzer reports the same call while typing.
/// </summary>
internal static class ModeledKeys
{
    private static readonly Dictionary<string, string> Service = new(StringComparer.Ordinal)
    {
        ["image"] = ".WithImage(...)", ["build"] = ".WithBuild(...)", ["container_name"] = ".WithContainerName(...)",
        ["depends_on"] = ".DependsOn(...)", ["volumes"] = ".WithVolume(...), .WithBind(...), .WithMount(...) or .WithAnonymousVolume(...)",
        ["volumes_from"] = ".WithVolumesFrom(...)", ["configs"] = ".WithConfig(...)", ["secrets"] = ".WithSecret(...)",
        ["environment"] = ".WithEnvironment(...)", ["env_file"] = ".WithEnvFile(...)", ["ports"] = ".WithPort(...)",
        ["networks"] = ".WithNetworks(...) or .WithNetwork(...)", ["network_mode"] = ".WithNetworkMode(...)", ["extra_hosts"] = ".WithExtraHost(...)",
        ["command"] = ".WithCommand(...)", ["entrypoint"] = ".WithEntrypoint(...)", ["working_dir"] = ".WithWorkingDir(...)",
        ["restart"] = ".WithRestart(...)", ["healthcheck"] = ".WithHealthcheck(...)", ["logging"] = ".WithLogging(...)",
        ["labels"] = ".WithLabel(...) (Traefik labels: .WithRouter(...))", ["user"] = ".WithUser(...)", ["cap_add"] = ".WithCapAdd(...)",
        ["cap_drop"] = ".WithCapDrop(...)", ["deploy"] = ".WithDeployment(...), .WithReplicas(...), .WithResourceLimits(...) or .WithGpus(...)",
        ["expose"] = ".WithExpose(...)", ["hostname"] = ".WithHostname(...)", ["init"] = ".WithInit(...)", ["profiles"] = ".WithProfiles(...)",
        ["pull_policy"] = ".WithPullPolicy(...)", ["read_only"] = ".WithReadOnlyRootFilesystem(...)", ["security_opt"] = ".WithSecurityOpt(...)",
        ["stop_grace_period"] = ".WithStopGracePeriod(...)", ["tmpfs"] = ".WithTmpfs(...)", ["stop_signal"] = ".WithStopSignal(...)",
        ["sysctls"] = ".WithSysctl(...)", ["ulimits"] = ".WithUlimit(...)", ["shm_size"] = ".WithShmSize(...)", ["oom_score_adj"] = ".WithOomScoreAdj(...)",
        ["mem_swappiness"] = ".WithMemSwappiness(...)", ["tty"] = ".WithTty(...)", ["stdin_open"] = ".WithStdinOpen(...)", ["runtime"] = ".WithRuntime(...)",
        ["platform"] = ".WithPlatform(...)", ["cgroup"] = ".WithCgroup(...)", ["group_add"] = ".WithGroupAdd(...)", ["storage_opt"] = ".WithStorageOption(...)",
        ["devices"] = ".WithDevice(...)", ["device_cgroup_rules"] = ".WithDeviceCgroupRules(...)", ["dns"] = ".WithDns(...)",
        ["dns_search"] = ".WithDnsSearch(...)", ["dns_opt"] = ".WithDnsOptions(...)", ["domainname"] = ".WithDomainName(...)",
        ["cpu_shares"] = ".WithCpuShares(...)", ["cpuset"] = ".WithCpuset(...)", ["oom_kill_disable"] = ".WithOomKillDisable(...)",
        ["cgroup_parent"] = ".WithCgroupParent(...)", ["mac_address"] = ".WithMacAddress(...)", ["annotations"] = ".WithAnnotation(...)",
        ["attach"] = ".WithAttach(...)", ["privileged"] = ".WithPrivileged(...)", ["pid"] = ".WithPid(...)", ["ipc"] = ".WithIpc(...)",
        ["uts"] = ".WithUts(...)", ["userns_mode"] = ".WithUsernsMode(...)", ["use_api_socket"] = ".WithApiSocket(...)",
    };

    private static readonly Dictionary<string, string> Build = new(StringComparer.Ordinal)
    {
        ["context"] = "new BuildSpec(context)", ["dockerfile"] = "new BuildSpec(...) { Dockerfile = ... }",
        ["dockerfile_inline"] = "new BuildSpec(...) { DockerfileInline = ... }", ["target"] = "new BuildSpec(...) { Target = ... }",
        ["args"] = ".WithArg(...)", ["labels"] = ".WithLabel(...)", ["cache_from"] = "new BuildSpec(...) { CacheFrom = [...] }",
        ["cache_to"] = "new BuildSpec(...) { CacheTo = [...] }", ["no_cache"] = "new BuildSpec(...) { NoCache = ... }",
        ["pull"] = "new BuildSpec(...) { Pull = ... }", ["additional_contexts"] = "new BuildSpec(...) { AdditionalContexts = ... }",
        ["network"] = "new BuildSpec(...) { Network = ... }", ["shm_size"] = "new BuildSpec(...) { ShmSize = ... }",
        ["secrets"] = ".WithSecret(...)", ["ssh"] = "new BuildSpec(...) { Ssh = [...] }", ["tags"] = "new BuildSpec(...) { Tags = [...] }",
        ["platforms"] = "new BuildSpec(...) { Platforms = [...] }",
    };

    private static readonly Dictionary<string, string> Secret = new(StringComparer.Ordinal)
    {
        ["file"] = "Secret.FromFile(...)", ["environment"] = "Secret.FromEnvironment(...)", ["external"] = "Secret.FromExternal(...)",
        ["labels"] = ".WithLabel(...)", ["name"] = ".WithRealName(...)",
    };

    private static readonly Dictionary<string, string> Config = new(StringComparer.Ordinal)
    {
        ["file"] = "Config.FromFile(...)", ["environment"] = "Config.FromEnvironment(...)", ["content"] = "Config.FromContent(...)",
        ["external"] = "Config.FromExternal(...)", ["labels"] = ".WithLabel(...)", ["name"] = ".WithRealName(...)",
    };

    private static readonly Dictionary<string, string> Network = new(StringComparer.Ordinal)
    {
        ["driver"] = ".WithDriver(...)", ["driver_opts"] = ".WithDriverOption(...)", ["external"] = ".AsExternal()", ["internal"] = ".AsInternal()",
        ["attachable"] = ".AsAttachable()", ["labels"] = ".WithLabel(...)", ["name"] = ".WithRealName(...)",
        ["ipam"] = ".WithSubnet(...) or .WithIpam(...)", ["enable_ipv4"] = ".WithIpv4(...)", ["enable_ipv6"] = ".WithIpv6(...)",
    };

    private static readonly Dictionary<string, string> Volume = new(StringComparer.Ordinal)
    {
        ["driver"] = ".WithDriver(...)", ["driver_opts"] = ".WithDriverOption(...)", ["external"] = ".AsExternal()",
        ["labels"] = ".WithLabel(...)", ["name"] = ".WithRealName(...)",
    };

    /// <summary>The call that sets <paramref name="key"/> of an <paramref name="owner"/> (service, build, secret, config, network, volume).</summary>
    public static string? Api(string owner, string key) =>
        Table(owner) is { } table && table.TryGetValue(key, out var api) ? api : null;

    /// <summary>Every key of <paramref name="owner"/> the DSL models (the escape hatch refuses them).</summary>
    public static IEnumerable<string> Keys(string owner) => Table(owner)?.Keys ?? (IEnumerable<string>)Array.Empty<string>();

    /// <summary>STK0200's text when WithField is given a modeled key; null for a key it accepts.</summary>
    public static string? Refusal(string owner, string key) =>
        Api(owner, key) is { } api
            ? $"The {owner} key '{key}' is modeled by the DSL, so WithField refuses it: set it with {api}, which the generator checks."
            : null;

    private static Dictionary<string, string>? Table(string owner) => owner switch
    {
        "service" => Service,
        "build" => Build,
        "secret" => Secret,
        "config" => Config,
        "network" => Network,
        "volume" => Volume,
        _ => null,
    };
}
