namespace Stack.Dsl.Generation.Backups;

/// <summary>
/// A prepare, dump or restore command runs in the service's container. It is written after
/// <c>docker exec CONTAINER</c> (or <c>compose exec -T SERVICE</c>), where the shell that runs that
/// (the backup runner's, or restore.sh's on the host) reads it first. A line of plain words and
/// quoted strings means the same there: it stays as written (<c>dump</c>,
/// <c>sh -c 'rm -f *.bak'</c>), and needs no shell in the container. Any other line is handed to
/// the container's shell as one quoted word, <c>sh -c '...'</c>: as written, <c>dump &gt; /dump/all.sql</c>
/// wrote into the runner and <c>restore; rm -rf /</c> ran <c>rm</c> on the host.
/// </summary>
internal static class ContainerShell
{
    /// <summary>The arguments after <c>docker exec CONTAINER</c> that run <paramref name="commandLine"/> in the container.</summary>
    public static string Arguments(string commandLine) =>
        IsPlainWords(commandLine) ? commandLine : "sh -c " + ShellQuote.Word(commandLine);

    /// <summary>
    /// Whether a POSIX shell reads the line as words only: outside quotes nothing but letters,
    /// digits, spaces and <c>_-./:=,@%+</c> (no operator, expansion, glob, tilde or comment); inside
    /// single quotes anything; inside double quotes anything but <c>$</c>, <c>`</c> and <c>\</c>;
    /// every quote closed.
    /// </summary>
    private static bool IsPlainWords(string line)
    {
        var quote = '\0';
        foreach (var c in line)
        {
            switch (quote)
            {
                case '\'':
                    quote = c == '\'' ? '\0' : quote;
                    break;
                case '"' when c is '$' or '`' or '\\':
                    return false;
                case '"':
                    quote = c == '"' ? '\0' : quote;
                    break;
                default:
                    if (c is '\'' or '"')
                    {
                        quote = c;
                    }
                    else if (!char.IsAsciiLetterOrDigit(c) && c is not (' ' or '_' or '-' or '.' or '/' or ':' or '=' or ',' or '@' or '%' or '+'))
                    {
                        return false;
                    }

                    break;
            }
        }

        return quote == '\0';
    }
}
