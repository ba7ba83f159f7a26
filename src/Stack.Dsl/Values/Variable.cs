using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;
using Stack.Dsl.Locations;

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
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <exception cref="ArgumentException">The name is not a valid compose variable name.</exception>
    public Variable(string name, string? description = null, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : this(name, description, Origin.At(filePath, line, "new"))
    {
    }

    private Variable(string name, string? description, Origin declared)
    {
        this.declared = declared;
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

    // Neither origin is part of equality (an origin equals every other): two declarations of one
    // name and settings on two lines are one variable. Caller information only, no helper walk:
    // a stack declares variables by the dozen.
    private readonly Origin declared;

    /// <summary>Where the variable was declared (<c>new Variable(...)</c>, <c>Variable.Secret(...)</c>): findings about its declaration are reported here.</summary>
    public SourceLocation Location => declared.Location;

    /// <summary>
    /// Where its compose default or message was written (<see cref="OrDefault(string, string, int)"/> and the
    /// other forms), for findings about that text; its declaration when it has none.
    /// </summary>
    public SourceLocation FallbackLocation => FallbackOrigin?.Location ?? Location;

    private Origin? FallbackOrigin { get; init; }

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

    /// <summary>The same reference with another default text, for a generator that writes the default from another folder.</summary>
    internal Variable WithFallbackText(string fallback) => this with { Fallback = fallback };

    /// <summary>
    /// The value <c>.env.example</c> suggests to whoever fills in <c>.env</c> (never written for a
    /// secret). It is only a suggestion: compose does not read it. For a value compose uses when the
    /// variable is unset, use <see cref="OrDefault(string, string, int)"/>.
    /// </summary>
    public string? Default { get; init; }

    /// <summary>This variable, or <paramref name="value"/> when it is unset or empty: <c>${NAME:-value}</c>.</summary>
    /// <param name="value">The text (one line, no <c>}</c> or <c>$</c>).</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Variable OrDefault(string value, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        WithForm(VariableForm.DefaultIfUnsetOrEmpty, value, nameof(value)) with { FallbackOrigin = Origin.At(filePath, line, nameof(OrDefault)) };

    /// <summary>
    /// This variable, or <paramref name="value"/> when it is unset or empty, where the default holds
    /// other variables (a nested default): <c>$"http://localhost:{HostPort.OrDefault("3000")}"</c>
    /// gives <c>${NAME:-http://localhost:${HOST_PORT:-3000}}</c>. Compose v2 expands the inner
    /// reference; docker-compose 1.x ends the default at its first <c>}</c>, so such a stack needs Compose v2.
    /// </summary>
    /// <exception cref="ArgumentException">A literal part holds <c>}</c>, <c>$</c> or a line break.</exception>
    /// <param name="value">The default.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Variable OrDefault(ComposeString value, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.IsLiteral)
        {
            return OrDefault(value.ToCompose().Replace("$$", "$", StringComparison.Ordinal), filePath, line);
        }

        var text = new System.Text.StringBuilder();
        foreach (var part in value.Parts)
        {
            text.Append(part.Variable is { } inner ? inner.Reference : CheckedFallback(part.Text, nameof(value)));
        }

        return this with { Form = VariableForm.DefaultIfUnsetOrEmpty, Fallback = text.ToString(), FallbackVariables = [.. value.Variables], FallbackOrigin = Origin.At(filePath, line, nameof(OrDefault)) };
    }

    /// <summary>The variables a nested default (<see cref="OrDefault(ComposeString, string, int)"/>) references, each with its own nested ones; empty otherwise.</summary>
    public System.Collections.Immutable.ImmutableArray<Variable> FallbackVariables { get; private init; } = [];

    /// <summary>This variable (even empty), or <paramref name="value"/> only when it is unset: <c>${NAME-value}</c>.</summary>
    /// <param name="value">The text (one line, no <c>}</c> or <c>$</c>).</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Variable OrDefaultIfUnset(string value, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        WithForm(VariableForm.DefaultIfUnset, value, nameof(value)) with { FallbackOrigin = Origin.At(filePath, line, nameof(OrDefaultIfUnset)) };

    /// <summary>This variable, and compose stops with <paramref name="message"/> when it is unset or empty: <c>${NAME:?message}</c>.</summary>
    /// <param name="message">The text (one line, no <c>}</c> or <c>$</c>).</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Variable Required(string message, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        WithForm(VariableForm.RequiredNonEmpty, message, nameof(message)) with { FallbackOrigin = Origin.At(filePath, line, nameof(Required)) };

    /// <summary>This variable (empty allowed), and compose stops with <paramref name="message"/> when it is unset: <c>${NAME?message}</c>.</summary>
    /// <param name="message">The text (one line, no <c>}</c> or <c>$</c>).</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Variable RequiredEvenIfEmpty(string message, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        WithForm(VariableForm.Required, message, nameof(message)) with { FallbackOrigin = Origin.At(filePath, line, nameof(RequiredEvenIfEmpty)) };

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
    /// <param name="name">The variable name.</param>
    /// <param name="description">What the variable is for.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public static Variable Secret(string name, string? description = null, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        new(name, description, Origin.At(filePath, line, nameof(Secret))) { IsSecret = true };

    /// <inheritdoc/>
    public override string ToString() => Reference;
}
