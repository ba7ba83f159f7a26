namespace Stack.Dsl.Values;

/// <summary>One part of a <see cref="ComposeString"/>: literal text or a variable reference.</summary>
// A class rather than a struct: generic collections of reference types run precompiled code.
public sealed record ComposeStringPart
{
    private ComposeStringPart(string text, Variable? variable)
    {
        Text = text;
        Variable = variable;
    }

    /// <summary>The literal text; empty for a variable part.</summary>
    public string Text { get; }

    /// <summary>The referenced variable; <see langword="null"/> for a literal part.</summary>
    public Variable? Variable { get; }

    /// <summary>A literal part.</summary>
    public static ComposeStringPart OfLiteral(string text) => new(text ?? string.Empty, null);

    /// <summary>A variable part.</summary>
    public static ComposeStringPart OfVariable(Variable variable) => new(string.Empty, variable);

    /// <summary>The compose form: <c>${NAME}</c>, or the literal with <c>$</c> doubled.</summary>
    public string ToCompose() => Variable is { } v ? v.Reference : Text.Replace("$", "$$", StringComparison.Ordinal);
}
