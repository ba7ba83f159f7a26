using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>
/// Expands YAML merge keys (<c>&lt;&lt;: *common</c>, <c>&lt;&lt;: [*a, *b]</c>), the way compose files
/// share settings through <c>x-</c> anchors, as compose reads them: a shallow merge where the
/// mapping's own keys win, and among several merged mappings the earlier one wins.
/// </summary>
/// <remarks>
/// In place, so every node keeps its line for error messages. An anchored node may be shared by
/// several mappings; expanding it is the same for each, so doing it once is safe.
/// </remarks>
internal static class MergeKeys
{
    public static void Expand(YamlNode root) => Expand(root, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));

    private static void Expand(YamlNode node, HashSet<YamlNode> done)
    {
        if (!done.Add(node))
        {
            return;
        }

        switch (node)
        {
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    Expand(item, done);
                }

                break;
            case YamlMappingNode mapping:
                foreach (var value in mapping.Children.Values)
                {
                    Expand(value, done);
                }

                if (mapping.Children.Keys.FirstOrDefault(IsMergeKey) is { } mergeKey)
                {
                    var sources = mapping.Children[mergeKey];
                    mapping.Children.Remove(mergeKey);
                    foreach (var source in sources is YamlSequenceNode list ? list.Children : [sources])
                    {
                        if (source is not YamlMappingNode from)
                        {
                            throw new ImportRefusal(source.Start, "a merge key (<<) takes a mapping or a list of mappings.");
                        }

                        foreach (var (key, value) in from.Children)
                        {
                            mapping.Children.TryAdd(key, value);
                        }
                    }
                }

                break;
        }
    }

    // A plain `<<` is the merge key; a quoted '<<' is an ordinary key.
    private static bool IsMergeKey(YamlNode key) =>
        key is YamlScalarNode { Value: "<<", Style: not (ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted) };
}
