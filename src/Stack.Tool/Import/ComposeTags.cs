using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>
/// Shapes no compose file has, refused at their line before anything reads the file. Compose's merge tags (<c>!reset</c>, <c>!override</c>, Compose 2.24+) change how an override
/// file applies, and any other local tag has no meaning to compose: read as plain values they
/// would silently turn a removal into nothing. They are refused at their line.
/// </summary>
internal static class ComposeTags
{
    /// <summary>Throws for the first mapping key that is a sequence or a mapping: compose's keys are plain text.</summary>
    public static void RefuseComplexKeys(YamlNode root)
    {
        foreach (var node in root.AllNodes)
        {
            if (node is YamlMappingNode mapping && mapping.Children.Keys.FirstOrDefault(k => k is not YamlScalarNode) is { } key)
            {
                throw new ImportRefusal(key.Start, "this mapping key is a list or a mapping; compose's keys are plain text.");
            }
        }
    }

    /// <summary>Throws for the first node carrying a local tag.</summary>
    public static void RefuseLocalTags(YamlNode root)
    {
        foreach (var node in root.AllNodes)
        {
            if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific && node.Tag.Value.StartsWith('!'))
            {
                var why = node.Tag.Value is "!reset" or "!override"
                    ? $"the {node.Tag.Value} tag (Compose 2.24+) is not translated by the importer yet: import without it, then write the change in the environment's C# (for !reset, MapService(..., s => s with {{ Ports = [] }}) and the like)."
                    : $"the tag {node.Tag.Value} means nothing to compose.";
                throw new ImportRefusal(node.Start, why);
            }
        }
    }
}
