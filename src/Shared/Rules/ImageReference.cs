// Shared by Stack.Dsl and Stack.Analyzers as a linked file (see RuleIds.cs); netstandard2.0-safe.
using System;
using System.Collections.Generic;

namespace Stack.Rules;

/// <summary>The parts of an image reference the security rules read: <c>[registry/]path[:tag][@digest]</c>.</summary>
internal sealed record ImageReference(string Repository, string? Tag, bool HasDigest)
{
    // Tags that move to new content without the reference changing.
    private static readonly HashSet<string> MovingTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "latest", "stable", "edge", "nightly", "main", "master", "dev", "develop", "lts", "current", "rolling",
    };

    /// <summary>The last path segment of the repository: <c>mysql</c> for <c>docker.io/library/mysql</c>.</summary>
    public string Name => Repository.Substring(Repository.LastIndexOf('/') + 1);

    /// <summary>Neither a digest nor a fixed tag: pulling it twice may run different code.</summary>
    // An empty tag (nginx:) pins nothing, and a tag without a digit names a variant, not a version:
    // redis:alpine and postgres:bookworm follow every release like latest does.
    public bool IsUnpinned => !HasDigest && (Tag is null || Tag.Length == 0 || MovingTags.Contains(Tag) || !HasDigit(Tag));

    /// <summary>What is wrong with the tag, for messages: "has no tag" or "uses the moving tag 'latest'".</summary>
    public string TagProblem => Tag switch
    {
        null => "has no tag",
        "" => "has an empty tag",
        _ when MovingTags.Contains(Tag) => $"uses the moving tag '{Tag}'",
        _ => $"uses the tag '{Tag}', which names a variant but no version, so it moves with every release",
    };

    private static bool HasDigit(string tag)
    {
        foreach (var c in tag)
        {
            if (c >= '0' && c <= '9')
            {
                return true;
            }
        }

        return false;
    }

    public static ImageReference Parse(string image)
    {
        var at = image.IndexOf('@');
        var hasDigest = at >= 0;
        var reference = hasDigest ? image.Substring(0, at) : image;

        // A ':' after the last '/' starts the tag; one before it is a registry port (host:5000/app).
        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/')
            ? new ImageReference(reference.Substring(0, colon), reference.Substring(colon + 1), hasDigest)
            : new ImageReference(reference, null, hasDigest);
    }
}
