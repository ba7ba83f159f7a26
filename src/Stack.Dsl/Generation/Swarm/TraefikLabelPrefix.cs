using Stack.Dsl.Values;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// Which prefix Traefik's swarm provider reads a service's own settings under (its network and
/// <c>lbswarm</c>). Traefik v3.2.2 added <c>traefik.swarm.*</c> and deprecated
/// <c>traefik.docker.*</c> there; a service with both is skipped ("both Docker and Swarm labels are
/// defined", pkg/provider/docker/shared_labels.go, extractSwarmLabels). An older Traefik does not
/// know <c>traefik.swarm.*</c>, so the new prefix is written only for a proxy image whose tag proves
/// v3.2.2 or later; any other proxy (an older tag, a digest, a variable, none in the stack) gets
/// the prefix every v3 reads.
/// </summary>
internal static class TraefikLabelPrefix
{
    public const string Docker = "traefik.docker.";
    public const string Swarm = "traefik.swarm.";

    /// <summary>The settings both prefixes name alike (allownonrunning is the docker provider's alone).</summary>
    private static readonly string[] Shared = ["network", "lbswarm"];

    public static string For(ComposeString? proxyImage) =>
        proxyImage is { IsLiteral: true } image && ReadsSwarmLabels(image.ToCompose()) ? Swarm : Docker;

    /// <summary>A label key as the swarm provider reads it: <c>traefik.docker.network</c> under <paramref name="prefix"/>.</summary>
    public static string Rename(string key, string prefix)
    {
        foreach (var setting in Shared)
        {
            if (string.Equals(key, Docker + setting, StringComparison.OrdinalIgnoreCase))
            {
                return prefix + setting;
            }
        }

        return key;
    }

    /// <summary>
    /// Whether an image reference's tag is Traefik v3.2.2 or later (<c>traefik:v3.2.2</c>,
    /// <c>traefik:3.4</c>): its last path segment is <c>traefik:</c>, an optional <c>v</c>, a major
    /// version, then an optional minor and patch, an optional <c>-suffix</c> (letters, digits,
    /// dots) and an optional <c>@sha256:</c> digest. Read by hand, not by a regular expression
    /// (its groups load a dozen generic types on first use; see SwarmFiles.Targets).
    /// </summary>
    internal static bool ReadsSwarmLabels(string image)
    {
        var tag = image[(image.LastIndexOf('/') + 1)..];
        if (!tag.StartsWith("traefik:", StringComparison.Ordinal))
        {
            return false;
        }

        var at = "traefik:".Length;
        if (at < tag.Length && tag[at] == 'v')
        {
            at++;
        }

        // A missing part counts as 0: a tag without a patch (v3.2) moves within its minor and may be v3.2.0.
        if (!Number(tag, ref at, out var major))
        {
            return false;
        }

        long minor = 0, patch = 0;
        if (at < tag.Length && tag[at] == '.')
        {
            at++;
            if (!Number(tag, ref at, out minor))
            {
                return false;
            }

            if (at < tag.Length && tag[at] == '.')
            {
                at++;
                if (!Number(tag, ref at, out patch))
                {
                    return false;
                }
            }
        }

        if (at < tag.Length && tag[at] == '-')
        {
            var start = ++at;
            while (at < tag.Length && (char.IsAsciiLetterOrDigit(tag[at]) || tag[at] == '.'))
            {
                at++;
            }

            if (at == start)
            {
                return false;
            }
        }

        if (string.CompareOrdinal(tag, at, "@sha256:", 0, "@sha256:".Length) == 0)
        {
            at += "@sha256:".Length;
            var start = at;
            while (at < tag.Length && (char.IsAsciiDigit(tag[at]) || tag[at] is >= 'a' and <= 'f'))
            {
                at++;
            }

            if (at == start)
            {
                return false;
            }
        }

        if (at != tag.Length)
        {
            return false;
        }

        // Compared part by part, not as a tuple: ValueTuple<int, int, int>'s comparison is JIT-compiled.
        return major != 3 ? major > 3 : minor != 2 ? minor > 2 : patch >= 2;
    }

    /// <summary>Reads the ASCII digits at <paramref name="at"/> as a number (a very long one stays very large) and moves past them; false when there are none.</summary>
    private static bool Number(string text, ref int at, out long value)
    {
        var start = at;
        value = 0;
        while (at < text.Length && char.IsAsciiDigit(text[at]))
        {
            value = Math.Min(value * 10 + (text[at] - '0'), int.MaxValue);
            at++;
        }

        return at > start;
    }
}
