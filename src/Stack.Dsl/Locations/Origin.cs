using Stack.Dsl.Compose;

namespace Stack.Dsl.Locations;

/// <summary>
/// Where a value object (a middleware, an entrypoint, a resolver) was written: its constructor's
/// caller information, or the user's call into the helper with parameters that made it. Findings
/// about the value are reported here, not where it was later added to the stack.
/// </summary>
/// <remarks>
/// Equal to every other origin, so a record holding one keeps value equality: the same middleware
/// written on two lines is still one middleware (duplicates are judged by name and settings).
/// The capture is caller information (free) plus one call-stack walk, the same the services pay.
/// </remarks>
internal sealed class Origin : IEquatable<Origin>
{
    private readonly SourceLocation createdAt;
    private readonly HelperCallSite? helperCall;

    private Origin(SourceLocation createdAt, HelperCallSite? helperCall, bool fromStack = false)
    {
        // Read from the symbols only when shown; then placed at the column of its new.
        this.createdAt = fromStack
            ? new SourceLocation(new DeferredLocation(() => createdAt.IsKnown ? new SourceLocation(createdAt.FilePath, createdAt.Line, "new") : createdAt))
            : createdAt;
        this.helperCall = helperCall;
    }

    /// <summary>The place: the helper's call site when a helper with parameters made the value, else the constructor's line.</summary>
    public SourceLocation Location => helperCall?.Location ?? createdAt;

    /// <summary>Captures the origin of a value being constructed now.</summary>
    /// <param name="filePath">The constructor's caller file.</param>
    /// <param name="line">The constructor's caller line.</param>
    /// <param name="call">The call on that line that gives the column (<c>new</c>, or a factory's name).</param>
    public static Origin Capture(string filePath, int line, string call = "new")
    {
        var createdAt = new SourceLocation(filePath, line, call);
        return new(createdAt, filePath.Length == 0 ? null : HelperCallSite.Capture(createdAt));
    }

    /// <summary>The origin of a value whose constructor takes <c>params</c> (and so no caller information): read from the call stack and the symbols.</summary>
    /// <param name="type">The type's name, as written after <c>new</c> (finds the line in a statement over several lines).</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static Origin AtParamsCall(string type)
    {
        var at = ParamsCallSite.Capture(type);
        return new(at, null, fromStack: true);
    }

    /// <summary>An origin from caller information alone, without the helper walk: for values made in numbers (variables).</summary>
    public static Origin At(string filePath, int line, string call) => new(new SourceLocation(filePath, line, call), null);

    public bool Equals(Origin? other) => other is not null;

    public override bool Equals(object? obj) => obj is Origin;

    public override int GetHashCode() => 0;
}
