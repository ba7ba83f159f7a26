using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>The order services are declared in, so that C# locals come before their use.</summary>
internal static partial class ComposeImporter
{
    /// <summary>
    /// Services in file order, except that each comes after the services it names (depends_on,
    /// network_mode, pid, ipc: service:NAME), as C# locals must be declared before they are used.
    /// A cycle keeps file order; validation reports it (STK0206).
    /// </summary>
    private static List<KeyValuePair<YamlNode, YamlNode>> InDependencyOrder(YamlMappingNode services)
    {
        var byName = services.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => e, StringComparer.Ordinal);
        var ordered = new List<KeyValuePair<YamlNode, YamlNode>>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        void Visit(string name)
        {
            if (state.ContainsKey(name) || !byName.TryGetValue(name, out var entry))
            {
                return;
            }

            state[name] = false;
            foreach (var target in Targets(entry.Value))
            {
                Visit(target);
            }

            state[name] = true;
            ordered.Add(entry);
        }

        foreach (var name in byName.Keys)
        {
            Visit(name);
        }

        return ordered;
    }

    private static IEnumerable<string> Targets(YamlNode service)
    {
        if (service is not YamlMappingNode mapping)
        {
            yield break;
        }

        foreach (var (key, value) in mapping.Children)
        {
            switch ((key as YamlScalarNode)?.Value)
            {
                case "depends_on" when value is YamlSequenceNode list:
                    foreach (var item in list.Children.OfType<YamlScalarNode>())
                    {
                        yield return item.Value!;
                    }

                    break;
                case "depends_on" when value is YamlMappingNode map:
                    foreach (var item in map.Children.Keys.OfType<YamlScalarNode>())
                    {
                        yield return item.Value!;
                    }

                    break;
                case "network_mode" or "pid" or "ipc" when value is YamlScalarNode { Value: { } mode } && mode.StartsWith("service:", StringComparison.Ordinal):
                    yield return mode["service:".Length..];
                    break;
            }
        }
    }
}
