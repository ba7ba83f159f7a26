using System.Text.RegularExpressions;

namespace Stack.Dsl.Values;

/// <summary>
/// A <c>${NAME}</c> reference to a variable that compose interpolates from the environment or
/// <c>.env</c>. Declare each variable once and reuse the object, so a misspelt name does not compile.
/// Use it inside an interpolated string: <c>$"auth.{BaseHost}"</c> becomes <c>auth.${BASE_HOST}</c>.
/// </summary>
public sealed partial record Variable
{
    /// <summary>Creates a variable reference.</summary>
    /// <param name="name">The variable name: letters, digits and underscores, not starting with a digit.</param>
    /// <param name="description">What the variable is for (shown to whoever fills in <c>.env</c>).</param>
    /// <exception cref="ArgumentException">The name is not a valid compose variable name.</exception>
    public Variable(string name, string? description = null)
    {
        if (!NamePattern().IsMatch(name))
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

    /// <summary>The reference as compose reads it: <c>${NAME}</c>.</summary>
    public string Reference => "${" + Name + "}";

    /// <summary>The value <c>.env.example</c> suggests (never written for a secret).</summary>
    public string? Default { get; init; }

    /// <summary>Whether the value is a secret: <c>.env.example</c> lists it without a value.</summary>
    public bool IsSecret { get; init; }

    /// <summary>A variable whose value is a secret (a password, a token): listed in <c>.env.example</c> without a value.</summary>
    public static Variable Secret(string name, string? description = null) => new(name, description) { IsSecret = true };

    /// <inheritdoc/>
    public override string ToString() => Reference;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
