using Stack.Dsl.Compose;

namespace Stack.Dsl.Cli;

/// <summary>
/// Adds a column to a caller-info location, for MSBuild's <c>file(line,col)</c> format: caller
/// information has no column. A location that names its call (<c>WithImage</c>, <c>new</c>) is
/// placed at the first such call on that line, where the analyzer reports it too; otherwise at
/// the first non-blank character of the line (in a fluent chain, the <c>.</c> of the call).
/// Files are read once; a file that cannot be read (built elsewhere) keeps <c>file(line)</c>.
/// </summary>
internal sealed class SourceColumns
{
    private readonly Dictionary<string, string[]?> _files = new(StringComparer.Ordinal);

    public string Format(SourceLocation location)
    {
        if (!location.IsKnown)
        {
            return string.Empty;
        }

        return Column(location) is { } column ? $"{location.FilePath}({location.Line},{column})" : location.ToString();
    }

    private int? Column(SourceLocation location)
    {
        if (!_files.TryGetValue(location.FilePath, out var lines))
        {
            lines = Read(location.FilePath);
            _files[location.FilePath] = lines;
        }

        if (lines is null || location.Line < 1 || location.Line > lines.Length)
        {
            return null;
        }

        var text = lines[location.Line - 1];
        if (location.Call is { } call && CallColumn(text, call, location.Argument) is { } named)
        {
            return named + 1;
        }

        var first = text.Length - text.TrimStart().Length;
        return first < text.Length ? first + 1 : null;
    }

    /// <summary>
    /// Where <paramref name="call"/> starts as a whole identifier followed by <c>(</c> (for
    /// <c>new</c>: by <c>Service</c>, <c>Router</c> or <c>(</c>), preferring the one whose first argument is the
    /// literal <paramref name="argument"/>; null when the line has none (a verbatim or
    /// multi-line call the text cannot show).
    /// </summary>
    internal static int? CallColumn(string text, string call, string? argument = null)
    {
        int? first = null;
        for (var at = text.IndexOf(call, StringComparison.Ordinal); at >= 0; at = text.IndexOf(call, at + 1, StringComparison.Ordinal))
        {
            var end = at + call.Length;
            if ((at > 0 && IsIdentifier(text[at - 1])) || (end < text.Length && IsIdentifier(text[end])))
            {
                continue;
            }

            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next < text.Length && (text[next] == '(' || (call == "new" && IsLocatedType(text, next))))
            {
                // Two calls of one method on the line: the one whose first argument is the literal written.
                if (argument is null || StartsWithLiteral(text, next + 1, argument))
                {
                    return at;
                }

                first ??= at;
            }
        }

        return first;
    }

    private static bool StartsWithLiteral(string text, int start, string argument)
    {
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return text.AsSpan(start).StartsWith("\"" + argument + "\"", StringComparison.Ordinal);
    }

    // new Service(...), new Stack.Dsl.Compose.Service(...), new ForwardAuthMiddleware(...): the construction
    // of a value that keeps its location, not another object's on the line.
    private static bool IsLocatedType(string text, int start)
    {
        var end = start;
        while (end < text.Length && (IsIdentifier(text[end]) || text[end] == '.'))
        {
            end++;
        }

        var type = text.AsSpan(start, end - start);
        foreach (var located in LocatedTypes)
        {
            if (type.EndsWith(located, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] LocatedTypes = ["Service", "Router", "Middleware", "EntryPoint", "CertResolver", "Variable"];

    private static bool IsIdentifier(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '@';

    private static string[]? Read(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllLines(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
