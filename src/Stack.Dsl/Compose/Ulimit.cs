namespace Stack.Dsl.Compose;

/// <summary>A process limit (<c>ulimits:</c>): a soft limit the process may raise up to the hard one; -1 is unlimited.</summary>
/// <param name="Soft">The limit in force.</param>
/// <param name="Hard">The ceiling the soft limit may be raised to.</param>
// A class, not a struct: a sorted dictionary of structs is generic code the runtime compiles at
// start-up, one of references is precompiled.
public sealed record Ulimit(long Soft, long Hard)
{
    /// <summary>The same soft and hard limit (compose's single-number form).</summary>
    public static Ulimit Of(long limit) => new(limit, limit);

    /// <summary>No limit.</summary>
    public static Ulimit Unlimited { get; } = new(-1, -1);
}
