using System.Text;
using DiffPlex;

namespace Stack.Dsl.Cli;

/// <summary>A unified diff (as <c>diff -u</c> prints it) of two texts, with three lines of context.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static string Format(string oldText, string newText, string oldLabel, string newLabel)
    {
        var diff = Differ.Instance.CreateLineDiffs(oldText, newText, ignoreWhitespace: false, ignoreCase: false);
        var oldLines = diff.PiecesOld;
        var newLines = diff.PiecesNew;
        var output = new StringBuilder();
        output.Append("--- ").Append(oldLabel).Append('\n');
        output.Append("+++ ").Append(newLabel).Append('\n');

        var blocks = diff.DiffBlocks;
        var i = 0;
        while (i < blocks.Count)
        {
            // Merge blocks whose context would overlap into one hunk.
            var last = i;
            while (last + 1 < blocks.Count && blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * Context)
            {
                last++;
            }

            var startA = Math.Max(0, blocks[i].DeleteStartA - Context);
            var startB = Math.Max(0, blocks[i].InsertStartB - Context);
            var endA = Math.Min(oldLines.Count, blocks[last].DeleteStartA + blocks[last].DeleteCountA + Context);
            var endB = Math.Min(newLines.Count, blocks[last].InsertStartB + blocks[last].InsertCountB + Context);
            output.Append($"@@ -{startA + 1},{endA - startA} +{startB + 1},{endB - startB} @@\n");

            var a = startA;
            for (var b = i; b <= last; b++)
            {
                var block = blocks[b];
                for (; a < block.DeleteStartA; a++)
                {
                    output.Append(' ').Append(oldLines[a]).Append('\n');
                }

                for (var k = 0; k < block.DeleteCountA; k++)
                {
                    output.Append('-').Append(oldLines[block.DeleteStartA + k]).Append('\n');
                }

                for (var k = 0; k < block.InsertCountB; k++)
                {
                    output.Append('+').Append(newLines[block.InsertStartB + k]).Append('\n');
                }

                a = block.DeleteStartA + block.DeleteCountA;
            }

            for (; a < endA; a++)
            {
                output.Append(' ').Append(oldLines[a]).Append('\n');
            }

            i = last + 1;
        }

        return output.ToString();
    }
}
