using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>
/// A compose file as a single-file C# definition (<c>stack.cs</c>): variables declared once, then
/// networks, volumes and services as the DSL writes them. Every problem is collected and reported
/// at its line; with any, nothing is returned.
/// </summary>
internal static class ComposeImporter
{
    private static readonly HashSet<string> TopLevel = new(StringComparer.Ordinal) { "version", "name", "services", "networks", "volumes" };

    /// <summary>The C#, or the errors.</summary>
    public static (string? Code, IReadOnlyList<ImportError> Errors) Import(string file, string yaml, string packageVersion, string fallbackName)
    {
        var errors = new List<ImportError>();
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping || !mapping.Children.ContainsKey(new YamlScalarNode("services")))
            {
                var at = stream.Documents.Count > 0 ? stream.Documents[0].RootNode.Start : Mark.Empty;
                return (null, [new ImportError(file, at, "this is not a compose file: a compose file is one YAML mapping with a services: key.")]);
            }

            root = mapping;
        }
        catch (YamlException invalid)
        {
            return (null, [new ImportError(file, invalid.Start, $"the YAML does not parse: {invalid.Message}")]);
        }

        var code = new CSharpCode();
        var body = new StringBuilder();
        void Guard(Action write)
        {
            try
            {
                write();
            }
            catch (ImportRefusal refusal)
            {
                errors.Add(new ImportError(file, refusal.At, refusal.Message));
            }
        }

        foreach (var (key, _) in root.Children)
        {
            var name = key is YamlScalarNode { Value: { } k } ? k : string.Empty;
            if (!TopLevel.Contains(name) && !name.StartsWith("x-", StringComparison.Ordinal))
            {
                errors.Add(new ImportError(file, key.Start, $"the top-level key '{name}' is not translated by the importer yet (it reads name, services, networks and volumes)."));
            }
        }

        var stackName = root.Children.TryGetValue(new YamlScalarNode("name"), out var nameNode) && nameNode is YamlScalarNode { Value: { } n } ? n : fallbackName;
        var networks = Declare(root, "networks", "Network", errors, file, body, code, Guard);
        var volumes = Declare(root, "volumes", "Volume", errors, file, body, code, Guard);
        var services = Nodes.Mapping(root.Children[new YamlScalarNode("services")], "services").Children
            .ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => CSharpCode.Identifier(((YamlScalarNode)e.Key).Value!), StringComparer.Ordinal);
        var importer = new ServiceImporter(code, networks, volumes, services);
        foreach (var (key, value) in Nodes.Mapping(root.Children[new YamlScalarNode("services")], "services").Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            Guard(() =>
            {
                var chain = importer.Chain(name, Nodes.Mapping(value, $"service {name}")).ToList();
                body.Append("    var ").Append(services[name]).Append(" = ").Append(chain[0]);
                foreach (var link in chain.Skip(1))
                {
                    body.Append("\n        ").Append(link);
                }

                body.Append(";\n\n");
            });
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var text = new StringBuilder();
        text.Append("#:package Stack.Dsl@").Append(packageVersion).Append('\n');
        text.Append("// Imported from ").Append(Path.GetFileName(file)).Append(" by `stack import`. `dotnet run stack.cs` writes generated/;\n");
        text.Append("// the build shows what the stack misses (STKnnnn) at its line. TODO(import) marks what Stack does not type.\n");
        var used = body.ToString();
        text.Append(used.Contains("IPAddress.", StringComparison.Ordinal) ? "using System.Net;\n" : string.Empty);
        text.Append("using Stack.Dsl.Cli;\nusing Stack.Dsl.Compose;\n");
        text.Append(code.Variables.Count > 0 || used.Contains("(ComposeString)", StringComparison.Ordinal) ? "using Stack.Dsl.Values;\n" : string.Empty);
        text.Append(used.Contains("YamlValue.", StringComparison.Ordinal) ? "using Stack.Dsl.Yaml;\n" : string.Empty);
        text.Append('\n');
        text.Append("return StackCli.Run(args, Build);\n\nstatic ComposeStack Build()\n{\n");
        foreach (var (name, identifier) in code.Variables)
        {
            text.Append("    var ").Append(identifier).Append(" = new Variable(").Append(CSharpCode.Literal(name)).Append(");\n");
        }

        if (code.Variables.Count > 0)
        {
            text.Append('\n');
        }

        text.Append(body);
        text.Append("    return new ComposeStack(").Append(CSharpCode.Literal(stackName)).Append(')');
        if (code.Variables.Count > 0)
        {
            text.Append("\n        .WithVariables(").Append(string.Join(", ", code.Variables.Values)).Append(')');
        }

        if (networks.Count > 0)
        {
            text.Append("\n        .WithNetworks(").Append(string.Join(", ", networks.Values)).Append(')');
        }

        if (volumes.Count > 0)
        {
            text.Append("\n        .WithVolumes(").Append(string.Join(", ", volumes.Values)).Append(')');
        }

        text.Append("\n        .WithServices(").Append(string.Join(", ", services.Values)).Append(");\n}\n");
        return (text.ToString(), []);
    }

    /// <summary>Declares each top-level network or volume as a local; returns name to identifier.</summary>
    private static Dictionary<string, string> Declare(
        YamlMappingNode root, string section, string type, List<ImportError> errors, string file, StringBuilder body, CSharpCode code, Action<Action> guard)
    {
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.Children.TryGetValue(new YamlScalarNode(section), out var node))
        {
            return declared;
        }

        foreach (var (key, value) in Nodes.Mapping(node, section).Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            var identifier = CSharpCode.Identifier(name) + type;
            declared[name] = identifier;
            guard(() =>
            {
                var chain = new StringBuilder($"new {type}({CSharpCode.Literal(name)})");
                if (value is YamlMappingNode settings)
                {
                    foreach (var (settingKey, setting) in settings.Children)
                    {
                        chain.Append(Setting(type, Nodes.Scalar(settingKey, "a setting"), setting, settingKey, code));
                    }
                }

                body.Append("    var ").Append(identifier).Append(" = ").Append(chain).Append(";\n");
            });
        }

        body.Append('\n');
        return declared;
    }

    private static string Ipam(YamlMappingNode ipam, CSharpCode code)
    {
        var settings = new List<string>();
        foreach (var (keyNode, value) in ipam.Children)
        {
            switch (Nodes.Scalar(keyNode, "an ipam key"))
            {
                case "driver":
                    settings.Add($"Driver = {CSharpCode.Literal(Nodes.Scalar(value, "driver"))}");
                    break;
                case "config":
                    var pools = ((value as YamlSequenceNode) ?? throw new ImportRefusal(value.Start, "ipam config must be a list.")).Children.Select(pool =>
                    {
                        var entries = Nodes.Mapping(pool, "an ipam pool").Children.ToDictionary(e => Nodes.Scalar(e.Key, "a pool key"), e => e.Value, StringComparer.Ordinal);
                        var init = new List<string>();
                        foreach (var (key, node) in entries.Where(e => e.Key != "subnet"))
                        {
                            init.Add(key switch
                            {
                                "ip_range" => $"IpRange = IPNetwork.Parse({CSharpCode.Literal(Nodes.Scalar(node, key))})",
                                "gateway" => $"Gateway = IPAddress.Parse({CSharpCode.Literal(Nodes.Scalar(node, key))})",
                                "aux_addresses" => $"AuxAddresses = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [{string.Join(", ", Nodes.Pairs(node, key).Select(p => $"KeyValuePair.Create({CSharpCode.Literal(p.Key)}, IPAddress.Parse({CSharpCode.Literal(p.Value ?? string.Empty)}))"))}])",
                                _ => throw new ImportRefusal(node.Start, $"the ipam pool key '{key}' is not translated by the importer yet."),
                            });
                        }

                        var subnet = entries.TryGetValue("subnet", out var s) ? Nodes.Scalar(s, "subnet") : throw new ImportRefusal(pool.Start, "an ipam pool without a subnet is not translated by the importer yet.");
                        return $"new IpamPool(IPNetwork.Parse({CSharpCode.Literal(subnet)})){(init.Count > 0 ? " { " + string.Join(", ", init) + " }" : string.Empty)}";
                    });
                    settings.Add($"Pools = [{string.Join(", ", pools)}]");
                    break;
                case "options":
                    settings.Add($"Options = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [{string.Join(", ", Nodes.Pairs(value, "options").Select(p => $"KeyValuePair.Create({CSharpCode.Literal(p.Key)}, (ComposeString){code.ComposeText(p.Value ?? string.Empty)})"))}])");
                    break;
                case var other:
                    throw new ImportRefusal(keyNode.Start, $"the ipam key '{other}' is not translated by the importer yet.");
            }
        }

        return $".WithIpam(new NetworkIpam {{ {string.Join(", ", settings)} }})";
    }

    private static string Setting(string type, string key, YamlNode value, YamlNode keyNode, CSharpCode code) => key switch
    {
        "external" when Nodes.Bool(value, key) => ".AsExternal()",
        "external" => string.Empty,
        "internal" when type == "Network" && Nodes.Bool(value, key) => ".AsInternal()",
        "attachable" when type == "Network" && Nodes.Bool(value, key) => ".AsAttachable()",
        "internal" or "attachable" when type == "Network" => string.Empty,
        "enable_ipv6" when type == "Network" => $".WithIpv6({(Nodes.Bool(value, key) ? "true" : "false")})",
        "ipam" when type == "Network" => Ipam(Nodes.Mapping(value, key), code),
        "name" => $".WithRealName({code.ComposeText(Nodes.Scalar(value, key))})",
        "driver" => $".WithDriver({CSharpCode.Literal(Nodes.Scalar(value, key))})",
        "driver_opts" => string.Concat(Nodes.Pairs(value, key).Select(p => $".WithDriverOption({CSharpCode.Literal(p.Key)}, {code.ComposeText(p.Value ?? string.Empty)})")),
        "labels" => string.Concat(Nodes.Pairs(value, key).Select(p => $".WithLabel({CSharpCode.Literal(p.Key)}, {code.ComposeText(p.Value ?? string.Empty)})")),
        _ when key.StartsWith("x-", StringComparison.Ordinal) => $".WithField({CSharpCode.Literal(key)}, {YamlValueCode.Of(value, code)})",
        _ => throw new ImportRefusal(keyNode.Start, $"the {type.ToLowerInvariant()} setting '{key}' is not translated by the importer yet."),
    };
}
