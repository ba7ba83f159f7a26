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
                // Loops, not LINQ (see SwarmFiles.Targets); a part without such a variable is kept as it is, not copied.
                YamlEntry[]? entries = null;
                for (var i = 0; i < mapping.Entries.Length; i++)
                {
                    var (key, inner) = mapping.Entries[i];
                    var rewritten = Rewrite(inner);
                    if (!ReferenceEquals(rewritten, inner))
                    {
                        entries ??= [.. mapping.Entries];
                        entries[i] = new YamlEntry(key, rewritten);
                    }
                }

                return entries is null ? mapping : new YamlMapping([.. entries]);
            case YamlSequence sequence:
                YamlValue[]? items = null;
                for (var i = 0; i < sequence.Items.Length; i++)
                {
                    var rewritten = Rewrite(sequence.Items[i]);
                    if (!ReferenceEquals(rewritten, sequence.Items[i]))
                    {
                        items ??= [.. sequence.Items];
                        items[i] = rewritten;
                    }
                }

                return items is null ? sequence : new YamlSequence([.. items]);
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
