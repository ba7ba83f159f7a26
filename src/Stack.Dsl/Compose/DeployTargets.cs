using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Stack.Dsl.Compose;

/// <summary>
/// The sets of targets <see cref="ComposeStack.WithTargets"/> makes, and the one question asked of
/// them. Plain loops over the array, not LINQ or <c>ImmutableArray.Contains</c>: the framework has
/// no precompiled code for its generic collections over an enum of this library, and compiling
/// it (a hash set, a sort, an ordered iterator) took part of every emit, for one or two values.
/// </summary>
internal static class DeployTargets
{
    private static readonly ImmutableArray<DeployTarget> ComposeOnly = [DeployTarget.Compose];
    private static readonly ImmutableArray<DeployTarget> SwarmOnly = [DeployTarget.Swarm];
    private static readonly ImmutableArray<DeployTarget> Both = [DeployTarget.Compose, DeployTarget.Swarm];

    /// <summary>The targets, in the enum's order, each once; empty when neither.</summary>
    public static ImmutableArray<DeployTarget> Of(bool compose, bool swarm) =>
        (compose, swarm) switch
        {
            (true, true) => Both,
            (true, false) => ComposeOnly,
            (false, true) => SwarmOnly,
            _ => [],
        };

    /// <summary>Whether <paramref name="targets"/> holds <paramref name="target"/> (a default array holds none).</summary>
    public static bool Includes(this ImmutableArray<DeployTarget> targets, DeployTarget target)
    {
        foreach (var each in ImmutableCollectionsMarshal.AsArray(targets) ?? [])
        {
            if (each == target)
            {
                return true;
            }
        }

        return false;
    }
}
