using System.Security.Cryptography;
using System.Text;
using Stack.Dsl.Compose;

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

    /// <summary>Hex digits of the SHA-256 kept in a name (deploy.sh keeps as many).</summary>
    public const int HashLength = 10;

    /// <summary><paramref name="baseName"/> with the first 10 hex digits of the content's SHA-256.</summary>
    public static string Of(string baseName, byte[] content) =>
        $"{Fitted(baseName)}-{Convert.ToHexStringLower(SHA256.HashData(content))[..HashLength]}";

    /// <summary>
    /// Computes one hash on the calling thread: the first hash loads the platform's cryptography
    /// library (about 6 ms of CPU), which the thread writing the Swarm files then finds loaded.
    /// </summary>
    public static void Prepare() => _ = Of(string.Empty, Array.Empty<byte>());

    /// <summary>Whether a Swarm file of the stack names something by its content: Traefik's files, project and output files, secrets and configs Stack makes.</summary>
    public static bool Hashes(ComposeStack stack)
    {
        if (stack.Traefik is not null)
        {
            return true;
        }

        foreach (var secret in stack.Secrets)
        {
            if (!secret.External)
            {
                return true;
            }
        }

        foreach (var config in stack.Configs)
        {
            if (!config.External)
            {
                return true;
            }
        }

        foreach (var service in stack.Services)
        {
            foreach (var mount in service.Volumes)
            {
                if (mount is BindMount { Source: ProjectHostPath or OutputHostPath })
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The same for text (UTF-8, as the file is written).</summary>
    public static string Of(string baseName, string content) => Of(baseName, Encoding.UTF8.GetBytes(content));

    /// <summary><paramref name="baseName"/> with a variable that deploy.sh sets to the hash (<see cref="HostFileHash"/>).</summary>
    public static Values.ComposeString Of(string baseName, HostFileHash hash) =>
        Values.ComposeString.Join(string.Empty, [Fitted(baseName) + "-", hash.Reference]);

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

    /// <summary>The base name cut so that it, a '-' and the hash fit Swarm's limit on a name.</summary>
    private static string Fitted(string baseName) => baseName.Length > MaxLength - HashLength - 1 ? baseName[..(MaxLength - HashLength - 1)] : baseName;
}
