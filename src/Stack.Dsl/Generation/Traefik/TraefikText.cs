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
                // Literal braces must not open a template action.
                result.Append(part.Text.Replace("{{", "{{ \"{{\" }}", StringComparison.Ordinal));
            }
        }

        return Raw(result.ToString()) with { Variables = [.. text.Variables.Distinct()] };
    }
}
