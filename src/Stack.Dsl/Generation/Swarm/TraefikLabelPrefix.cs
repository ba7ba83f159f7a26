using System.Globalization;
using System.Text.RegularExpressions;
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
internal static partial class TraefikLabelPrefix
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

    /// <summary>Whether an image reference's tag is Traefik v3.2.2 or later (<c>traefik:v3.2.2</c>, <c>traefik:3.4</c>).</summary>
    internal static bool ReadsSwarmLabels(string image)
    {
        var match = Tag().Match(image);
        if (!match.Success)
        {
            return false;
        }

        // Compared part by part, not as a tuple: ValueTuple<int, int, int>'s comparison is JIT-compiled.
        int major = Part(match, "major"), minor = Part(match, "minor"), patch = Part(match, "patch");
        return major != 3 ? major > 3 : minor != 2 ? minor > 2 : patch >= 2;
    }

    // A missing part counts as 0: a tag without a patch (v3.2) moves within its minor and may be v3.2.0.
    private static int Part(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"(?:^|/)traefik:v?(?<major>\d+)(?:\.(?<minor>\d+)(?:\.(?<patch>\d+))?)?(?:-[A-Za-z0-9.]+)?(?:@sha256:[0-9a-f]+)?$")]
    private static partial Regex Tag();
}
