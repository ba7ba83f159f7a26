namespace Stack.Dsl.Generation;

/// <summary>
/// Text as one POSIX sh word that the shell takes literally: single-quoted, each <c>'</c> written
/// <c>'\''</c>. Nothing inside single quotes is expanded (<c>$</c>, backticks, globs, spaces).
/// </summary>
internal static class ShellQuote
{
    public static string Word(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>A message for <c>echo</c>: one line (line breaks become spaces), quoted.</summary>
    public static string Line(string text) => Word(text.ReplaceLineEndings(" "));
}
