using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>What a service names elsewhere in the file: networks, dependencies, secrets, configs, env files, other services.</summary>
internal sealed partial class ServiceImporter
{
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

    private string Service(string name, YamlDotNet.Core.Mark at) =>
        services.TryGetValue(name, out var service) ? service : throw new ImportRefusal(at, $"the service '{name}' is not in the file.");
}
