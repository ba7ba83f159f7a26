using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>
/// Shapes no compose file has, refused at their line before anything reads the file. Compose's
/// merge tags (<c>!reset</c>, <c>!override</c>, Compose 2.24+) change how an override file applies:
/// they are kept on a service's keys, where the environment importer translates them; anywhere
/// else, like any other local tag, read as plain values they would silently change the meaning.
/// </summary>
internal static class ComposeTags
{
    /// <summary>
    /// Throws for the first node, in one walk, that carries a local tag (except compose's merge
    /// tags on a service's own keys, <c>services.NAME.KEY: !reset ...</c>, which the environment
    /// importer reads), or that is a mapping with a list or a mapping as a key.
    /// </summary>
    public static void RefuseShapes(YamlNode root)
    {
        var allowed = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        if (root is YamlMappingNode top && top.Children.TryGetValue(new YamlScalarNode("services"), out var services) && services is YamlMappingNode byName)
        {
            foreach (var service in byName.Children.Values.OfType<YamlMappingNode>())
            {
                allowed.UnionWith(service.Children.Values.Where(v => IsMergeTag(v.Tag.IsEmpty ? null : v.Tag.Value)));
            }
        }

        foreach (var node in root.AllNodes)
        {
            if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific && node.Tag.Value.StartsWith('!') && !allowed.Contains(node))
            {
                var why = IsMergeTag(node.Tag.Value)
                    ? $"the {node.Tag.Value} tag is read only on a service's own keys (services.NAME.KEY: {node.Tag.Value} ...)."
                    : $"the tag {node.Tag.Value} means nothing to compose.";
                throw new ImportRefusal(node.Start, why);
            }

            if (node is YamlMappingNode mapping && mapping.Children.Keys.FirstOrDefault(k => k is not YamlScalarNode) is { } key)
            {
                throw new ImportRefusal(key.Start, "this mapping key is a list or a mapping; compose's keys are plain text.");
            }
        }
    }

    /// <summary>Compose's merge tags (2.24+): <c>!reset</c> drops the key, <c>!override</c> replaces it instead of merging.</summary>
    public static bool IsMergeTag(string? tag) => tag is "!reset" or "!override";
}
