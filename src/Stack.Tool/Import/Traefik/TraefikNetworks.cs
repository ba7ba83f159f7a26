using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>
/// The networks a <c>traefik.docker.network</c> label can name: the label holds Docker's real name
/// (Traefik v3 reads it in pkg/provider/docker, <c>getIPAddress</c>, against the container's
/// networks), the code a declared network. Real names as compose makes them: <c>name:</c> when
/// set (or the legacy <c>external: {name: x}</c>), else an external network's key, else <c>project_key</c>.
/// </summary>
internal sealed class TraefikNetworks
{
    private readonly Dictionary<string, (string Name, string Identifier)> _byRealName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _joined = new(StringComparer.Ordinal);

    public static TraefikNetworks None { get; } = new();

    /// <param name="root">The compose file.</param>
    /// <param name="project">The project's name.</param>
    /// <param name="identifiers">Declared networks, by name, with how the code names them.</param>
    public static TraefikNetworks Of(YamlMappingNode root, string project, IReadOnlyDictionary<string, string> identifiers)
    {
        var found = new TraefikNetworks();
        if (root.Children.TryGetValue(new YamlScalarNode("networks"), out var declared) && declared is YamlMappingNode networks)
        {
            foreach (var (key, value) in networks.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                var settings = value as YamlMappingNode;
                string? Setting(string setting) => settings?.Children.TryGetValue(new YamlScalarNode(setting), out var node) == true && node is YamlScalarNode { Value: { } text } ? text : null;
                var legacy = settings?.Children.TryGetValue(new YamlScalarNode("external"), out var node) == true ? node as YamlMappingNode : null;
                var external = Setting("external") is "true" or "True" or "yes" || legacy is not null;
                // The legacy external: {name: x} names the network too (the importer writes .WithRealName("x")).
                var legacyName = legacy?.Children.TryGetValue(new YamlScalarNode("name"), out var oldName) == true && oldName is YamlScalarNode { Value: { } text } ? text : null;
                var realName = Setting("name") ?? legacyName ?? (external ? name : $"{project}_{name}");
                if (identifiers.TryGetValue(name, out var identifier) && !realName.Contains('$', StringComparison.Ordinal))
                {
                    found._byRealName.TryAdd(realName, (name, identifier));
                }
            }
        }

        if (root.Children.TryGetValue(new YamlScalarNode("services"), out var services) && services is YamlMappingNode serviceMap)
        {
            foreach (var (key, value) in serviceMap.Children)
            {
                var joined = new HashSet<string>(StringComparer.Ordinal);
                if (value is YamlMappingNode service && service.Children.TryGetValue(new YamlScalarNode("networks"), out var list))
                {
                    joined.UnionWith(list switch
                    {
                        YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty),
                        YamlMappingNode mapping => mapping.Children.Keys.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty),
                        _ => [],
                    });
                }
                else
                {
                    joined.Add("default");
                }

                found._joined[((YamlScalarNode)key).Value!] = joined;
            }
        }

        return found;
    }

    /// <summary>The code naming the network a service's label names; null, with why, when the code cannot say it.</summary>
    public string? Find(string service, string realName, out string why)
    {
        why = string.Empty;
        if (!_byRealName.TryGetValue(realName, out var network))
        {
            why = realName.Contains('$', StringComparison.Ordinal)
                ? "it names the network with a variable, and the DSL takes a declared network"
                : $"no network this file declares is named '{realName}' for Docker";
            return null;
        }

        if (!_joined.TryGetValue(service, out var joined) || !joined.Contains(network.Name))
        {
            why = $"service '{service}' does not join network '{network.Name}' in this file";
            return null;
        }

        return network.Identifier;
    }
}
