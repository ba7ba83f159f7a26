namespace Stack.Dsl.Validation.Text;

/// <summary>
/// The distribution reference grammar the engine parses an image with:
/// <c>[host[:port]/]component(/component)*[:tag][@algorithm:hex]</c>. By hand, not a regex: a
/// generated regex's vectorized search is compiled at start-up, and this runs for every service.
/// </summary>
internal static class ImageReferenceGrammar
{
    public static bool IsValid(string reference)
    {
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0 && !IsDigest(reference[(at + 1)..]))
        {
            return false;
        }

        var name = at >= 0 ? reference[..at] : reference;
        var colon = name.LastIndexOf(':');
        if (colon > name.LastIndexOf('/'))
        {
            if (!IsTag(name[(colon + 1)..]))
            {
                return false;
            }

            name = name[..colon];
        }

        var parts = name.Split('/');
        var first = parts.Length > 1 && LooksLikeHost(parts[0]) ? 1 : 0;
        if (first == 1 && !IsHost(parts[0]))
        {
            return false;
        }

        for (var i = first; i < parts.Length; i++)
        {
            if (!IsPathComponent(parts[i]))
            {
                return false;
            }
        }

        return parts.Length > first;
    }

    private static bool LooksLikeHost(string part) =>
        part == "localhost" || part.Contains('.', StringComparison.Ordinal) || part.Contains(':', StringComparison.Ordinal) || Any(part, char.IsAsciiLetterUpper);

    /// <summary>Lower-case letters and digits, runs joined by '.', '_', '__' or any number of '-'.</summary>
    private static bool IsPathComponent(string part)
    {
        var i = 0;
        while (i < part.Length)
        {
            var run = i;
            while (i < part.Length && (char.IsAsciiLetterLower(part[i]) || char.IsAsciiDigit(part[i])))
            {
                i++;
            }

            if (i == run)
            {
                return false; // empty run: a leading, trailing or doubled separator
            }

            if (i == part.Length)
            {
                return true;
            }

            var separator = i;
            while (i < part.Length && !(char.IsAsciiLetterLower(part[i]) || char.IsAsciiDigit(part[i])))
            {
                i++;
            }

            var text = part[separator..i];
            if (text is not ("." or "_" or "__") && Any(text, c => c != '-'))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A host name or [IPv6], with an optional port.</summary>
    private static bool IsHost(string part)
    {
        var host = part;
        var colon = part.LastIndexOf(':');
        if (colon > part.LastIndexOf(']'))
        {
            if (colon == part.Length - 1 || !All(part[(colon + 1)..], char.IsAsciiDigit))
            {
                return false;
            }

            host = part[..colon];
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            return host.Length > 2 && All(host[1..^1], c => char.IsAsciiHexDigit(c) || c == ':');
        }

        return host.Split('.').All(label => label.Length > 0 && char.IsAsciiLetterOrDigit(label[0]) && char.IsAsciiLetterOrDigit(label[^1])
            && All(label, c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }

    // Loops, not LINQ over string: Enumerable over char is compiled at start-up.
    private static bool All(string text, Func<char, bool> test)
    {
        foreach (var c in text)
        {
            if (!test(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Any(string text, Func<char, bool> test) => !All(text, c => !test(c));

    private static bool IsTag(string tag) =>
        tag.Length is > 0 and <= 128 && (char.IsAsciiLetterOrDigit(tag[0]) || tag[0] == '_')
        && All(tag, c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    private static bool IsDigest(string digest)
    {
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && All(digest[..colon], c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '.')
            && digest.Length - colon - 1 >= 32 && All(digest[(colon + 1)..], char.IsAsciiHexDigit);
    }
}
