namespace Stack.Dsl.Compose;

/// <summary>Where in the C# definition something was created, for error messages.</summary>
/// <param name="FilePath">The source file (from caller information); empty when unknown.</param>
/// <param name="Line">The 1-based line; 0 when unknown.</param>
public readonly record struct SourceLocation(string FilePath, int Line)
{
    /// <summary>No known location.</summary>
    public static SourceLocation Unknown { get; } = new(string.Empty, 0);

    /// <summary>Whether a file is known.</summary>
    public bool IsKnown => FilePath.Length > 0;

    /// <summary>The MSBuild origin form: <c>file(line)</c>.</summary>
    public override string ToString() => IsKnown ? $"{FilePath}({Line})" : string.Empty;
}
