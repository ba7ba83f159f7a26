using System.Text.RegularExpressions;

namespace Stack.Testing;

/// <summary>
/// An independent oracle for tests: what a plain scalar resolves to under YAML 1.1 (PyYAML,
/// docker-compose v1) or the YAML 1.2 core schema (Go's yaml.v3, Compose v2). The regular
/// expressions are the ones the specs publish (yaml.org/type and YAML 1.2 section 10.3),
/// written apart from the generator's own quoting rules on purpose.
/// </summary>
internal static partial class Yaml11
{
    /// <summary>Whether a plain scalar with this text would be read as something other than a string.</summary>
    public static bool ResolvesToNonString(string plain) =>
        Bool11().IsMatch(plain) || Null11().IsMatch(plain) || Int11().IsMatch(plain) || Float11().IsMatch(plain)
        || Timestamp11().IsMatch(plain) || plain is "<<" or "="
        || Core12().IsMatch(plain);

    [GeneratedRegex("^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex Bool11();

    [GeneratedRegex("^(~|null|Null|NULL|)$")]
    private static partial Regex Null11();

    [GeneratedRegex("^([-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+)$")]
    private static partial Regex Int11();

    [GeneratedRegex("^([-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$")]
    private static partial Regex Float11();

    [GeneratedRegex("^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)$")]
    private static partial Regex Timestamp11();

    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$")]
    private static partial Regex Core12();
}
