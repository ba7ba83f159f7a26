using System.Text;
using Stack.Dsl.Values;

namespace Stack.Dsl.Generation;

/// <summary>
/// Writes <c>.env.example</c>: every declared variable with its description and suggested value,
/// sorted by name. A secret is listed without a value, whatever its default: the file is committed.
/// A variable the stack reads with a compose default (<c>${GID:-1000}</c>, <c>${GID-1000}</c>) is
/// written commented out with that default: copied to .env as the header says, an uncommented
/// <c>GID=</c> would set it empty, and <c>${GID-1000}</c> then reads the empty value, not 1000.
/// </summary>
internal static class EnvExample
{
    public const string FileName = ".env.example";

    /// <param name="variables">The declared variables.</param>
    /// <param name="uses">Every form in which the written files reference each variable (by name).</param>
    /// <param name="firstLine">The header's first line.</param>
    public static string Render(IEnumerable<Variable> variables, IReadOnlyDictionary<string, List<Variable>> uses, string firstLine)
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

            if (!variable.IsSecret && ComposeDefaults(uses.GetValueOrDefault(variable.Name)) is { Count: > 0 } defaults)
            {
                text.Append("# Unset, compose uses ").Append(defaults.Count == 1 ? "the default " + defaults[0] : "the defaults " + string.Join(", ", defaults))
                    .Append(" where the stack reads it; uncomment to set it.\n")
                    .Append("# ").Append(variable.Name).Append('=').Append(defaults.Count == 1 ? defaults[0] : string.Empty).Append('\n');
                continue;
            }

            text.Append(variable.Name).Append('=').Append(variable.IsSecret ? string.Empty : variable.Default).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The compose defaults the stack gives the variable, sorted; none when some use requires it
    /// (<c>${X:?message}</c>: then it must be set) or no use has a default.
    /// </summary>
    private static List<string> ComposeDefaults(List<Variable>? uses)
    {
        var defaults = new List<string>();
        foreach (var use in uses ?? [])
        {
            if (use.Form is VariableForm.Required or VariableForm.RequiredNonEmpty)
            {
                return [];
            }

            if (use.Form is VariableForm.DefaultIfUnset or VariableForm.DefaultIfUnsetOrEmpty && use.Fallback is { } fallback && !defaults.Contains(fallback))
            {
                defaults.Add(fallback);
            }
        }

        defaults.Sort(StringComparer.Ordinal);
        return defaults;
    }
}
