using Stack.Dsl.Compose;

namespace Stack.Dsl.Locations;

/// <summary>A value and the place the user's code wrote it.</summary>
/// <remarks>
/// A class on purpose: collections of it run the framework's shared, precompiled code for
/// reference types; a tuple or struct holding a <see cref="SourceLocation"/> is JIT-compiled at start.
/// </remarks>
internal sealed class Written<T>(T value, SourceLocation at)
    where T : class
{
    public T Value { get; } = value;

    public SourceLocation At { get; } = at;
}
