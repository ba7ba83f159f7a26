using Stack.Dsl.Yaml;

namespace Stack.Dsl.Generation.Traefik;

/// <summary>
/// The static config as Traefik's command-line flags: the same mapping the file form writes,
/// flattened (<c>--entryPoints.web.address=:80</c>; a list joined with ','; a section with no
/// options, such as <c>ping</c>, turned on with <c>=true</c>). One source for both forms.
/// </summary>
internal static class TraefikFlags
{
    public static IReadOnlyList<string> Of(YamlMapping config)
    {
        var flags = new List<string>();
        Flatten("-", config, flags);
        return flags;
    }

    private static void Flatten(string path, YamlValue value, List<string> flags)
    {
        switch (value)
        {
            case YamlMapping { Entries.IsEmpty: true }:
                flags.Add(path + "=true");
                break;
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    Flatten(path.Length == 1 ? $"--{entry.Key}" : $"{path}.{entry.Key}", entry.Value, flags);
                }

                break;
            case YamlSequence sequence:
                flags.Add(path + "=" + string.Join(',', sequence.Items.OfType<YamlScalar>().Select(s => s.Value)));
                break;
            case YamlScalar scalar:
                flags.Add(path + "=" + scalar.Value);
                break;
        }
    }
}
