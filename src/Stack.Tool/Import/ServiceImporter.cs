using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>
/// One compose service as a C# <c>Service</c> chain: each key through its typed API; keys Stack
/// does not type through <c>WithField</c> with a TODO(import) comment; keys Stack types that this
/// importer does not translate yet are refused (never dropped, never bypassed).
/// </summary>
internal sealed partial class ServiceImporter(
    CSharpCode code,
    IReadOnlyDictionary<string, string> networks,
    IReadOnlyDictionary<string, string> volumes,
    IReadOnlyDictionary<string, string> services,
    IReadOnlyDictionary<string, MiddlewareLabelImporter.ImportedMiddleware> middlewares)
{
    /// <summary>Keys Stack types (so WithField refuses them): each must be translated here, or refused.</summary>
    private static readonly HashSet<string> Typed = new(StringComparer.Ordinal)
    {
        "image", "build", "container_name", "depends_on", "volumes", "volumes_from", "configs", "secrets", "environment", "env_file",
        "ports", "networks", "network_mode", "extra_hosts", "command", "entrypoint", "working_dir", "restart", "healthcheck", "logging",
        "labels", "user", "cap_add", "cap_drop", "deploy", "expose", "hostname", "init", "profiles", "pull_policy", "read_only",
        "security_opt", "stop_grace_period", "tmpfs", "stop_signal", "sysctls", "ulimits", "shm_size", "oom_score_adj", "mem_swappiness",
        "tty", "stdin_open", "runtime", "platform", "cgroup", "group_add", "storage_opt", "devices", "device_cgroup_rules", "dns",
        "dns_search", "dns_opt", "domainname", "cpu_shares", "cpuset", "oom_kill_disable", "cgroup_parent", "mac_address", "annotations",
        "attach", "privileged", "pid", "ipc", "uts", "userns_mode", "use_api_socket",
    };

    /// <summary>Keys compose reads as another key Stack types (docs/compose.md lists them as excluded): the TODO names that API.</summary>
    private static readonly Dictionary<string, string> TypedElsewhere = new(StringComparer.Ordinal)
    {
        ["mem_limit"] = "deploy.resources.limits.memory (Service.WithResourceLimits)",
        ["cpus"] = "deploy.resources.limits.cpus (Service.WithResourceLimits)",
        ["cpu_quota"] = "deploy.resources.limits.cpus (Service.WithResourceLimits)",
        ["cpu_period"] = "deploy.resources.limits.cpus (Service.WithResourceLimits)",
        ["pids_limit"] = "deploy.resources.limits.pids (Service.WithResourceLimits)",
        ["mem_reservation"] = "deploy.resources.reservations.memory (Service.WithResourceReservations)",
        ["scale"] = "deploy.replicas (Service.WithReplicas)",
        ["links"] = "a shared network (Service.WithNetworks), where services reach each other by name",
    };

    /// <summary>A bind mount the generator replaces (Traefik's static config, now written by Stack): its service and target.</summary>
    public (string Service, string Target)? ReplacedMount { get; init; }

    /// <summary>The networks a <c>traefik.docker.network</c> label may name.</summary>
    public TraefikNetworks TraefikNetworks { get; init; } = TraefikNetworks.None;

    /// <summary>A TODO line to write first in a service's chain, by service name.</summary>
    public IReadOnlyDictionary<string, string> Todos { get; init; } = new Dictionary<string, string>();

    /// <summary>The declared secrets, by name, with how the code names them.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();

    /// <summary>The declared configs, by name, with how the code names them.</summary>
    public IReadOnlyDictionary<string, string> Configs { get; init; } = new Dictionary<string, string>();

    public IEnumerable<string> Chain(string name, YamlMappingNode service)
    {
        var lines = new List<string> { $"new Service({CSharpCode.Literal(name)})" };
        if (Todos.TryGetValue(name, out var todo))
        {
            lines.Add(todo);
        }

        currentService = name;
        foreach (var (keyNode, value) in service.Children)
        {
            var key = Nodes.Scalar(keyNode, "a service key");
            if (ComposeTags.IsMergeTag(value.Tag.IsEmpty ? null : value.Tag.Value))
            {
                throw new ImportRefusal(value.Start, $"{value.Tag.Value} changes how an override file applies; in the file that defines service '{name}' it means nothing. Remove it, or move the key to an override file.");
            }

            lines.AddRange(Key(name, key, value, keyNode));
        }

        return lines;
    }

    /// <summary>
    /// Keys an environment's override file may set on a service of the base, each one whose DSL
    /// setter does what compose's merge does: replaces (image, command, ...), sets by key
    /// (environment, labels) or adds (ports, expose).
    /// </summary>
    private static readonly string[] Overridable =
    [
        "command", "container_name", "entrypoint", "environment", "expose", "hostname", "image", "init", "labels", "ports", "read_only",
        "restart", "stdin_open", "stop_grace_period", "stop_signal", "tty", "user",
    ];

    /// <summary>How each overridable key is put back to unset (compose's <c>!reset</c>), as a <c>with</c> member.</summary>
    private static readonly Dictionary<string, string> Reset = new(StringComparer.Ordinal)
    {
        ["command"] = "Command = null", ["container_name"] = "ContainerName = null", ["entrypoint"] = "Entrypoint = null",
        ["environment"] = "Environment = service.Environment.Clear()", ["expose"] = "Expose = []", ["hostname"] = "Hostname = null",
        ["image"] = "Image = null", ["init"] = "Init = null", ["labels"] = "Labels = service.Labels.Clear()", ["ports"] = "Ports = []",
        ["read_only"] = "ReadOnly = null", ["restart"] = "Restart = null", ["stdin_open"] = "StdinOpen = null",
        ["stop_grace_period"] = "StopGracePeriod = null", ["stop_signal"] = "StopSignal = null", ["tty"] = "Tty = null", ["user"] = "User = null",
    };

    /// <summary>What an override file changes on the base's service <paramref name="name"/>, as calls on it.</summary>
    /// <returns>The members a <c>with</c> puts back to unset first (compose's merge tags), then the calls.</returns>
    public (IReadOnlyList<string> Resets, IReadOnlyList<string> Calls) Override(string name, YamlMappingNode service)
    {
        var resets = new List<string>();
        var lines = new List<string>();
        foreach (var (keyNode, value) in service.Children)
        {
            var key = Nodes.Scalar(keyNode, "a service key");
            if (!Overridable.Contains(key, StringComparer.Ordinal))
            {
                throw new ImportRefusal(keyNode.Start, $"an environment that overrides '{key}' of service '{name}' is not translated by the importer yet; it translates overrides of {string.Join(", ", Overridable)}.");
            }

            // !reset drops what the base set; !override replaces it instead of merging into it.
            var tag = value.Tag.IsEmpty ? null : value.Tag.Value;
            if (tag is "!reset" or "!override")
            {
                resets.Add(Reset[key]);
                if (tag == "!reset")
                {
                    continue;
                }
            }

            // An override's Traefik labels change the base's routers key by key: they stay labels.
            lines.AddRange(key == "labels" ? PlainLabels(Nodes.Pairs(value, key).Select(p => (p.Key, p.Value ?? string.Empty))) : Key(name, key, value, keyNode));
        }

        return (resets, lines);
    }

    private IEnumerable<string> PlainLabels(IEnumerable<(string Key, string Value)> labels) =>
        labels.Select(l => $".WithLabel({CSharpCode.Literal(l.Key)}, {code.ComposeText(l.Value)})");

    private IEnumerable<string> Key(string service, string key, YamlNode value, YamlNode keyNode)
    {
        string Text(string what) => code.ComposeText(Nodes.Scalar(value, what));
        string Plain(string what)
        {
            var text = Nodes.Scalar(value, what);
            return CSharpCode.HasVariable(text)
                ? throw new ImportRefusal(value.Start, $"{what} holds a variable, but Stack's API for it takes plain text; write the value.")
                : CSharpCode.Literal(text.Replace("$$", "$", StringComparison.Ordinal));
        }

        switch (key)
        {
            case "image": return [$".WithImage({Text("image")})"];
            case "container_name": return [$".WithContainerName({Text("container_name")})"];
            case "hostname": return [$".WithHostname({Text("hostname")})"];
            case "user": return [$".WithUser({Text("user")})"];
            case "working_dir": return [$".WithWorkingDir({Plain("working_dir")})"];
            case "restart": return [Restart(Nodes.Scalar(value, "restart"), value)];
            case "init": return [$".WithInit({Bool("init")})"];
            case "read_only": return [$".WithReadOnlyRootFilesystem({Bool("read_only")})"];
            case "tty": return [$".WithTty({Bool("tty")})"];
            case "stdin_open": return [$".WithStdinOpen({Bool("stdin_open")})"];
            case "privileged": return [$".WithPrivileged({Bool("privileged")})"];
            case "stop_signal": return [$".WithStopSignal({Plain("stop_signal")})"];
            case "stop_grace_period": return [$".WithStopGracePeriod({Duration(Nodes.Scalar(value, key), value)})"];
            case "command": return [Command("WithCommand", value)];
            case "entrypoint": return [Command("WithEntrypoint", value)];
            case "cap_add": return [$".WithCapAdd({Words(value, key)})"];
            case "cap_drop": return [$".WithCapDrop({Words(value, key)})"];
            case "security_opt": return [$".WithSecurityOpt({Words(value, key)})"];
            case "profiles": return [$".WithProfiles({Words(value, key)})"];
            case "dns_search": return [$".WithDnsSearch({Words(value, key)})"];
            case "dns_opt": return [$".WithDnsOptions({Words(value, key)})"];
            case "group_add": return [$".WithGroupAdd({Words(value, key)})"];
            case "environment": return Environment(value);
            case "labels": return Labels(service, value);
            case "build": return [Build(value)];
            case "sysctls": return Nodes.Pairs(value, "sysctls").Select(p => $".WithSysctl({CSharpCode.Literal(p.Key)}, {code.ComposeText(p.Value ?? string.Empty)})");
            case "ports": return Items(value, "ports").Select(p => p is YamlMappingNode port ? LongPort(port) : Port(Nodes.Scalar(p, "a port"), p.Start));
            case "expose": return [$".WithExpose({string.Join(", ", Nodes.Strings(value, "expose").Select(p => PortRange(p.Value.Split('/')[0], p.At)))})"];
            case "volumes": return Items(value, "volumes").Where(v => !IsReplaced(v)).Select(v => v is YamlMappingNode mount ? LongMount(mount) : Mount(Nodes.Scalar(v, "a mount"), v.Start));
            case "networks": return Networks(value);
            case "depends_on": return DependsOn(value);
            case "secrets": return Items(value, key).Select(g => Grant("WithSecret", "secret", Secrets, g));
            case "configs": return Items(value, key).Select(g => Grant("WithConfig", "config", Configs, g));
            case "env_file": return EnvFiles(value);
            case "healthcheck": return [Healthcheck(Nodes.Mapping(value, "healthcheck"))];
            case "extra_hosts": return Nodes.Pairs(value, "extra_hosts").Select(p => ExtraHost(p.Key, p.Value, p.At));
            case "dns": return [$".WithDns({string.Join(", ", Nodes.Strings(value, "dns").Select(d => CSharpCode.Address(d.Value, d.At)))})"];
            case "logging": return [Logging(Nodes.Mapping(value, "logging"))];
            case "ulimits": return Nodes.Mapping(value, "ulimits").Children.Select(e => Ulimit(Nodes.Scalar(e.Key, "a ulimit"), e.Value));
            case "shm_size": return [$".WithShmSize({Size(Nodes.Scalar(value, key), value)})"];
            case "oom_score_adj": return [$".WithOomScoreAdj({Int(value, key)})"];
            case "mem_swappiness": return [$".WithMemSwappiness({Int(value, key)})"];
            case "cpu_shares": return [$".WithCpuShares({Int(value, key)})"];
            case "cpuset": return [$".WithCpuset({Plain(key)})"];
            case "runtime": return [$".WithRuntime({Plain(key)})"];
            case "platform": return [$".WithPlatform({Plain(key)})"];
            case "domainname": return [$".WithDomainName({Plain(key)})"];
            case "devices": return Nodes.Strings(value, key).Select(d => Device(d.Value, d.At));
            case "device_cgroup_rules": return [$".WithDeviceCgroupRules({Words(value, key)})"];
            case "tmpfs": return Nodes.Strings(value, key).Select(t => Tmpfs(t.Value, t.At));
            case "pid": return [$".WithPid({Namespace(Nodes.Scalar(value, key), value)})"];
            case "ipc": return [$".WithIpc({Namespace(Nodes.Scalar(value, key), value)})"];
            case "deploy": return Deploy(Nodes.Mapping(value, key));
            case "network_mode":
                var mode = Nodes.Scalar(value, key);
                return [".WithNetworkMode(" + (mode switch
                {
                    "host" => "NetworkMode.Host",
                    "none" => "NetworkMode.None",
                    "bridge" => "NetworkMode.Bridge",
                    _ when mode.StartsWith("service:", StringComparison.Ordinal) => $"NetworkMode.OfService({Service(mode["service:".Length..], value.Start)})",
                    _ => throw new ImportRefusal(value.Start, $"network_mode '{mode}' is not translated by the importer yet."),
                }) + ")"];
            default:
                if (Typed.Contains(key))
                {
                    throw new ImportRefusal(keyNode.Start, $"Service '{service}' uses '{key}', which Stack types (see docs/compose.md) but the importer does not translate yet. Remove it from a copy, import, and add it with its C# API.");
                }

                return [
                    TypedElsewhere.TryGetValue(key, out var api)
                        ? CSharpCode.Comment($"TODO(import): '{key}' is kept as written; Stack types the same setting as {api}, which its checks read.")
                        : CSharpCode.Comment($"TODO(import): '{key}' is not typed by Stack; kept as written through the escape hatch."),
                    $".WithField({CSharpCode.Literal(key)}, {YamlValueCode.Of(value, code)})"];
        }

        string Bool(string what) => Nodes.Bool(value, what) ? "true" : "false";
    }

    private static string Int(YamlNode node, string what) =>
        int.TryParse(Nodes.Scalar(node, what), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? CSharpCode.Number(number) : throw new ImportRefusal(node.Start, $"{what} must be a whole number.");

    private static string Ulimit(string name, YamlNode value) => value switch
    {
        YamlScalarNode => $".WithUlimit({CSharpCode.Literal(name)}, Ulimit.Of({Int(value, name)}))",
        YamlMappingNode limits => $".WithUlimit({CSharpCode.Literal(name)}, new Ulimit({Int(Child(limits, "soft"), "soft")}, {Int(Child(limits, "hard"), "hard")}))",
        _ => throw new ImportRefusal(value.Start, "a ulimit is a number or soft and hard."),
    };

    /// <summary>Docker's sizes (<c>256m</c>, <c>1.5g</c>, bytes) as a ByteSize expression.</summary>
    private static string Size(string text, YamlNode at)
    {
        var match = SizePattern().Match(text);
        if (!match.Success)
        {
            throw new ImportRefusal(at.Start, $"'{text}' is not a size (such as 512m or 1g).");
        }

        var number = match.Groups[1].Value;
        return (match.Groups[2].Value.ToLowerInvariant(), number.Contains('.', StringComparison.Ordinal)) switch
        {
            ("g", _) => $"ByteSize.Gigabytes({number})",
            ("m", _) => $"ByteSize.Megabytes({number})",
            ("k", false) => $"ByteSize.Kilobytes({number})",
            ("" or "b", false) => $"new ByteSize({number})",
            _ => throw new ImportRefusal(at.Start, $"'{text}' is a fraction of a unit the importer does not translate."),
        };
    }

    private static string Device(string text, YamlDotNet.Core.Mark at)
    {
        if (CSharpCode.HasVariable(text))
        {
            throw new ImportRefusal(at, $"the device '{text}' holds a variable, but Stack's devices are fixed paths it checks (/dev/...); write the paths, and give an environment its own.");
        }

        var parts = text.Split(':');
        return parts.Length switch
        {
            1 => $".WithDevice({CSharpCode.Literal(parts[0])})",
            2 => $".WithDevice(new DeviceMapping({CSharpCode.Literal(parts[0])}) {{ ContainerPath = {CSharpCode.Literal(parts[1])} }})",
            3 => $".WithDevice(new DeviceMapping({CSharpCode.Literal(parts[0])}) {{ ContainerPath = {CSharpCode.Literal(parts[1])}, Permissions = {CSharpCode.Literal(parts[2])} }})",
            _ => throw new ImportRefusal(at, $"'{text}' is not a device mapping (host[:container[:permissions]])."),
        };
    }

    private static string Tmpfs(string text, YamlDotNet.Core.Mark at)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return $".WithTmpfs({CSharpCode.Literal(text)})";
        }

        var options = text[(colon + 1)..].Split(',');
        var settings = new List<string>();
        foreach (var option in options)
        {
            settings.Add(option.Split('=') switch
            {
                ["size", var size] => $"Size = {Size(size, new YamlScalarNode(size) { })}",
                ["mode", var mode] when mode.Length is > 0 and <= 4 && mode.All(c => c is >= '0' and <= '7') => $"Mode = Convert.ToInt32({CSharpCode.Literal(mode)}, 8)",
                _ => throw new ImportRefusal(at, $"the tmpfs option '{option}' is not translated by the importer yet (size and mode are)."),
            });
        }

        return $".WithTmpfs(new Tmpfs({CSharpCode.Literal(text[..colon])}) {{ {string.Join(", ", settings)} }})";
    }

    private string Namespace(string mode, YamlNode at) => mode switch
    {
        "host" => "NamespaceMode.Host",
        "private" => "NamespaceMode.Private",
        "shareable" => "NamespaceMode.Shareable",
        _ when mode.StartsWith("service:", StringComparison.Ordinal) => $"NamespaceMode.OfService({Service(mode["service:".Length..], at.Start)})",
        _ => throw new ImportRefusal(at.Start, $"the namespace mode '{mode}' is not translated by the importer yet."),
    };

    private List<string> Deploy(YamlMappingNode deploy)
    {
        var settings = new List<string>();
        var calls = new List<string>();
        foreach (var (keyNode, value) in deploy.Children)
        {
            var key = Nodes.Scalar(keyNode, "a deploy key");
            switch (key)
            {
                case "mode":
                    settings.Add($"Mode = DeploymentMode.{Member<Stack.Dsl.Compose.DeploymentMode>(value, key)}");
                    break;
                case "replicas":
                    settings.Add($"Replicas = {Int(value, key)}");
                    break;
                case "endpoint_mode":
                    settings.Add($"EndpointMode = EndpointMode.{Member<Stack.Dsl.Compose.EndpointMode>(value, key)}");
                    break;
                case "labels":
                    settings.Add($"Labels = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [{string.Join(", ", Nodes.Pairs(value, key).Select(p => $"KeyValuePair.Create({CSharpCode.Literal(p.Key)}, (ComposeString){code.ComposeText(p.Value ?? string.Empty)})"))}])");
                    break;
                case "placement":
                    settings.Add($"Placement = {Placement(Nodes.Mapping(value, key))}");
                    break;
                case "restart_policy":
                    settings.Add($"RestartPolicy = {DeployRestart(Nodes.Mapping(value, key))}");
                    break;
                case "update_config" or "rollback_config":
                    settings.Add($"{(key == "update_config" ? "UpdateConfig" : "RollbackConfig")} = {Rollout(Nodes.Mapping(value, key))}");
                    break;
                case "resources":
                    foreach (var (kind, limits) in Nodes.Mapping(value, key).Children)
                    {
                        var method = Nodes.Scalar(kind, "resources") switch
                        {
                            "limits" => "WithResourceLimits",
                            "reservations" => "WithResourceReservations",
                            var other => throw new ImportRefusal(kind.Start, $"deploy.resources.{other} is not translated by the importer yet."),
                        };
                        calls.Add($".{method}({Resources(Nodes.Mapping(limits, "resources"))})");
                    }

                    break;
                default:
                    throw new ImportRefusal(keyNode.Start, $"deploy.{key} is not translated by the importer yet.");
            }
        }

        return settings.Count > 0 ? [.. calls, $".WithDeployment(new Deployment {{ {string.Join(", ", settings)} }})"] : calls;
    }

    private static string Resources(YamlMappingNode resources) => "new ResourceLimits { " + string.Join(", ", resources.Children.Select(e => Nodes.Scalar(e.Key, "a resource") switch
    {
        "cpus" => $"Cpus = {Decimal(e.Value, "cpus")}",
        "memory" => $"Memory = {Size(Nodes.Scalar(e.Value, "memory"), e.Value)}",
        "pids" => $"Pids = {Int(e.Value, "pids")}",
        var other => throw new ImportRefusal(e.Key.Start, $"deploy resources '{other}' are not translated by the importer yet."),
    })) + " }";

    private static string Placement(YamlMappingNode placement) => "new Placement { " + string.Join(", ", placement.Children.Select(e => Nodes.Scalar(e.Key, "placement") switch
    {
        "constraints" => $"Constraints = [{string.Join(", ", Nodes.Strings(e.Value, "constraints").Select(c => CSharpCode.Literal(c.Value)))}]",
        "preferences" => $"SpreadOver = [{string.Join(", ", Items(e.Value, "preferences").Select(p => CSharpCode.Literal(Nodes.Scalar(Child(Nodes.Mapping(p, "a preference"), "spread"), "spread"))))}]",
        "max_replicas_per_node" => $"MaxReplicasPerNode = {Int(e.Value, "max_replicas_per_node")}",
        var other => throw new ImportRefusal(e.Key.Start, $"placement '{other}' is not translated by the importer yet."),
    })) + " }";

    private static string DeployRestart(YamlMappingNode policy) => "new DeployRestartPolicy { " + string.Join(", ", policy.Children.Select(e => Nodes.Scalar(e.Key, "restart_policy") switch
    {
        "condition" => $"Condition = DeployRestartCondition.{Member<Stack.Dsl.Compose.DeployRestartCondition>(e.Value, "condition")}",
        "delay" => $"Delay = {Duration(Nodes.Scalar(e.Value, "delay"), e.Value)}",
        "max_attempts" => $"MaxAttempts = {Int(e.Value, "max_attempts")}",
        "window" => $"Window = {Duration(Nodes.Scalar(e.Value, "window"), e.Value)}",
        var other => throw new ImportRefusal(e.Key.Start, $"restart_policy '{other}' is not translated by the importer yet."),
    })) + " }";

    private static string Rollout(YamlMappingNode rollout) => "new RolloutConfig { " + string.Join(", ", rollout.Children.Select(e => Nodes.Scalar(e.Key, "a rollout key") switch
    {
        "parallelism" => $"Parallelism = {Int(e.Value, "parallelism")}",
        "delay" => $"Delay = {Duration(Nodes.Scalar(e.Value, "delay"), e.Value)}",
        "monitor" => $"Monitor = {Duration(Nodes.Scalar(e.Value, "monitor"), e.Value)}",
        "failure_action" => $"FailureAction = RolloutFailureAction.{Member<Stack.Dsl.Compose.RolloutFailureAction>(e.Value, "failure_action")}",
        "max_failure_ratio" => $"MaxFailureRatio = {Decimal(e.Value, "max_failure_ratio")}",
        "order" => $"Order = RolloutOrder.{Member<Stack.Dsl.Compose.RolloutOrder>(e.Value, "order")}",
        var other => throw new ImportRefusal(e.Key.Start, $"'{other}' in a rollout is not translated by the importer yet."),
    })) + " }";

    private static IEnumerable<YamlNode> Items(YamlNode value, string what) =>
        value as YamlSequenceNode ?? throw new ImportRefusal(value.Start, $"{what} must be a list.");

    private static string LongPort(YamlMappingNode port)
    {
        var entries = port.Children.ToDictionary(e => Nodes.Scalar(e.Key, "a port key"), e => e.Value, StringComparer.Ordinal);
        var target = entries.TryGetValue("target", out var t) ? PortRange(Nodes.Scalar(t, "target"), t.Start) : throw new ImportRefusal(port.Start, "a port needs a target.");
        var init = new List<string>();
        foreach (var (key, node) in entries.Where(e => e.Key != "target"))
        {
            var text = Nodes.Scalar(node, key);
            init.Add(key switch
            {
                "published" => $"Published = {PortRange(text, node.Start)}",
                "host_ip" => $"HostIp = {CSharpCode.Address(text, node.Start)}",
                "protocol" => $"Protocol = PortProtocol.{Member<Stack.Dsl.Compose.PortProtocol>(node, key)}",
                "mode" => $"Mode = PortMode.{Member<Stack.Dsl.Compose.PortMode>(node, key)}",
                "name" => $"Name = {CSharpCode.Literal(text)}",
                "app_protocol" => $"AppProtocol = {CSharpCode.Literal(text)}",
                _ => throw new ImportRefusal(node.Start, $"the port key '{key}' is not translated by the importer yet."),
            });
        }

        return $".WithPort(new PortMapping({target}){(init.Count > 0 ? " { " + string.Join(", ", init) + " }" : string.Empty)})";
    }

    private string LongMount(YamlMappingNode mount)
    {
        var entries = mount.Children.ToDictionary(e => Nodes.Scalar(e.Key, "a mount key"), e => e.Value, StringComparer.Ordinal);
        string Get(string key) => entries.TryGetValue(key, out var node) ? Nodes.Scalar(node, key) : throw new ImportRefusal(mount.Start, $"a mount needs a {key}.");
        var type = Get("type");
        var target = CSharpCode.Literal(Get("target"));
        var init = new List<string>();
        if (entries.TryGetValue("read_only", out var readOnly) && Nodes.Bool(readOnly, "read_only"))
        {
            init.Add("ReadOnly = true");
        }

        foreach (var (key, node) in entries.Where(e => e.Key is not ("type" or "target" or "source" or "read_only")))
        {
            foreach (var (option, setting) in Nodes.Mapping(node, key).Children)
            {
                var name = Nodes.Scalar(option, "a mount option");
                init.Add((type, key, name) switch
                {
                    ("volume", "volume", "nocopy") => $"NoCopy = {(Nodes.Bool(setting, name) ? "true" : "false")}",
                    ("volume", "volume", "subpath") => $"Subpath = {CSharpCode.Literal(Nodes.Scalar(setting, name))}",
                    ("bind", "bind", "create_host_path") => $"CreateHostPath = {(Nodes.Bool(setting, name) ? "true" : "false")}",
                    ("bind", "bind", "selinux") => Nodes.Scalar(setting, name) switch
                    {
                        "z" => "SeLinux = SeLinuxRelabel.Shared",
                        "Z" => "SeLinux = SeLinuxRelabel.Private",
                        var label => throw new ImportRefusal(setting.Start, $"bind.selinux '{label}' is not z or Z."),
                    },
                    ("bind", "bind", "propagation") => Nodes.Scalar(setting, name) is "private" or "rprivate" or "shared" or "rshared" or "slave" or "rslave"
                        ? $"Propagation = BindPropagation.{PropagationName(Nodes.Scalar(setting, name))}"
                        : throw new ImportRefusal(setting.Start, $"bind.propagation '{Nodes.Scalar(setting, name)}' is not one of private, rprivate, shared, rshared, slave, rslave."),
                    _ => throw new ImportRefusal(option.Start, $"the mount option {key}.{name} is not translated by the importer yet."),
                });
            }
        }

        var settings = init.Count > 0 ? " { " + string.Join(", ", init) + " }" : string.Empty;
        switch (type)
        {
            case "volume" when !entries.ContainsKey("source"):
                return $".WithMount(new AnonymousVolumeMount({target}){settings})";
            case "volume":
                var source = Get("source");
                return volumes.TryGetValue(source, out var volume)
                    ? $".WithMount(new VolumeMount({volume}, {target}){settings})"
                    : throw new ImportRefusal(mount.Start, $"the volume '{source}' is not declared under volumes:.");
            case "bind":
                return $".WithMount(new BindMount({HostPathCode(Get("source"), mount.Start, "bind source")}, {target}){settings})";
            default:
                throw new ImportRefusal(mount.Start, $"a {type} mount in the long syntax is not translated by the importer yet.");
        }
    }

    /// <summary>
    /// <c>build:</c> as a <c>BuildSpec</c>: the short form (a context path), or the long one's
    /// context, dockerfile, target, args, labels, cache_from, network, shm_size, no_cache and pull;
    /// any other build key is refused at its line.
    /// </summary>
    private string Build(YamlNode value)
    {
        if (value is YamlScalarNode context)
        {
            return $".WithBuild(new BuildSpec({HostPathCode(Nodes.Scalar(context, "build"), context.Start, "build context")}))";
        }

        var entries = Nodes.Mapping(value, "build");
        var contextPath = entries.Children.TryGetValue(new YamlScalarNode("context"), out var c) ? Nodes.Scalar(c, "build context") : ".";
        var init = new List<string>();
        var calls = new List<string>();
        foreach (var (keyNode, setting) in entries.Children)
        {
            var key = Nodes.Scalar(keyNode, "a build key");
            string Plain() => CSharpCode.HasVariable(Nodes.Scalar(setting, key))
                ? throw new ImportRefusal(setting.Start, $"build {key} holds a variable, but Stack's API for it takes plain text; write the value.")
                : CSharpCode.Literal(Nodes.Scalar(setting, key));
            switch (key)
            {
                case "context":
                    break;
                case "dockerfile": init.Add($"Dockerfile = {Plain()}"); break;
                case "target": init.Add($"Target = {Plain()}"); break;
                case "network": init.Add($"Network = {Plain()}"); break;
                case "shm_size": init.Add($"ShmSize = {Size(Nodes.Scalar(setting, key), setting)}"); break;
                case "no_cache": init.Add($"NoCache = {(Nodes.Bool(setting, key) ? "true" : "false")}"); break;
                case "pull": init.Add($"Pull = {(Nodes.Bool(setting, key) ? "true" : "false")}"); break;
                case "cache_from": init.Add($"CacheFrom = [{Words(setting, "build cache_from")}]"); break;
                case "args":
                    calls.AddRange(Nodes.Pairs(setting, "build args").Select(p => $".WithArg({CSharpCode.Literal(p.Key)}, {code.ComposeText(p.Value ?? string.Empty)})"));
                    break;
                case "labels":
                    calls.AddRange(Nodes.Pairs(setting, "build labels").Select(p => $".WithLabel({CSharpCode.Literal(p.Key)}, {code.ComposeText(p.Value ?? string.Empty)})"));
                    break;
                default:
                    throw new ImportRefusal(keyNode.Start, $"the build key '{key}' is not translated by the importer yet (it translates context, dockerfile, target, args, labels, cache_from, network, shm_size, no_cache and pull).");
            }
        }

        var spec = $"new BuildSpec({HostPathCode(contextPath, value.Start, "build context")}){(init.Count > 0 ? " { " + string.Join(", ", init) + " }" : string.Empty)}";
        return $".WithBuild({spec}{string.Concat(calls)})";
    }

    /// <summary>A host path as its typed kind: absolute (or from a variable), in the home folder, or in the project (beside the compose file).</summary>
    /// <param name="path">The path as compose has it.</param>
    /// <param name="at">Where it is, for a refusal.</param>
    /// <param name="what">What the path is, for a refusal ("bind source").</param>
    private string HostPathCode(string path, YamlDotNet.Core.Mark at, string what) => code.HostPath(path, at, what);

    private static string Restart(string policy, YamlNode at) => policy switch
    {
        "no" => ".WithRestart(RestartPolicy.No)",
        "always" => ".WithRestart(RestartPolicy.Always)",
        "unless-stopped" => ".WithRestart(RestartPolicy.UnlessStopped)",
        "on-failure" => ".WithRestart(RestartPolicy.OnFailure)",
        _ when policy.StartsWith("on-failure:", StringComparison.Ordinal) && int.TryParse(policy["on-failure:".Length..], CultureInfo.InvariantCulture, out var retries) => $".WithRestart(RestartPolicy.OnFailureAtMost({retries}))",
        _ => throw new ImportRefusal(at.Start, $"restart '{policy}' is not a compose restart policy (no, always, unless-stopped, on-failure[:N])."),
    };

    private string Command(string method, YamlNode value) => value switch
    {
        YamlScalarNode scalar => $".{method}(CommandLine.Shell({code.ComposeText(Nodes.Scalar(scalar, method))}))",
        YamlSequenceNode => $".{method}({string.Join(", ", Nodes.Strings(value, method).Select(a => code.ComposeText(a.Value)))})",
        _ => throw new ImportRefusal(value.Start, "a command must be a string or a list."),
    };

    private static string Words(YamlNode value, string what) =>
        string.Join(", ", Nodes.Strings(value, what).Select(w => CSharpCode.HasVariable(w.Value) ? throw new ImportRefusal(w.At, $"{what} holds a variable, but Stack's API for it takes plain words.") : CSharpCode.Literal(w.Value)));

    /// <summary>Labels, with Traefik's as typed routers when they can be (<see cref="TraefikLabelImporter"/>).</summary>
    private IEnumerable<string> Labels(string service, YamlNode value)
    {
        var labels = Nodes.Pairs(value, "labels").Select(p => (p.Key, Value: p.Value ?? string.Empty)).ToList();
        var routers = TraefikLabelImporter.Translate(labels, code, middlewares, service, TraefikNetworks);
        foreach (var label in labels.Where(l => !routers.Keys.Contains(l.Key)))
        {
            if (routers.Kept.TryGetValue(label.Key, out var why))
            {
                yield return CSharpCode.Comment($"TODO(import): '{label.Key}' stays a label: {why}.");
            }

            yield return PlainLabels([label]).Single();
        }

        foreach (var call in routers.Calls)
        {
            yield return call;
        }
    }

    private IEnumerable<string> Environment(YamlNode value)
    {
        foreach (var (key, text, _) in Nodes.Pairs(value, "environment"))
        {
            yield return text is null ? $".WithEnvironment({CSharpCode.Literal(key)}, EnvironmentValue.PassThrough)"
                : IsPlainInteger(value, key, text) ? $".WithEnvironment({CSharpCode.Literal(key)}, {text})"
                : $".WithEnvironment({CSharpCode.Literal(key)}, {code.ComposeText(text)})";
        }
    }

    /// <summary>An unquoted whole number in the mapping form (<c>WORKERS: 1</c>), which compose keeps a number: the DSL's number overload says the same.</summary>
    private static bool IsPlainInteger(YamlNode environment, string key, string text) =>
        environment is YamlMappingNode mapping
        && mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain }
        && long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
        && number.ToString(System.Globalization.CultureInfo.InvariantCulture) == text;

    /// <summary>Short syntax: <c>[ip:][published:]target[/protocol]</c>.</summary>
    private static string Port(string text, YamlDotNet.Core.Mark at)
    {
        if (CSharpCode.HasVariable(text))
        {
            throw new ImportRefusal(at, $"the port '{text}' holds a variable, but Stack's ports are numbers it checks for clashes; write the numbers, and give an environment its own (MapPorts).");
        }

        var match = PortPattern().Match(text);
        if (!match.Success)
        {
            throw new ImportRefusal(at, $"the port '{text}' is not in compose's short syntax ([ip:][published:]target[/protocol]); the importer does not translate the long syntax yet.");
        }

        var target = PortRange(match.Groups["target"].Value, at);
        var protocol = match.Groups["protocol"].Success ? $", protocol: PortProtocol.{char.ToUpperInvariant(match.Groups["protocol"].Value[0])}{match.Groups["protocol"].Value[1..]}" : string.Empty;
        var ip = match.Groups["ip"].Success ? $", {CSharpCode.Address(match.Groups["ip"].Value.Trim('[', ']'), at)}" : string.Empty;
        return match.Groups["published"].Success
            ? $".WithPort({PortRange(match.Groups["published"].Value, at)}, {target}{(ip.Length > 0 ? ip : protocol.Length > 0 ? ", null" : string.Empty)}{protocol})"
            : $".WithPort(new PortMapping({target}){(ip.Length > 0 || protocol.Length > 0 ? " { " + string.Join(", ", new[] { ip.Length > 0 ? $"HostIp = {ip[2..]}" : null, protocol.Length > 0 ? $"Protocol = {protocol[12..]}" : null }.OfType<string>()) + " }" : string.Empty)})";
    }

    private static string PortRange(string text, YamlDotNet.Core.Mark at)
    {
        var parts = text.Split('-');
        return parts.Length switch
        {
            1 when int.TryParse(parts[0], CultureInfo.InvariantCulture, out var port) => CSharpCode.Number(port),
            2 when int.TryParse(parts[0], CultureInfo.InvariantCulture, out var start) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var end) => $"PortRange.Between({start}, {end})",
            _ => throw new ImportRefusal(at, $"'{text}' is not a port or a range of ports."),
        };
    }

    /// <summary>
    /// Short syntax: a named volume, an absolute or relative bind, or an anonymous volume, with the
    /// modes compose reads after the target (ro/rw, nocopy for a volume, an SELinux label and a
    /// propagation for a bind).
    /// </summary>
    private string Mount(string text, YamlDotNet.Core.Mark at)
    {
        var parts = ComposeReferences.Split(text, ':');
        if (parts.Length > 3)
        {
            throw new ImportRefusal(at, $"the mount '{text}' has more than source:target:modes.");
        }

        if (parts.Length == 1)
        {
            return $".WithAnonymousVolume({CSharpCode.Literal(parts[0])})";
        }

        var (source, target) = (parts[0], CSharpCode.Literal(parts[1]));
        var isVolume = volumes.TryGetValue(source, out var volume);
        if (!isVolume && !(source.StartsWith('/') || source.StartsWith('$') || source.StartsWith("~/", StringComparison.Ordinal) || source.StartsWith('.')))
        {
            // A name that is no declared volume and no path (/, $, ~/, .) is a mistake, not a project file.
            throw new ImportRefusal(at, $"the mount source '{source}' is neither a declared volume nor a path.");
        }

        var init = new List<string>();
        foreach (var mode in parts.Length == 3 ? parts[2].Split(',') : [])
        {
            init.Add((mode, isVolume) switch
            {
                ("ro", _) => "ReadOnly = true",
                ("rw", _) => string.Empty,
                ("nocopy", true) => "NoCopy = true",
                ("z", false) => "SeLinux = SeLinuxRelabel.Shared",
                ("Z", false) => "SeLinux = SeLinuxRelabel.Private",
                ("private" or "rprivate" or "shared" or "rshared" or "slave" or "rslave", false) => $"Propagation = BindPropagation.{PropagationName(mode)}",
                _ => throw new ImportRefusal(at, $"the mount '{text}' has the mode '{mode}', which the importer does not translate for a {(isVolume ? "volume" : "bind")} (ro, rw{(isVolume ? ", nocopy" : ", z, Z, and a propagation")})."),
            });
        }

        init.RemoveAll(i => i.Length == 0);
        var readOnly = init.Remove("ReadOnly = true");
        var from = isVolume ? volume! : HostPathCode(source, at, "bind source");
        if (init.Count == 0)
        {
            var ro = readOnly ? ", readOnly: true" : string.Empty;
            return isVolume ? $".WithVolume({from}, {target}{ro})" : $".WithBind({from}, {target}{ro})";
        }

        if (readOnly)
        {
            init.Insert(0, "ReadOnly = true");
        }

        return $".WithMount(new {(isVolume ? "VolumeMount" : "BindMount")}({from}, {target}) {{ {string.Join(", ", init)} }})";
    }

    private static string PropagationName(string mode) => mode[0] == 'r'
        ? "R" + char.ToUpperInvariant(mode[1]) + mode[2..]
        : char.ToUpperInvariant(mode[0]) + mode[1..];

    private IEnumerable<string> Networks(YamlNode value)
    {
        if (value is YamlSequenceNode)
        {
            return [$".WithNetworks({string.Join(", ", Nodes.Strings(value, "networks").Select(n => Network(n.Value, n.At)))})"];
        }

        return Nodes.Mapping(value, "networks").Children.Select(entry =>
        {
            var name = Nodes.Scalar(entry.Key, "a network");
            var network = Network(name, entry.Key.Start);
            if (entry.Value is YamlScalarNode scalar && Nodes.IsNull(scalar) || entry.Value is YamlMappingNode { Children.Count: 0 })
            {
                return $".WithNetworks({network})";
            }

            var settings = new List<string>();
            foreach (var (keyNode, setting) in Nodes.Mapping(entry.Value, $"network {name}").Children)
            {
                switch (Nodes.Scalar(keyNode, "a network setting"))
                {
                    case "aliases":
                        settings.Add($"Aliases = [{string.Join(", ", Nodes.Strings(setting, "aliases").Select(a => CSharpCode.Literal(a.Value)))}]");
                        break;
                    case "ipv4_address":
                        settings.Add($"Ipv4Address = {CSharpCode.Address(Nodes.Scalar(setting, "ipv4_address"), setting.Start)}");
                        break;
                    case "ipv6_address":
                        settings.Add($"Ipv6Address = {CSharpCode.Address(Nodes.Scalar(setting, "ipv6_address"), setting.Start)}");
                        break;
                    case var other:
                        throw new ImportRefusal(keyNode.Start, $"the network setting '{other}' is not translated by the importer yet.");
                }
            }

            return $".WithNetwork(new NetworkAttachment({network}) {{ {string.Join(", ", settings)} }})";
        });
    }

    private string Network(string name, YamlDotNet.Core.Mark at) =>
        networks.TryGetValue(name, out var network) ? network : throw new ImportRefusal(at, $"the network '{name}' is not declared under networks: (compose's 'default' is implicit in Stack: leave it out).");

    private IEnumerable<string> DependsOn(YamlNode value)
    {
        if (value is YamlSequenceNode)
        {
            return Nodes.Strings(value, "depends_on").Select(d => $".DependsOn({Service(d.Value, d.At)}, DependencyCondition.ServiceStarted)");
        }

        return Nodes.Mapping(value, "depends_on").Children.Select(entry =>
        {
            var target = Service(Nodes.Scalar(entry.Key, "a dependency"), entry.Key.Start);
            var settings = Nodes.Mapping(entry.Value, "a dependency");
            var condition = settings.Children.TryGetValue(new YamlScalarNode("condition"), out var c) ? Nodes.Scalar(c, "condition") : "service_started";
            var name = condition switch
            {
                "service_started" => "ServiceStarted",
                "service_healthy" => "ServiceHealthy",
                "service_completed_successfully" => "ServiceCompletedSuccessfully",
                _ => throw new ImportRefusal(entry.Value.Start, $"'{condition}' is not a depends_on condition."),
            };
            var init = new List<string>();
            foreach (var (keyNode, setting) in settings.Children)
            {
                switch (Nodes.Scalar(keyNode, "a dependency setting"))
                {
                    case "condition":
                        break;
                    case "restart":
                        init.Add($"Restart = {(Nodes.Bool(setting, "restart") ? "true" : "false")}");
                        break;
                    case "required":
                        init.Add($"Required = {(Nodes.Bool(setting, "required") ? "true" : "false")}");
                        break;
                    case var other:
                        throw new ImportRefusal(keyNode.Start, $"'{other}' is not a depends_on setting (condition, restart, required).");
                }
            }

            return init.Count == 0
                ? $".DependsOn({target}, DependencyCondition.{name})"
                : $".DependsOn(new Dependency({target}, DependencyCondition.{name}) {{ {string.Join(", ", init)} }})";
        });
    }

    /// <summary>A secret or config granted to the service: its name, or the long syntax's source, target, uid, gid and mode.</summary>
    private static string Grant(string method, string what, IReadOnlyDictionary<string, string> declared, YamlNode grant)
    {
        string Declared(string name, YamlDotNet.Core.Mark at) =>
            declared.TryGetValue(name, out var identifier) ? identifier : throw new ImportRefusal(at, $"the {what} '{name}' is not declared under {what}s:.");

        if (grant is YamlScalarNode)
        {
            return $".{method}({Declared(Nodes.Scalar(grant, what), grant.Start)})";
        }

        var entries = Nodes.Mapping(grant, what).Children.ToDictionary(e => Nodes.Scalar(e.Key, $"a {what} key"), e => e.Value, StringComparer.Ordinal);
        var source = entries.TryGetValue("source", out var s) ? Declared(Nodes.Scalar(s, "source"), s.Start) : throw new ImportRefusal(grant.Start, $"a {what} grant needs a source.");
        var arguments = new List<string> { source };
        foreach (var (key, value) in entries.Where(e => e.Key != "source"))
        {
            var text = Nodes.Scalar(value, key);
            arguments.Add(key switch
            {
                "target" or "uid" or "gid" when !CSharpCode.HasVariable(text) => $"{key}: {CSharpCode.Literal(text)}",
                "mode" => $"mode: {Mode(text, value)}",
                _ => throw new ImportRefusal(value.Start, $"the {what} grant key '{key}' is not translated by the importer{(CSharpCode.HasVariable(text) ? " when it holds a variable" : " yet")}."),
            });
        }

        return $".{method}({string.Join(", ", arguments)})";
    }

    /// <summary>A file mode: YAML's octal forms (0440, 0o440) as the octal they are, else a decimal number.</summary>
    private static string Mode(string text, YamlNode at)
    {
        var octal = text.StartsWith("0o", StringComparison.Ordinal) ? text[2..] : text.Length > 1 && text[0] == '0' ? text[1..] : null;
        if (octal is not null && octal.Length > 0 && octal.All(c => c is >= '0' and <= '7'))
        {
            return $"Convert.ToInt32({CSharpCode.Literal(octal)}, 8)";
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var mode)
            ? CSharpCode.Number(mode)
            : throw new ImportRefusal(at.Start, $"the mode '{text}' is not a number.");
    }

    /// <summary><c>env_file</c>: a path, a list of paths, or the long syntax's path (required: false and format are not typed by Stack).</summary>
    private IEnumerable<string> EnvFiles(YamlNode value)
    {
        foreach (var item in value is YamlSequenceNode list ? list.Children : [value])
        {
            if (item is YamlScalarNode)
            {
                yield return $".WithEnvFile({HostPathCode(Nodes.Scalar(item, "env_file"), item.Start, "env_file")})";
                continue;
            }

            var entries = Nodes.Mapping(item, "an env_file").Children.ToDictionary(e => Nodes.Scalar(e.Key, "an env_file key"), e => e.Value, StringComparer.Ordinal);
            var unknown = entries.Keys.FirstOrDefault(k => k is not ("path" or "required"));
            if (unknown is not null || entries.TryGetValue("required", out var required) && !Nodes.Bool(required, "required"))
            {
                throw new ImportRefusal(item.Start, $"env_file's {unknown ?? "required: false"} is not typed by Stack; a Stack env file must exist (keep it in the project, or move its variables into the definition).");
            }

            var path = entries.TryGetValue("path", out var p) ? Nodes.Scalar(p, "path") : throw new ImportRefusal(item.Start, "an env_file entry needs a path.");
            yield return $".WithEnvFile({HostPathCode(path, item.Start, "env_file")})";
        }
    }

    private string? currentService;

    /// <summary>Whether this mount is the one the generator now writes (Traefik's static config).</summary>
    private bool IsReplaced(YamlNode mount) =>
        ReplacedMount is { } replaced && replaced.Service == currentService && TraefikStatic.MountTarget(mount) == replaced.Target;

    private string Service(string name, YamlDotNet.Core.Mark at) =>
        services.TryGetValue(name, out var service) ? service : throw new ImportRefusal(at, $"the service '{name}' is not in the file.");

    private string Healthcheck(YamlMappingNode healthcheck)
    {
        string? test = null;
        var settings = new List<string>();
        foreach (var (keyNode, value) in healthcheck.Children)
        {
            var key = Nodes.Scalar(keyNode, "a healthcheck key");
            switch (key)
            {
                case "test":
                    test = value switch
                    {
                        YamlScalarNode scalar => $"HealthcheckTest.Shell({code.ComposeText(Nodes.Scalar(scalar, "test"))})",
                        YamlSequenceNode sequence => Test(sequence),
                        _ => throw new ImportRefusal(value.Start, "a healthcheck test must be a string or a list."),
                    };
                    break;
                case "disable" when Nodes.Bool(value, "disable"):
                    return ".WithHealthcheck(Healthcheck.Disabled)";
                case "interval" or "timeout" or "start_period" or "start_interval":
                    settings.Add($"{Pascal(key)} = {Duration(Nodes.Scalar(value, key), value)}");
                    break;
                case "retries":
                    settings.Add($"Retries = {Int(value, "retries")}");
                    break;
                default:
                    throw new ImportRefusal(keyNode.Start, $"the healthcheck key '{key}' is not translated by the importer yet.");
            }
        }

        return test is null
            ? throw new ImportRefusal(healthcheck.Start, "a healthcheck without a test is not translated by the importer yet.")
            : $".WithHealthcheck(new Healthcheck({test}){(settings.Count > 0 ? " { " + string.Join(", ", settings) + " }" : string.Empty)})";
    }

    private string Test(YamlSequenceNode sequence)
    {
        var items = Nodes.Strings(sequence, "test");
        return items[0].Value switch
        {
            "NONE" => "HealthcheckTest.None",
            "CMD-SHELL" when items.Count == 2 => $"HealthcheckTest.Shell({code.ComposeText(items[1].Value)})",
            "CMD" => $"HealthcheckTest.Exec({string.Join(", ", items.Skip(1).Select(i => code.ComposeText(i.Value)))})",
            _ => throw new ImportRefusal(sequence.Start, "a healthcheck test list starts with CMD, CMD-SHELL (and one command) or NONE."),
        };
    }

    private static string ExtraHost(string host, string? address, YamlDotNet.Core.Mark at)
    {
        // The list form is "host:ip" (or "host=ip"); an IPv6 address holds ':' too.
        if (address is null)
        {
            var colon = host.IndexOf(':', StringComparison.Ordinal);
            (host, address) = colon < 0 ? throw new ImportRefusal(at, $"the extra host '{host}' has no address.") : (host[..colon], host[(colon + 1)..]);
        }

        return $".WithExtraHost(new ExtraHost({CSharpCode.Literal(host)}, {CSharpCode.Literal(address)}))";
    }

    private string Logging(YamlMappingNode logging)
    {
        var driver = logging.Children.TryGetValue(new YamlScalarNode("driver"), out var d) ? Nodes.Scalar(d, "driver") : "json-file";
        var options = logging.Children.TryGetValue(new YamlScalarNode("options"), out var o)
            ? Nodes.Pairs(o, "logging options").Select(p => $".WithOption({CSharpCode.Literal(p.Key)}, {code.ComposeText(p.Value ?? string.Empty)})")
            : [];
        return $".WithLogging(new Logging({CSharpCode.Literal(driver)}){string.Concat(options)})";
    }

    /// <summary>A Go duration (<c>1m30s</c>, <c>500ms</c>) as a TimeSpan expression.</summary>
    internal static string Duration(string text, YamlNode at)
    {
        var parts = DurationPart().Matches(text);
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != text)
        {
            throw new ImportRefusal(at.Start, $"'{text}' is not a duration (such as 30s, 1m30s).");
        }

        var milliseconds = parts.Sum(p => double.Parse(p.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * p.Groups[2].Value switch
        {
            "h" => 3_600_000, "m" => 60_000, "s" => 1000, "ms" => 1, "us" => 0.001, _ => 0.000001,
        });
        return milliseconds % 1000 == 0
            ? $"TimeSpan.FromSeconds({(milliseconds / 1000).ToString(CultureInfo.InvariantCulture)})"
            : $"TimeSpan.FromMilliseconds({milliseconds.ToString(CultureInfo.InvariantCulture)})";
    }

    /// <summary>A decimal number as a C# literal; anything else is refused at its line.</summary>
    private static string Decimal(YamlNode node, string what) =>
        decimal.TryParse(Nodes.Scalar(node, what), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(CultureInfo.InvariantCulture) + "m"
            : throw new ImportRefusal(node.Start, $"{what} must be a number such as 0.5.");

    /// <summary>A required key of a mapping.</summary>
    private static YamlNode Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : throw new ImportRefusal(mapping.Start, $"this needs a {key}.");

    /// <summary>
    /// The DSL enum member compose's value names, spelled as compose spells it (ReplicatedJob is
    /// replicated-job, OnFailure on-failure), or a refusal listing those spellings.
    /// </summary>
    private static string Member<TEnum>(YamlNode node, string what)
        where TEnum : struct, Enum
    {
        var text = Nodes.Scalar(node, what);
        static string Spelled(string member) => string.Concat(member.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
        return Enum.GetNames<TEnum>().FirstOrDefault(n => Spelled(n) == text)
            ?? throw new ImportRefusal(node.Start, $"{what} '{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>().Select(Spelled))}.");
    }

    private static string Pascal(string key) => string.Concat(key.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    [GeneratedRegex(@"^(?:(?<ip>\[[0-9a-fA-F:.]+\]|[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}):)?(?:(?<published>[0-9]+(?:-[0-9]+)?):)?(?<target>[0-9]+(?:-[0-9]+)?)(?:/(?<protocol>tcp|udp|sctp))?$")]
    private static partial Regex PortPattern();

    [GeneratedRegex(@"^([0-9]{1,12}(?:\.[0-9]{1,6})?)\s*([bkmgBKMG]?)[bB]?$")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"([0-9]{1,9}(?:\.[0-9]{1,9})?)(h|ms|m|s|us|ns)")]
    private static partial Regex DurationPart();
}
