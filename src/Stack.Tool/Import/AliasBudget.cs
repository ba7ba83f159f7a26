using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>
/// Refuses a document whose aliases expand it far beyond what is written (the "billion laughs"),
/// or whose values nest absurdly deep: the importer walks values as compose reads them, aliases
/// expanded and recursively, so such a file would never finish or would overflow the stack.
/// Compose refuses excessive aliasing too.
/// </summary>
internal static class AliasBudget
{
    /// <summary>Expanded values allowed before the ratio to written values is judged.</summary>
    private const long Floor = 100_000;

    /// <summary>How many times its written size a document may expand to through aliases.</summary>
    private const long Ratio = 10;

    /// <summary>How deep values may nest: far beyond any compose file, and within what the importer's walks can recurse.</summary>
    private const int MaxDepth = Stack.Dsl.Yaml.YamlValue.MaxDepth;

    /// <summary>Flow brackets open at once, or columns of indentation, beyond which the text is refused before YAML parsing (whose recursion would overflow the stack).</summary>
    private const int MaxTextNesting = 1000;

    /// <summary>
    /// Refuses text nested so deep that parsing it would overflow the stack: counts flow brackets
    /// open at once (quotes ignored: a real file never has a thousand unbalanced ones) and leading
    /// spaces. Runs before the YAML parser.
    /// </summary>
    public static void CheckText(string yaml)
    {
        var (depth, line, column, indent) = (0, 1, 0, 0);
        var atLineStart = true;
        foreach (var c in yaml)
        {
            column++;
            switch (c)
            {
                case '\n':
                    (line, column, indent, atLineStart) = (line + 1, 0, 0, true);
                    continue;
                case ' ' when atLineStart:
                    indent++;
                    break;
                case '[' or '{':
                    depth++;
                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }

            atLineStart &= c == ' ';
            if (depth > MaxTextNesting || indent > MaxTextNesting)
            {
                throw new ImportRefusal(new YamlDotNet.Core.Mark(0, line, column), $"values nest more than {MaxTextNesting} levels deep here; no compose file does.");
            }
        }
    }

    public static void Check(YamlNode root)
    {
        var sizes = new Dictionary<YamlNode, long>(ReferenceEqualityComparer.Instance);
        var expanded = Size(root, sizes, 0);
        if (expanded > Floor && expanded > Ratio * sizes.Count)
        {
            throw new ImportRefusal(root.Start, $"its aliases expand {sizes.Count} written values to {expanded}; that is an alias bomb, not a stack (compose refuses excessive aliasing too).");
        }
    }

    // Saturating: a bomb's size overflows long long before it is read.
    private static long Size(YamlNode node, Dictionary<YamlNode, long> sizes, int depth)
    {
        if (sizes.TryGetValue(node, out var known))
        {
            return known;
        }

        if (depth > MaxDepth)
        {
            throw new ImportRefusal(node.Start, $"values nest more than {MaxDepth} levels deep here; no compose file does.");
        }

        sizes[node] = 1; // a node reached again while being sized (a recursive alias) counts once
        var size = 1L + node switch
        {
            YamlMappingNode mapping => mapping.Children.Aggregate(0L, (sum, e) => Add(Add(sum, Size(e.Key, sizes, depth + 1)), Size(e.Value, sizes, depth + 1))),
            YamlSequenceNode sequence => sequence.Children.Aggregate(0L, (sum, child) => Add(sum, Size(child, sizes, depth + 1))),
            _ => 0L,
        };
        sizes[node] = size;
        return size;
    }

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
