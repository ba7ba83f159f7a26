using Stack.Dsl.Compose;

namespace Stack.Dsl.Cli;

/// <summary>
/// Adds a column to a caller-info location, for MSBuild's <c>file(line,col)</c> format: caller
/// information has no column, so the column is the first non-blank character of that line in the
/// source (in a fluent chain, the <c>.</c> of the call). Files are read once; a file that cannot
/// be read (built elsewhere) keeps <c>file(line)</c>.
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
        var first = text.Length - text.TrimStart().Length;
        return first < text.Length ? first + 1 : null;
    }

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
