namespace Stack.Dsl.Validation.Security;

/// <summary>The parts of an image reference the security rules read: <c>[registry/]path[:tag][@digest]</c>.</summary>
internal sealed record ImageReference(string Repository, string? Tag, bool HasDigest)
{
    // Tags that move to new content without the reference changing.
    private static readonly HashSet<string> MovingTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "latest", "stable", "edge", "nightly", "main", "master", "dev", "develop", "lts", "current", "rolling",
    };

    /// <summary>The last path segment of the repository: <c>mysql</c> for <c>docker.io/library/mysql</c>.</summary>
    public string Name => Repository[(Repository.LastIndexOf('/') + 1)..];

    /// <summary>Neither a digest nor a fixed tag: pulling it twice may run different code.</summary>
    public bool IsUnpinned => !HasDigest && (Tag is null || MovingTags.Contains(Tag));

    public static ImageReference Parse(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var hasDigest = at >= 0;
        var reference = hasDigest ? image[..at] : image;

        // A ':' after the last '/' starts the tag; one before it is a registry port (host:5000/app).
        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/')
            ? new ImageReference(reference[..colon], reference[(colon + 1)..], hasDigest)
            : new ImageReference(reference, null, hasDigest);
    }
}
