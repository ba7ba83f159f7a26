using System.Globalization;
using System.Text.Json;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Values;

namespace Stack.Engine.Tests.Reference;

/// <summary>
/// A container described as comparable facts, field by field ("restart", "mount", "port", ...):
/// once from the C# model of its service, once from <c>docker inspect</c>. Collections are always
/// compared; a scalar the model leaves unset is the image's or the engine's default and is not.
/// </summary>
internal static class ContainerFacts
{
    /// <summary>What the model says the engine should hold for <paramref name="service"/> (as the generator emits it).</summary>
    public static SortedDictionary<string, SortedSet<string>> Expected(Service service, ComposeStack stack, Context context)
    {
        var facts = new Facts();
        if (service.ContainerName is { } name)
        {
            facts.Add("container_name", context.Render(name));
        }

        facts.Add("restart", service.Restart?.Value ?? "no");
        if (service.NetworkMode is { } mode)
        {
            facts.Add("network_mode", mode.Value);
        }
        else
        {
            facts.Declare("network");
            facts.Declare("alias");
            var attachments = service.Networks.IsEmpty ? [new NetworkAttachment(new Network("default"))] : service.Networks;
            foreach (var attachment in attachments)
            {
                var real = StackResources.RealName(attachment.Network, stack.Name);
                facts.Add("network", real);
                foreach (var alias in attachment.Aliases)
                {
                    facts.Add("alias", $"{real} {alias}");
                }

                if (attachment.Ipv4Address is { } ip)
                {
                    facts.Add("ipv4", $"{real} {ip}");
                }
            }
        }

        facts.Declare("mount");
        foreach (var mount in service.Volumes)
        {
            var access = mount.ReadOnly ? "ro" : "rw";
            facts.Add("mount", mount switch
            {
                VolumeMount volume => $"volume {StackResources.RealName(volume.Volume, stack.Name)} -> {mount.Target} {access}",
                BindMount bind => $"bind {context.HostPath(bind.Source)} -> {mount.Target} {access}",
                _ => throw new NotSupportedException(mount.GetType().Name),
            });
        }

        facts.Declare("tmpfs");
        foreach (var tmpfs in service.Tmpfs)
        {
            facts.Add("tmpfs", tmpfs.Target);
        }

        facts.Declare("port");
        foreach (var port in service.Ports)
        {
            var protocol = port.Protocol.ToString().ToLowerInvariant();
            var host = port.HostIp?.ToString() ?? string.Empty;
            for (var offset = 0; offset < port.Target.Length; offset++)
            {
                var published = port.Published switch
                {
                    null => string.Empty,
                    { } range when port.Target.IsRange => (range.Start + offset).ToString(CultureInfo.InvariantCulture),
                    { } range => range.ToString(),
                };
                facts.Add("port", $"{port.Target.Start + offset}/{protocol} <- {host}:{published}");
            }
        }

        facts.Declare("expose");
        foreach (var exposed in service.Expose)
        {
            for (var p = exposed.Ports.Start; p <= exposed.Ports.End; p++)
            {
                facts.Add("expose", $"{p}/{exposed.Protocol.ToString().ToLowerInvariant()}");
            }
        }

        facts.Declare("cap_add");
        facts.Declare("cap_drop");
        foreach (var capability in service.CapAdd)
        {
            facts.Add("cap_add", Capability(capability));
        }

        foreach (var capability in service.CapDrop)
        {
            facts.Add("cap_drop", Capability(capability));
        }

        if (service.Healthcheck is { } check)
        {
            facts.Add("healthcheck.test", check.Test switch
            {
                ShellHealthcheckTest shell => $"CMD-SHELL|{context.Render(shell.Command)}",
                ExecHealthcheckTest exec => "CMD|" + string.Join('|', exec.Arguments.Select(context.Render)),
                _ => "NONE",
            });
            AddDuration(facts, "healthcheck.interval", check.Interval);
            AddDuration(facts, "healthcheck.timeout", check.Timeout);
            AddDuration(facts, "healthcheck.start_period", check.StartPeriod);
            if (check.Retries is { } retries)
            {
                facts.Add("healthcheck.retries", retries.ToString(CultureInfo.InvariantCulture));
            }
        }

        facts.Declare("label");
        foreach (var label in service.Labels.Select(l => new ServiceLabel(l.Key, l.Value)).Concat(TraefikLabels.For(service).Where(l => !service.Labels.ContainsKey(l.Key))))
        {
            facts.Add("label", $"{label.Key}={context.Render(label.Value)}");
        }

        facts.Declare("env");
        foreach (var (key, value) in service.Environment)
        {
            switch (value)
            {
                case TextEnvironmentValue text:
                    facts.Add("env", text.Value.Variables.Any(v => v.IsSecret) ? $"{key}=(secret)" : $"{key}={context.Render(text.Value)}");
                    break;
                case NumberEnvironmentValue number:
                    facts.Add("env", $"{key}={number.Value.ToString(CultureInfo.InvariantCulture)}");
                    break;
                default:
                    facts.Add("env", $"{key}=(passed through)");
                    break;
            }
        }

        if (service.Command is ExecCommandLine command)
        {
            facts.Add("command", string.Join('|', command.Arguments.Select(context.Render)));
        }

        if (service.Entrypoint is ExecCommandLine entrypoint)
        {
            facts.Add("entrypoint", string.Join('|', entrypoint.Arguments.Select(context.Render)));
        }

        AddText(facts, "hostname", service.Hostname, context);
        AddText(facts, "user", service.User, context);
        if (service.WorkingDir is { } workingDir)
        {
            facts.Add("working_dir", workingDir);
        }

        if (service.Init is { } init)
        {
            facts.Add("init", init ? "true" : "false");
        }

        if (service.ReadOnly is { } readOnly)
        {
            facts.Add("read_only", readOnly ? "true" : "false");
        }

        facts.Declare("security_opt");
        foreach (var option in service.SecurityOpt)
        {
            facts.Add("security_opt", option);
        }

        facts.Declare("extra_host");
        foreach (var host in service.ExtraHosts)
        {
            facts.Add("extra_host", $"{host.HostName}:{host.Address}");
        }

        if (service.StopGracePeriod is { } grace)
        {
            facts.Add("stop_grace_period", ((int)grace.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }

        return facts.All;
    }

    /// <summary>The same fields, read off <c>docker inspect</c>; only <paramref name="fields"/> are read.</summary>
    public static SortedDictionary<string, SortedSet<string>> Actual(JsonElement container, IReadOnlySet<string> imageEnvironment, IReadOnlyCollection<string> fields, string serviceName, string secretMarker)
    {
        var facts = new Facts();
        var config = container.GetProperty("Config");
        var host = container.GetProperty("HostConfig");
        var environment = Strings(config, "Env").Select(e => e.Split('=', 2)).Where(e => !imageEnvironment.Contains(e[0])).ToList();
        foreach (var field in fields)
        {
            facts.Declare(field);
            switch (field)
            {
                case "container_name":
                    facts.Add(field, container.GetProperty("Name").GetString()!.TrimStart('/'));
                    break;
                case "restart":
                    var policy = host.GetProperty("RestartPolicy");
                    var name = policy.GetProperty("Name").GetString() is { Length: > 0 } n ? n : "no";
                    var retries = policy.GetProperty("MaximumRetryCount").GetInt32();
                    facts.Add(field, retries > 0 ? $"{name}:{retries}" : name);
                    break;
                case "network_mode":
                    facts.Add(field, host.GetProperty("NetworkMode").GetString()!);
                    break;
                case "network" or "alias" or "ipv4":
                    var id = container.GetProperty("Id").GetString()!;
                    foreach (var network in container.GetProperty("NetworkSettings").GetProperty("Networks").EnumerateObject())
                    {
                        if (field == "network")
                        {
                            facts.Add(field, network.Name);
                        }
                        else if (field == "alias")
                        {
                            // Compose adds the service name and the container's short id; the engine adds the host name at start.
                            var hostname = config.GetProperty("Hostname").GetString();
                            foreach (var alias in Strings(network.Value, "Aliases").Where(a => a != serviceName && a != hostname && !id.StartsWith(a, StringComparison.Ordinal)))
                            {
                                facts.Add(field, $"{network.Name} {alias}");
                            }
                        }
                        else if (network.Value.TryGetProperty("IPAMConfig", out var ipam) && ipam.ValueKind == JsonValueKind.Object && ipam.TryGetProperty("IPv4Address", out var ip))
                        {
                            facts.Add(field, $"{network.Name} {ip.GetString()}");
                        }
                    }

                    break;
                case "mount":
                    foreach (var mount in container.GetProperty("Mounts").EnumerateArray())
                    {
                        var type = mount.GetProperty("Type").GetString();
                        if (type is "volume" or "bind")
                        {
                            var source = type == "volume" ? mount.GetProperty("Name").GetString() : mount.GetProperty("Source").GetString();
                            facts.Add(field, $"{type} {source} -> {mount.GetProperty("Destination").GetString()} {(mount.GetProperty("RW").GetBoolean() ? "rw" : "ro")}");
                        }
                    }

                    break;
                case "tmpfs":
                    if (host.TryGetProperty("Tmpfs", out var tmpfs) && tmpfs.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var target in tmpfs.EnumerateObject())
                        {
                            facts.Add(field, target.Name);
                        }
                    }

                    break;
                case "port":
                    if (host.GetProperty("PortBindings") is { ValueKind: JsonValueKind.Object } bindings)
                    {
                        foreach (var binding in bindings.EnumerateObject())
                        {
                            foreach (var to in binding.Value.EnumerateArray())
                            {
                                facts.Add(field, $"{binding.Name} <- {to.GetProperty("HostIp").GetString()}:{to.GetProperty("HostPort").GetString()}");
                            }
                        }
                    }

                    break;
                case "expose":
                    if (config.TryGetProperty("ExposedPorts", out var exposed) && exposed.ValueKind == JsonValueKind.Object)
                    {
                        // Published ports are exposed too; the model lists them under "port".
                        var published = host.GetProperty("PortBindings") is { ValueKind: JsonValueKind.Object } b ? b.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
                        foreach (var port in exposed.EnumerateObject().Where(p => !published.Contains(p.Name)))
                        {
                            facts.Add(field, port.Name);
                        }
                    }

                    break;
                case "cap_add" or "cap_drop":
                    foreach (var capability in Strings(host, field == "cap_add" ? "CapAdd" : "CapDrop"))
                    {
                        facts.Add(field, Capability(capability));
                    }

                    break;
                case "healthcheck.test":
                    facts.Add(field, string.Join('|', Strings(config.GetProperty("Healthcheck"), "Test")));
                    break;
                case "healthcheck.interval" or "healthcheck.timeout" or "healthcheck.start_period" or "healthcheck.retries":
                    var key = field switch { "healthcheck.interval" => "Interval", "healthcheck.timeout" => "Timeout", "healthcheck.start_period" => "StartPeriod", _ => "Retries" };
                    facts.Add(field, config.GetProperty("Healthcheck").GetProperty(key).GetInt64().ToString(CultureInfo.InvariantCulture));
                    break;
                case "label":
                    foreach (var label in config.GetProperty("Labels").EnumerateObject().Where(l => !l.Name.StartsWith("com.docker.compose.", StringComparison.Ordinal)))
                    {
                        facts.Add(field, $"{label.Name}={label.Value.GetString()}");
                    }

                    break;
                case "env":
                    foreach (var variable in environment)
                    {
                        facts.Add(field, variable[1].Contains(secretMarker, StringComparison.Ordinal) ? $"{variable[0]}=(secret)" : $"{variable[0]}={variable[1]}");
                    }

                    break;
                case "command":
                    facts.Add(field, string.Join('|', Strings(config, "Cmd")));
                    break;
                case "entrypoint":
                    facts.Add(field, string.Join('|', Strings(config, "Entrypoint")));
                    break;
                case "hostname":
                    facts.Add(field, config.GetProperty("Hostname").GetString()!);
                    break;
                case "user":
                    facts.Add(field, config.GetProperty("User").GetString()!);
                    break;
                case "working_dir":
                    facts.Add(field, config.GetProperty("WorkingDir").GetString()!);
                    break;
                case "init":
                    facts.Add(field, host.TryGetProperty("Init", out var init) && init.ValueKind == JsonValueKind.True ? "true" : "false");
                    break;
                case "read_only":
                    facts.Add(field, host.GetProperty("ReadonlyRootfs").GetBoolean() ? "true" : "false");
                    break;
                case "security_opt":
                    foreach (var option in Strings(host, "SecurityOpt"))
                    {
                        facts.Add(field, option);
                    }

                    break;
                case "extra_host":
                    foreach (var extra in Strings(host, "ExtraHosts"))
                    {
                        facts.Add(field, extra);
                    }

                    break;
                case "stop_grace_period":
                    facts.Add(field, config.TryGetProperty("StopTimeout", out var stop) ? stop.GetInt32().ToString(CultureInfo.InvariantCulture) : "10");
                    break;
                default:
                    throw new NotSupportedException($"No engine reading for '{field}'.");
            }
        }

        return facts.All;
    }

    private static IEnumerable<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetString()!)
            : [];

    private static string Capability(string name) => name.StartsWith("CAP_", StringComparison.Ordinal) ? name["CAP_".Length..] : name;

    private static void AddDuration(Facts facts, string field, TimeSpan? value)
    {
        if (value is { } duration)
        {
            facts.Add(field, (duration.Ticks * 100).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void AddText(Facts facts, string field, ComposeString? value, Context context)
    {
        if (value is not null)
        {
            facts.Add(field, context.Render(value));
        }
    }

    /// <summary>What turns model values into what the engine holds: variable values and folders.</summary>
    /// <param name="Values">Each variable's value, as compose substituted it.</param>
    /// <param name="DefinitionDirectory">Where project files are.</param>
    /// <param name="OutputDirectory">Where the generated files are.</param>
    internal sealed record Context(IReadOnlyDictionary<string, string> Values, string DefinitionDirectory, string OutputDirectory)
    {
        public string Render(ComposeString value) =>
            string.Concat(value.Parts.Select(p => p.Variable is { } variable ? Values[variable.Name] : p.Text));

        public string HostPath(Dsl.Compose.HostPath path) => path switch
        {
            AbsoluteHostPath absolute => Render(absolute.Path),
            ProjectHostPath project => Path.GetFullPath(Path.Combine(DefinitionDirectory, project.RelativePath)),
            OutputHostPath output => Path.Combine(OutputDirectory, output.FileName),
            _ => throw new NotSupportedException(path.GetType().Name),
        };
    }

    /// <summary>Facts by field; a declared field is compared even when empty.</summary>
    private sealed class Facts
    {
        public SortedDictionary<string, SortedSet<string>> All { get; } = new(StringComparer.Ordinal);

        public void Declare(string field)
        {
            if (!All.ContainsKey(field))
            {
                All[field] = new SortedSet<string>(StringComparer.Ordinal);
            }
        }

        public void Add(string field, string fact)
        {
            Declare(field);
            All[field].Add(fact);
        }
    }
}
