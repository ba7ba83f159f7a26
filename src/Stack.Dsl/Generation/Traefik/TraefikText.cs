using System.Text;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Generation.Traefik;

/// <summary>
/// Scalars for Traefik's files, which Traefik reads as written: no compose <c>$$</c> escaping.
/// The dynamic file may read variables through the file provider's Go templates.
/// </summary>
internal static class TraefikText
{
    /// <summary>Text written exactly as given.</summary>
    public static YamlScalar Raw(string text) => new(ScalarKind.Text, text);

    /// <summary>
    /// Text for the dynamic file: each <c>${VAR}</c> becomes <c>{{ env "VAR" }}</c>, which Traefik
    /// fills from its own environment (the generator passes the variable to the Traefik service).
    /// </summary>
    public static YamlScalar Templated(ComposeString text)
    {
        var result = new StringBuilder();
        foreach (var part in text.Parts)
        {
            if (part.Variable is { } variable)
            {
                result.Append("{{ env \"").Append(variable.Name).Append("\" }}");
            }
            else
            {
                // Literal braces must not open a template action: "{{" is written as an action
                // printing it, and so is a last '{', which the next variable's "{{" would join.
                var escaped = part.Text.Replace("{{", "{{ \"{{\" }}", StringComparison.Ordinal);
                result.Append(escaped.EndsWith('{') && !escaped.EndsWith("}}", StringComparison.Ordinal) ? escaped[..^1] + "{{ \"{\" }}" : escaped);
            }
        }

        return Raw(result.ToString()) with { Variables = [.. text.Variables.Distinct()] };
    }

    /// <summary>
    /// Literal text for the dynamic file, which Traefik reads as a Go template: every scalar there
    /// goes through this or <see cref="Templated"/>, so no user text can open a template action.
    /// </summary>
    public static YamlScalar Literal(string text) => Templated(ComposeString.Literal(text));
}
