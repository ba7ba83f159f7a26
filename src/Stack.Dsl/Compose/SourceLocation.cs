namespace Stack.Dsl.Compose;

/// <summary>Where in the C# definition something was created, for error messages.</summary>
/// <remarks>
/// A location may be read late: a service made by a helper is placed at the helper's call site,
/// which is looked up in the program's symbols only when a message shows it (the lookup costs
/// milliseconds, and most runs report nothing). Equality compares the file and line either way.
/// </remarks>
public readonly record struct SourceLocation
{
    private readonly string filePath;
    private readonly int line;
    private readonly Locations.DeferredLocation? deferred;
    private readonly string? call;
    private readonly string? argument;

    /// <summary>A known place.</summary>
    /// <param name="FilePath">The source file (from caller information); empty when unknown.</param>
    /// <param name="Line">The 1-based line; 0 when unknown.</param>
#pragma warning disable SA1313 // Named as the positional record it replaces, so callers' named arguments keep working.
    public SourceLocation(string FilePath, int Line)
#pragma warning restore SA1313
    {
        filePath = FilePath;
        line = Line;
    }

    /// <summary>A known place: the call of <paramref name="call"/> (a DSL method, or <c>new</c>) on that line, which gives the column.</summary>
    /// <param name="filePath">The source file.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="call">The method called (or <c>new</c>).</param>
    /// <param name="argument">
    /// Its first argument when it is a string the user most likely wrote as a literal (a variable's
    /// name, an image): tells apart two calls of one method on one line.
    /// </param>
    internal SourceLocation(string filePath, int line, string call, string? argument = null)
        : this(filePath, line)
    {
        this.call = call;
        this.argument = argument;
    }

    internal SourceLocation(Locations.DeferredLocation deferred)
    {
        filePath = string.Empty;
        this.deferred = deferred;
    }

    /// <summary>No known location.</summary>
    public static SourceLocation Unknown { get; } = new(string.Empty, 0);

    /// <summary>The source file (from caller information); empty when unknown.</summary>
    public string FilePath => deferred is null ? filePath : deferred.Value.FilePath;

    /// <summary>The 1-based line; 0 when unknown.</summary>
    public int Line => deferred is null ? line : deferred.Value.Line;

    /// <summary>
    /// The name of the call made on this line (<c>WithImage</c>, <c>new</c>), from which the column
    /// is found; null when the place is a whole statement. Not part of equality.
    /// </summary>
    internal string? Call => deferred is null ? call : deferred.Value.Call;

    /// <summary>The call's first argument, when a string (see the constructor); not part of equality.</summary>
    internal string? Argument => deferred is null ? argument : deferred.Value.Argument;

    /// <summary>This place when known, else <paramref name="fallback"/> (a value made where no caller information reached).</summary>
    /// <param name="fallback">Where the holder of the value was made.</param>
    /// <returns>The place to report.</returns>
    /// <remarks>A place still to be read from the symbols stays unread until shown (rules build many locations, and most runs show none).</remarks>
    internal SourceLocation Or(SourceLocation fallback)
    {
        if (deferred is null)
        {
            return IsKnown ? this : fallback;
        }

        var later = deferred;
        return new SourceLocation(new Locations.DeferredLocation(() => later.Value is { IsKnown: true } found ? found : fallback));
    }

    /// <summary>Whether a file is known.</summary>
    public bool IsKnown => FilePath.Length > 0;

    /// <summary>Splits the location into its file and line.</summary>
    /// <param name="filePath">The source file.</param>
    /// <param name="line">The line.</param>
    public void Deconstruct(out string filePath, out int line) => (filePath, line) = (FilePath, Line);

    /// <summary>The same file and line.</summary>
    /// <param name="other">The other location.</param>
    /// <returns>Whether both name one place.</returns>
    public bool Equals(SourceLocation other) => string.Equals(FilePath, other.FilePath, StringComparison.Ordinal) && Line == other.Line;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(FilePath, Line);

    /// <summary>The MSBuild origin form: <c>file(line)</c>.</summary>
    /// <returns>The location as MSBuild prints an origin.</returns>
    public override string ToString() => IsKnown ? $"{FilePath}({Line})" : string.Empty;
}
