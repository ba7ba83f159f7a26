using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// <c>docker stack deploy</c> never reads <c>.env</c>, and an unset <c>${VAR}</c> becomes an empty
/// string there. Every plain variable is written <c>${VAR:?message}</c>, so a deploy without it
/// stops with the message instead of starting services with empty passwords and host names.
/// Variables with a default or their own message keep their form.
/// </summary>
internal static class RequiredVariables
{
    /// <summary>The message an unset variable stops the deploy with ('}' and '$' cannot be in it).</summary>
    public const string Message = "docker stack deploy does not read .env: set it in the .env file swarm/deploy.sh reads, or export it";

    public static YamlValue Rewrite(YamlValue value)
    {
        switch (value)
        {
            case YamlScalar { Composed: { IsLiteral: false } composed } scalar:
                return YamlValue.Text(Required(composed)) with { AlwaysQuoted = scalar.AlwaysQuoted };
            case YamlMapping mapping:
                // Loops, not LINQ: see SwarmFiles.Targets.
                var entries = new YamlEntry[mapping.Entries.Length];
                for (var i = 0; i < entries.Length; i++)
                {
                    entries[i] = new YamlEntry(mapping.Entries[i].Key, Rewrite(mapping.Entries[i].Value));
                }

                return new YamlMapping([.. entries]);
            case YamlSequence sequence:
                var items = new YamlValue[sequence.Items.Length];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Rewrite(sequence.Items[i]);
                }

                return new YamlSequence([.. items]);
            case DeferredYamlValue deferred:
                return Rewrite(deferred.Resolve());
            default:
                return value;
        }
    }

    private static ComposeString Required(ComposeString text)
    {
        var parts = new List<ComposeString>(text.Parts.Length);
        foreach (var part in text.Parts)
        {
            parts.Add(part.Variable switch
            {
                { Form: VariableForm.Plain } variable => ComposeString.Of(variable.Required(Message)),
                { } other => ComposeString.Of(other),
                null => ComposeString.Literal(part.Text),
            });
        }

        return ComposeString.Join(string.Empty, parts);
    }
}
