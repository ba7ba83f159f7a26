using System.Text;
using Stack.Dsl.Values;

namespace Stack.Dsl.Generation;

/// <summary>
/// Writes <c>.env.example</c>: every declared variable with its description and suggested value,
/// sorted by name. A secret is listed without a value, whatever its default: the file is committed.
/// </summary>
internal static class EnvExample
{
    public const string FileName = ".env.example";

    public static string Render(IEnumerable<Variable> variables, string firstLine)
    {
        var text = new StringBuilder()
            .Append("# ").Append(firstLine.TrimStart('#', ' ')).Append('\n')
            .Append("# Copy to .env beside docker-compose.yml on the server and fill in; never commit .env.\n");
        foreach (var variable in variables.OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            text.Append('\n');
            if (variable.Description is { Length: > 0 } description)
            {
                text.Append("# ").Append(description.ReplaceLineEndings(" ")).Append('\n');
            }

            if (variable.IsSecret)
            {
                text.Append("# Secret: set it on the server only.\n");
            }

            text.Append(variable.Name).Append('=').Append(variable.IsSecret ? string.Empty : variable.Default).Append('\n');
        }

        return text.ToString();
    }
}
