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

    public static YamlValue Rewrite(YamlValue value) => value switch
    {
        YamlScalar { Composed: { IsLiteral: false } composed } scalar => YamlValue.Text(Required(composed)) with { AlwaysQuoted = scalar.AlwaysQuoted },
        YamlMapping mapping => new YamlMapping([.. mapping.Entries.Select(e => new YamlEntry(e.Key, Rewrite(e.Value)))]),
        YamlSequence sequence => new YamlSequence([.. sequence.Items.Select(Rewrite)]),
        DeferredYamlValue deferred => Rewrite(deferred.Resolve()),
        _ => value,
    };

    private static ComposeString Required(ComposeString text) =>
        ComposeString.Join(string.Empty, text.Parts.Select(part => part.Variable switch
        {
            { Form: VariableForm.Plain } variable => ComposeString.Of(variable.Required(Message)),
            { } other => ComposeString.Of(other),
            null => ComposeString.Literal(part.Text),
        }));
}
