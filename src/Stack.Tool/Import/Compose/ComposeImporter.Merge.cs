using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>Several base files read together as one root, as compose reads <c>-f a.yml -f b.yml</c>.</summary>
internal static partial class ComposeImporter
{
    /// <summary>One root holding every file's entries, and which file each entry came from ("services/web").</summary>
    private static (YamlMappingNode Root, Dictionary<string, string> Origin) Merge(List<(string File, YamlMappingNode Root)> roots, List<ImportError> errors)
    {
        var merged = new YamlMappingNode();
        var origin = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, root) in roots)
        {
            foreach (var (keyNode, value) in root.Children)
            {
                var key = keyNode is YamlScalarNode { Value: { } k } ? k : string.Empty;
                if (key is not ("services" or "networks" or "volumes" or "secrets" or "configs"))
                {
                    if (!merged.Children.ContainsKey(keyNode))
                    {
                        merged.Children.Add(keyNode, value);
                        origin[key] = file;
                    }

                    continue;
                }

                if (!merged.Children.TryGetValue(keyNode, out var section))
                {
                    section = new YamlMappingNode();
                    merged.Children.Add(new YamlScalarNode(key), section);
                }

                if (value is not YamlMappingNode && !(value is YamlScalarNode empty && Nodes.IsNull(empty)))
                {
                    errors.Add(new ImportError(file, value.Start, $"{key} must be a mapping (name: settings)."));
                    continue;
                }

                foreach (var (nameNode, entry) in value as YamlMappingNode ?? new YamlMappingNode())
                {
                    var name = ((YamlScalarNode)nameNode).Value!;
                    var target = (YamlMappingNode)section;
                    if (!target.Children.TryGetValue(nameNode, out var existing))
                    {
                        target.Children.Add(nameNode, entry);
                        origin[$"{key}/{name}"] = file;
                    }
                    else if (key == "services" || Text(existing) != Text(entry))
                    {
                        errors.Add(new ImportError(file, nameNode.Start, key == "services"
                            ? $"the service '{name}' is also in {Path.GetFileName(origin[$"{key}/{name}"])}: to import an override as an environment, name its file dc.ENV.yml (or docker-compose.ENV.yml)."
                            : $"the {key[..^1]} '{name}' is declared differently in {Path.GetFileName(origin[$"{key}/{name}"])}; declare it alike in both, or in one."));
                    }
                }
            }
        }

        return (merged, origin);
    }

    private static string Text(YamlNode node)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
