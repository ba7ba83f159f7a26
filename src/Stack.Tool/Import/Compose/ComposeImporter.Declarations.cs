using System.Text;
using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>Top-level networks and volumes as <c>Network</c> and <c>Volume</c> declarations.</summary>
internal static partial class ComposeImporter
{
    /// <summary>Each top-level network or volume: its name, how the code names it, and the C# that makes it.</summary>
    private static List<Declared> Declare(
        YamlMappingNode root, string section, string type, Dictionary<string, string> origin, CSharpCode code, Action<string, Action> guard)
    {
        var declared = new List<Declared>();
        if (!root.Children.TryGetValue(new YamlScalarNode(section), out var node))
        {
            return declared;
        }

        foreach (var (key, value) in Nodes.Mapping(node, section).Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            var identifier = type == "Network" ? code.Naming.Network(name) : code.Naming.Volume(name);
            guard(origin[$"{section}/{name}"], () =>
            {
                var chain = new StringBuilder($"new {type}({CSharpCode.Literal(name)})");
                if (value is YamlMappingNode settings)
                {
                    foreach (var (settingKey, setting) in settings.Children)
                    {
                        chain.Append(Setting(type, Nodes.Scalar(settingKey, "a setting"), setting, settingKey, code));
                    }
                }

                declared.Add(new Declared(name, identifier, [chain.ToString()]));
            });

            // One cause, one error: a declaration refused above is still known by name, so the
            // services using it are not refused again for "not declared" (nothing is written).
            if (declared.Count == 0 || declared[^1].Name != name)
            {
                declared.Add(new Declared(name, identifier, []));
            }
        }

        return declared;
    }

    /// <summary>
    /// A service that lists compose's implicit <c>default</c> network beside others (<c>networks: [proxy,
    /// default]</c>) joins both. Stack has no implicit network, so an undeclared <c>default</c> named
    /// by a service is declared as the network of that name, which compose reads as the same one.
    /// </summary>
    private static void DeclareNamedDefault(List<Declared> networks, YamlMappingNode services, CSharpCode code)
    {
        var named = services.Children.Values.OfType<YamlMappingNode>().Any(service =>
            service.Children.TryGetValue(new YamlScalarNode("networks"), out var list) && list switch
            {
                YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Any(n => n.Value == "default"),
                YamlMappingNode mapping => mapping.Children.ContainsKey(new YamlScalarNode("default")),
                _ => false,
            });
        if (named && !networks.Any(n => n.Name == "default"))
        {
            networks.Add(new Declared("default", code.Naming.Network("default"), ["new Network(\"default\")"]));
        }
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
                                "ip_range" => $"IpRange = {CSharpCode.Range(Nodes.Scalar(node, key), node.Start)}",
                                "gateway" => $"Gateway = {CSharpCode.Address(Nodes.Scalar(node, key), node.Start)}",
                                "aux_addresses" => $"AuxAddresses = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [{string.Join(", ", Nodes.Pairs(node, key).Select(p => $"KeyValuePair.Create({CSharpCode.Literal(p.Key)}, {CSharpCode.Address(p.Value ?? string.Empty, p.At)})"))}])",
                                _ => throw new ImportRefusal(node.Start, $"the ipam pool key '{key}' is not translated by the importer yet."),
                            });
                        }

                        var subnet = entries.TryGetValue("subnet", out var s) ? Nodes.Scalar(s, "subnet") : throw new ImportRefusal(pool.Start, "an ipam pool without a subnet is not translated by the importer yet.");
                        return $"new IpamPool({CSharpCode.Range(subnet, s.Start)}){(init.Count > 0 ? " { " + string.Join(", ", init) + " }" : string.Empty)}";
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

    /// <summary>
    /// Compose's legacy <c>external: {name: x}</c> (still read by Compose): external, under the real
    /// name <c>x</c>; <c>external: {}</c> is plain external.
    /// </summary>
    private static string LegacyExternal(YamlMappingNode external, CSharpCode code)
    {
        var name = string.Empty;
        foreach (var (keyNode, value) in external.Children)
        {
            name = Nodes.Scalar(keyNode, "an external key") == "name"
                ? $".WithRealName({code.ComposeText(Nodes.Scalar(value, "name"))})"
                : throw new ImportRefusal(keyNode.Start, "external: takes true, false, or the legacy {name: ...}.");
        }

        return ".AsExternal()" + name;
    }

    private static string Setting(string type, string key, YamlNode value, YamlNode keyNode, CSharpCode code) => key switch
    {
        "external" when value is YamlMappingNode legacy => LegacyExternal(legacy, code),
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
