using System.Text;

namespace Stack.Dsl.Tests.Coverage;

/// <summary>Writes a coverage table (compose or Traefik keys and their C# APIs) as a docs page.</summary>
internal static class CoverageDocs
{
    public static string Render(string intro, IReadOnlyList<KeyCoverage> keys)
    {
        var text = new StringBuilder(intro.TrimEnd() + "\n");
        foreach (var section in keys.GroupBy(k => k.Section))
        {
            var counts = section.GroupBy(k => k.Status).ToDictionary(g => g.Key, g => g.Count());
            text.Append('\n').Append("## ").Append(char.ToUpperInvariant(section.Key[0])).Append(section.Key[1..]).Append("\n\n");
            text.Append($"{counts.GetValueOrDefault(KeyStatus.Typed)} typed, {counts.GetValueOrDefault(KeyStatus.Excluded)} excluded, {counts.GetValueOrDefault(KeyStatus.Open)} open.\n\n");
            text.Append("| Key | C# | Notes |\n|---|---|---|\n");
            foreach (var key in section.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                var api = key.Api is null ? key.Status.ToString().ToLowerInvariant() : string.Join(", ", key.Api.Split(", ").Select(a => $"`{a.Replace("..ctor", " constructor", StringComparison.Ordinal)}`"));
                text.Append($"| `{key.Key}` | {api} | {key.Note ?? string.Empty} |\n");
            }
        }

                return text.ToString();
    }

    /// <summary>Named APIs (<c>Type.Member</c>) that the Stack.Dsl assembly does not have.</summary>
    public static List<string> MissingApis(IEnumerable<KeyCoverage> keys)
    {
        var types = typeof(Stack.Dsl.Compose.Service).Assembly.GetExportedTypes().ToDictionary(t => t.Name, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var key in keys.Where(k => k.Api is not null))
        {
            foreach (var api in key.Api!.Split(", "))
            {
                var dot = api.IndexOf('.', StringComparison.Ordinal);
                var (typeName, member) = (api[..dot], api[(dot + 1)..]);
                if (!types.TryGetValue(typeName, out var type) || type.GetMember(member, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static).Length == 0)
                {
                    missing.Add($"{key.Section} {key.Key}: {api}");
                }
            }
        }

        return missing;
    }
}
