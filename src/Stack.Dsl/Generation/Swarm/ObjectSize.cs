using Stack.Dsl.Compose;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// The swarm manager creates a config or secret of at least 1 byte and less than 500 KiB
/// (swarmkit's <c>validateConfigSpec</c> and <c>validateSecretSpec</c>: "data must be larger than
/// 0 and less than 512000 bytes"); <c>docker stack config</c> takes any file. A content Stack
/// reads when it writes is held to that here; a file only the deploying host has is not read.
/// </summary>
internal static class ObjectSize
{
    /// <summary>swarmkit's MaxConfigSize and MaxSecretSize: 500 * 1024, excluded.</summary>
    public const int Limit = 500 * 1024;

    /// <summary>Refuses a content the manager would refuse.</summary>
    /// <param name="what">The object as the message names it, such as "The config 'app' (its file conf/app.yml)".</param>
    /// <param name="length">The content's length in bytes.</param>
    /// <param name="fix">What to do instead, as the DSL call.</param>
    /// <param name="location">Where the definition makes it.</param>
    /// <param name="context">Where the refusal goes.</param>
    public static void Check(string what, int length, string fix, SourceLocation location, SwarmContext context)
    {
        if (length == 0)
        {
            context.Refuse(location, $"{what} is empty, and the swarm manager creates no empty config or secret (docker stack deploy fails there). {fix}");
        }
        else if (length >= Limit)
        {
            context.Refuse(location, $"{what} is {length} bytes, and the swarm manager takes a config or secret of less than {Limit} (docker stack deploy fails there). {fix}");
        }
    }
}
