using Stack.Dsl.Compose;

namespace Stack.Definition.Common;

/// <summary>The stack's two networks.</summary>
public static class Networks
{
    /// <summary>Everything Traefik routes to.</summary>
    public static readonly Network Public = new("public");

    /// <summary>Databases, cache and backup: never reachable from Traefik.</summary>
    public static readonly Network Private = new("private");
}
