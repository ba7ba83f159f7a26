using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Environments;

/// <summary>
/// A named environment (dev, stage, prod, ...): the stack as that environment runs it, written as
/// a change to the definition. The generator writes the part every environment shares as
/// <c>docker-compose.yml</c> and each environment's differences as <c>dc.NAME.yml</c>.
/// </summary>
public sealed record StackEnvironment
{
    /// <summary>Declares an environment.</summary>
    /// <param name="name">Its name, used in the override's file name (lower case, digits, '-' and '_').</param>
    /// <param name="apply">Turns the definition into this environment's stack; the identity for an environment that runs the definition as is.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public StackEnvironment(string name, Func<ComposeStack, ComposeStack> apply, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Apply = apply ?? throw new ArgumentNullException(nameof(apply));
        createdAt = new SourceLocation(filePath, line);
        helperCall = Locations.HelperCallSite.Capture(createdAt);
    }

    private readonly SourceLocation createdAt;
    private readonly Locations.HelperCallSite? helperCall;

    /// <summary>The environment's name.</summary>
    public string Name { get; }

    /// <summary>Turns the definition into this environment's stack.</summary>
    public Func<ComposeStack, ComposeStack> Apply { get; }

    /// <summary>
    /// Where the environment was declared: the line of <c>new StackEnvironment(...)</c>, or, when a
    /// helper with parameters made it (<c>Env("prod", ...)</c>), the line that called the helper.
    /// </summary>
    public SourceLocation Location => helperCall?.Location ?? createdAt;

    /// <summary>The override file's name: <c>dc.NAME.yml</c>.</summary>
    public string OverrideFileName => $"dc.{Name}.yml";
}
