using Stack.Dsl.Validation.Text;

namespace Stack.Dsl.Generation;

/// <summary>
/// The <c># ...</c> comment lines at the top of a generated file (the YAML files, restore.sh,
/// excludes.txt). A header holds text from outside the definition too (the run command the
/// package records, made from the project's or the single file's name), so every header goes
/// through here: a line break (docker-compose 1.x reads YAML 1.1, which also breaks lines at
/// U+0085, U+2028 and U+2029) or another control character is written as an escape, never as a
/// new line of YAML or shell.
/// </summary>
internal static class HeaderLines
{
    public static string Render(IEnumerable<string> lines) =>
        string.Concat(lines.Select(line => line.Length == 0 ? "#\n" : "# " + TextRules.Visible(line, int.MaxValue) + "\n"));
}
