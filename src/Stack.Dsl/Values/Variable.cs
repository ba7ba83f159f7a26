namespace Stack.Dsl.Values;

/// <summary>
/// A <c>${NAME}</c> reference to a variable that compose interpolates from the environment or
/// <c>.env</c>. Declare each variable once and reuse the object, so a misspelt name does not compile.
/// Use it inside an interpolated string: <c>$"auth.{BaseHost}"</c> becomes <c>auth.${BASE_HOST}</c>.
/// </summary>
public sealed record Variable
{
    /// <summary>Creates a variable reference.</summary>
    /// <param name="name">The variable name: letters, digits and underscores, not starting with a digit.</param>
    /// <param name="description">What the variable is for (shown to whoever fills in <c>.env</c>).</param>
    /// <exception cref="ArgumentException">The name is not a valid compose variable name.</exception>
    public Variable(string name, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Validation.Text.NameGrammar.Variable.Matches(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid variable name: use letters, digits and underscores, not starting with a digit (for example BASE_HOST).",
                nameof(name));
        }

        Name = name;
        Description = description;
    }

    /// <summary>The variable name, for example <c>BASE_HOST</c>.</summary>
    public string Name { get; }

    /// <summary>What the variable is for; <see langword="null"/> when not described.</summary>
    public string? Description { get; }

    /// <summary>
    /// The reference as compose reads it: <c>${NAME}</c>, or with its form
    /// (<c>${NAME:-default}</c>, <c>${NAME-default}</c>, <c>${NAME:?message}</c>, <c>${NAME?message}</c>).
    /// </summary>
    public string Reference => Form switch
    {
        VariableForm.Plain => "${" + Name + "}",
        _ => "${" + Name + Operator(Form) + Fallback + "}",
    };

    /// <summary>How compose treats the variable when it is unset or empty (see <see cref="VariableForm"/>).</summary>
    public VariableForm Form { get; private init; }

    /// <summary>The default value or the error message of <see cref="Form"/>.</summary>
    public string? Fallback { get; private init; }

    /// <summary>
    /// The value <c>.env.example</c> suggests to whoever fills in <c>.env</c> (never written for a
    /// secret). It is only a suggestion: compose does not read it. For a value compose uses when the
    /// variable is unset, use <see cref="OrDefault(string)"/>.
    /// </summary>
    public string? Default { get; init; }

    /// <summary>This variable, or <paramref name="value"/> when it is unset or empty: <c>${NAME:-value}</c>.</summary>
    public Variable OrDefault(string value) => WithForm(VariableForm.DefaultIfUnsetOrEmpty, value, nameof(value));

    /// <summary>
    /// This variable, or <paramref name="value"/> when it is unset or empty, where the default holds
    /// other variables (a nested default): <c>$"http://localhost:{HostPort.OrDefault("3000")}"</c>
    /// gives <c>${NAME:-http://localhost:${HOST_PORT:-3000}}</c>. Compose v2 expands the inner
    /// reference; docker-compose 1.x ends the default at its first <c>}</c>, so such a stack needs Compose v2.
    /// </summary>
    /// <exception cref="ArgumentException">A literal part holds <c>}</c>, <c>$</c> or a line break.</exception>
    public Variable OrDefault(ComposeString value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.IsLiteral)
        {
            return OrDefault(value.ToCompose().Replace("$$", "$", StringComparison.Ordinal));
        }

        var text = new System.Text.StringBuilder();
        foreach (var part in value.Parts)
        {
            text.Append(part.Variable is { } inner ? inner.Reference : CheckedFallback(part.Text, nameof(value)));
        }

        return this with { Form = VariableForm.DefaultIfUnsetOrEmpty, Fallback = text.ToString(), FallbackVariables = [.. value.Variables] };
    }

    /// <summary>The variables a nested default (<see cref="OrDefault(ComposeString)"/>) references, each with its own nested ones; empty otherwise.</summary>
    public System.Collections.Immutable.ImmutableArray<Variable> FallbackVariables { get; private init; } = [];

    /// <summary>This variable (even empty), or <paramref name="value"/> only when it is unset: <c>${NAME-value}</c>.</summary>
    public Variable OrDefaultIfUnset(string value) => WithForm(VariableForm.DefaultIfUnset, value, nameof(value));

    /// <summary>This variable, and compose stops with <paramref name="message"/> when it is unset or empty: <c>${NAME:?message}</c>.</summary>
    public Variable Required(string message) => WithForm(VariableForm.RequiredNonEmpty, message, nameof(message));

    /// <summary>This variable (empty allowed), and compose stops with <paramref name="message"/> when it is unset: <c>${NAME?message}</c>.</summary>
    public Variable RequiredEvenIfEmpty(string message) => WithForm(VariableForm.Required, message, nameof(message));

    private Variable WithForm(VariableForm form, string text, string parameter) =>
        this with { Form = form, Fallback = CheckedFallback(text, parameter), FallbackVariables = [] };

    private static string CheckedFallback(string text, string parameter)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Compose reads the text up to the first '}', on one line; and a '$' in it is read
        // differently by compose versions (v1 keeps "$$", v2 interpolates it), so it has no one meaning.
        return text.IndexOfAny(['}', '$', '\n', '\r', '\0']) >= 0
            ? throw new ArgumentException($"'{text}' cannot be a variable's default or message: compose ends it at '}}', reads '$' differently from version to version, and it must be one line.", parameter)
            : text;
    }

    private static string Operator(VariableForm form) => form switch
    {
        VariableForm.DefaultIfUnsetOrEmpty => ":-",
        VariableForm.DefaultIfUnset => "-",
        VariableForm.RequiredNonEmpty => ":?",
        _ => "?",
    };

    /// <summary>Whether the value is a secret: <c>.env.example</c> lists it without a value.</summary>
    public bool IsSecret { get; init; }

    /// <summary>A variable whose value is a secret (a password, a token): listed in <c>.env.example</c> without a value.</summary>
    public static Variable Secret(string name, string? description = null) => new(name, description) { IsSecret = true };

    /// <inheritdoc/>
    public override string ToString() => Reference;
}
