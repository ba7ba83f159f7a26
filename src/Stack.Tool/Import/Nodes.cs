using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>Reading compose's YAML shapes, refusing with the node's position when a shape is wrong.</summary>
internal static class Nodes
{
    public static YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw new ImportRefusal(node.Start, $"{what} must be a mapping.");

    public static string Scalar(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } value } ? value : throw new ImportRefusal(node.Start, $"{what} must be a single value.");

    /// <summary>A list of values, or one value standing for a list of one.</summary>
    public static IReadOnlyList<(string Value, Mark At)> Strings(YamlNode node, string what) => node switch
    {
        YamlSequenceNode sequence => [.. sequence.Children.Select(c => c is YamlMappingNode
            ? throw new ImportRefusal(c.Start, $"{what} in the long syntax (a mapping) is not translated by the importer yet; the short syntax is.")
            : (Scalar(c, what), c.Start))],
        YamlScalarNode scalar => [(Scalar(scalar, what), scalar.Start)],
        _ => throw new ImportRefusal(node.Start, $"{what} must be a value or a list of values."),
    };

    /// <summary>A mapping, or a list of <c>KEY=VALUE</c> items (compose accepts both); a value may be null.</summary>
    public static IReadOnlyList<(string Key, string? Value, Mark At)> Pairs(YamlNode node, string what) => node switch
    {
        YamlMappingNode mapping => [.. mapping.Children.Select(e => (Scalar(e.Key, what), e.Value is YamlScalarNode { Value: var v } s && !IsNull(s) ? v : null, e.Key.Start))],
        YamlSequenceNode sequence => [.. sequence.Children.Select(c =>
        {
            var item = Scalar(c, what);
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            return equals < 0 ? (item, (string?)null, c.Start) : (item[..equals], item[(equals + 1)..], c.Start);
        })],
        _ => throw new ImportRefusal(node.Start, $"{what} must be a mapping or a list of KEY=VALUE."),
    };

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    public static bool Bool(YamlNode node, string what) => Scalar(node, what) switch
    {
        "true" or "True" or "TRUE" or "yes" => true,
        "false" or "False" or "FALSE" or "no" => false,
        var other => throw new ImportRefusal(node.Start, $"{what} must be true or false, not '{other}'."),
    };

    /// <summary>The first scalar under <paramref name="node"/> that holds <paramref name="text"/> (as a value, or as a list item's KEY=value).</summary>
    public static YamlNode? Find(YamlNode node, string text) => node switch
    {
        YamlScalarNode { Value: { } value } scalar when value.Contains(text, StringComparison.Ordinal) => scalar,
        YamlSequenceNode sequence => sequence.Children.Select(c => Find(c, text)).FirstOrDefault(f => f is not null),
        YamlMappingNode mapping => mapping.Children.Select(e => Find(e.Value, text)).FirstOrDefault(f => f is not null),
        _ => null,
    };
}
