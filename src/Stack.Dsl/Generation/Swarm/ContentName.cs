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

    /// <summary><paramref name="baseName"/> with the first 10 hex digits of the content's SHA-256.</summary>
    public static string Of(string baseName, byte[] content)
    {
        var digest = Sha256.Hash(content);
        Span<char> hex = stackalloc char[10];
        for (var i = 0; i < hex.Length; i++)
        {
            hex[i] = "0123456789abcdef"[(digest[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF];
        }

        var hash = new string(hex);
        var room = MaxLength - hash.Length - 1;
        return $"{(baseName.Length > room ? baseName[..room] : baseName)}-{hash}";
    }

    /// <summary>The same for text (UTF-8, as the file is written).</summary>
    public static string Of(string baseName, string content) => Of(baseName, Encoding.UTF8.GetBytes(content));

    /// <summary>A config key from a mount target: its file name, with what a key cannot hold replaced.</summary>
    public static string KeyFrom(string service, string target)
    {
        var file = target.TrimEnd('/').Split('/')[^1];
        var builder = new StringBuilder(service.Length + file.Length + 1).Append(service).Append('-');
        foreach (var c in file)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return builder.ToString();
    }
}
