using System.IO.Hashing;
using System.Text;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// Swarm configs and secrets are immutable: a redeploy that changes one under the same name fails
/// ("only updates to Labels are allowed"). A name that carries a hash of the content changes with
/// it, so a changed file becomes a new object and the service rolls over to it.
/// </summary>
internal static class ContentName
{
    /// <summary>Swarm's limit on an object's name.</summary>
    private const int MaxLength = 64;

    /// <summary>Hex digits of the hash kept in a name (deploy.sh keeps as many of a host file's SHA-256).</summary>
    public const int HashLength = 10;

    /// <summary>
    /// <paramref name="baseName"/> with the first 10 hex digits of the content's XXH64. A name only
    /// has to change with the content; a cryptographic hash would load the platform's cryptography
    /// library (about 7 ms of CPU and 5 MiB per run) for 40 bits of a name.
    /// </summary>
    public static string Of(string baseName, byte[] content)
    {
        // The hash's first hex digits, spelled here: formatting a number goes through the culture's
        // number format, loaded on first use for nothing a hex digit needs.
        var hash = XxHash64.HashToUInt64(content);
        Span<char> digits = stackalloc char[HashLength];
        for (var i = 0; i < HashLength; i++)
        {
            digits[i] = "0123456789abcdef"[(int)(hash >> (60 - (4 * i))) & 0xF];
        }

        return string.Concat(Fitted(baseName), "-", digits);
    }

    /// <summary><paramref name="baseName"/> with a variable that deploy.sh sets to the hash (<see cref="HostFileHash"/>).</summary>
    public static Values.ComposeString Of(string baseName, HostFileHash hash) =>
        Values.ComposeString.Join(string.Empty, [Fitted(baseName) + "-", hash.Reference]);

    /// <summary>A config key from a mount target: its file name (or its whole path), with what a key cannot hold replaced.</summary>
    public static string KeyFrom(string service, string target, bool wholePath = false)
    {
        var file = wholePath ? target.Trim('/') : target.TrimEnd('/').Split('/')[^1];
        var builder = new StringBuilder(service.Length + file.Length + 1).Append(service).Append('-');
        foreach (var c in file)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return builder.ToString();
    }

    /// <summary>The base name cut so that it, a '-' and the hash fit Swarm's limit on a name.</summary>
    private static string Fitted(string baseName) => baseName.Length > MaxLength - HashLength - 1 ? baseName[..(MaxLength - HashLength - 1)] : baseName;
}
