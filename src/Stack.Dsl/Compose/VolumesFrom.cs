namespace Stack.Dsl.Compose;

/// <summary>Mounts every volume of another service (<c>volumes_from:</c>).</summary>
/// <param name="Source">The service whose volumes are mounted.</param>
/// <param name="ReadOnly">Whether they are mounted read-only.</param>
public sealed record VolumesFrom(Service Source, bool ReadOnly)
{
    /// <summary>Where the DSL call was made, for error messages.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.Unknown;

    /// <summary>The short syntax: <c>name</c> or <c>name:ro</c>.</summary>
    public override string ToString() => ReadOnly ? Source.Name + ":ro" : Source.Name;
}
