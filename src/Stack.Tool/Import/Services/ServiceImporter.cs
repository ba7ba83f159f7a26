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

            try
            {
                lines.AddRange(Key(name, key, value, keyNode));
            }
            catch (ImportRefusal refusal) when (refusal.At.Equals(YamlDotNet.Core.Mark.Empty) && refusal.Text is { } text)
            {
                throw new ImportRefusal(Nodes.Find(value, text)?.Start ?? value.Start, refusal.Message);
            }
        }

        // The base's risks are accepted from what the rules find in the model (ComposeImporter.CarryRisks).
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
            case "expose": return [$".WithExpose({string.Join(", ", Nodes.Strings(value, "expose").Select(p => Exposed(p.Value, p.At)))})"];
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
            case "pull_policy": return [$".WithPullPolicy(PullPolicy.{Member<Stack.Dsl.Compose.PullPolicy>(value, key)})"];
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
                    _ when mode.StartsWith("container:", StringComparison.Ordinal) && !CSharpCode.HasVariable(mode) => $"NetworkMode.OfContainer({CSharpCode.Literal(mode["container:".Length..])})",
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
            if (text is not null && !IsPlainInteger(value, key, text) && IsPlain(value, key) && YamlNumber(text) is var (number, intent))
            {
                // YAML reads the plain scalar as a number, so Compose sets what the number prints as, which is probably not what was typed.
                yield return CSharpCode.Comment($"TODO(import): {key}: {text} is {intent}; if the text {text} was meant, quote it in the compose file or write \"{text}\" here.");
                yield return number is { } n ? $".WithEnvironment({CSharpCode.Literal(key)}, {CSharpCode.Number(n)})" : $".WithEnvironment({CSharpCode.Literal(key)}, {code.ComposeText(text)})";
                continue;
            }

            yield return text is null ? $".WithEnvironment({CSharpCode.Literal(key)}, EnvironmentValue.PassThrough)"
                : IsPlainInteger(value, key, text) ? $".WithEnvironment({CSharpCode.Literal(key)}, {text})"
                : $".WithEnvironment({CSharpCode.Literal(key)}, {code.ComposeText(text)})";
        }
    }

    /// <summary>
    /// A plain scalar YAML reads as a number other than its own text: an octal (<c>022</c>) or hex
    /// (<c>0x1F</c>) integer, which every Compose reads as that number (18, 31), so the number is
    /// kept; or a float, an integer with <c>_</c>, a base-60 value (<c>1.00</c>, <c>1_000</c>,
    /// <c>1:30</c>), which Compose versions print differently (1.x <c>1.0</c>, v2 <c>1</c>), so the
    /// text is kept. Either way the TODO says so; null for any other text.
    /// </summary>
    private static (long? Number, string Intent)? YamlNumber(string text)
    {
        if (text.Length > 1 && text[0] == '0' && text.All(c => c is >= '0' and <= '7'))
        {
            var octal = Convert.ToInt64(text, 8);
            return (octal, $"the octal number {octal} to YAML, so Compose sets {octal}");
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && text.Length is > 2 and < 16 && text[2..].All(char.IsAsciiHexDigit))
        {
            var hex = Convert.ToInt64(text[2..], 16);
            return (hex, $"the hexadecimal number {hex} to YAML, so Compose sets {hex}");
        }

        return YamlFloatOrSexagesimal().IsMatch(text)
            ? (null, "a number to YAML, which Compose versions print differently (docker-compose 1.x as a float such as 1.0 or as base 60, Compose v2 as 1 or as text); written as the text, which is probably what was meant")
            : null;
    }

    /// <summary>An exposed port with its protocol: <c>/tcp</c> is the default, <c>/udp</c> and <c>/sctp</c> are kept.</summary>
    private static string Exposed(string text, YamlDotNet.Core.Mark at)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var ports = PortRange(text[..(slash < 0 ? text.Length : slash)], at);
        return (slash < 0 ? "tcp" : text[(slash + 1)..]) switch
        {
            "tcp" => ports,
            "udp" => $"new ExposedPort({ports}, PortProtocol.Udp)",
            "sctp" => $"new ExposedPort({ports}, PortProtocol.Sctp)",
            var other => throw new ImportRefusal(at, $"expose '{text}' names the protocol '{other}', which is none of tcp, udp and sctp; write one of them."),
        };
    }

    private static bool IsPlain(YamlNode environment, string key) =>
        environment is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain };

    [System.Text.RegularExpressions.GeneratedRegex(@"^[-+]?(?:[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|[0-9][0-9_]*_[0-9_]*|[1-9][0-9_]*(?::[0-5]?[0-9])+)$")]
    private static partial System.Text.RegularExpressions.Regex YamlFloatOrSexagesimal();

    /// <summary>An unquoted whole number in the mapping form (<c>WORKERS: 1</c>), which compose keeps a number: the DSL's number overload says the same.</summary>
    private static bool IsPlainInteger(YamlNode environment, string key, string text) =>
        environment is YamlMappingNode mapping
        && mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain }
        && long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
        && number.ToString(System.Globalization.CultureInfo.InvariantCulture) == text;

    private string? currentService;
}
