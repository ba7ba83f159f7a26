namespace Stack.Dsl.Compose;

/// <summary>
/// What runs the generated files: <c>docker compose</c> on one host, or <c>docker stack deploy</c>
/// on a Swarm. One definition serves both; each target gets its own files and its own checks.
/// </summary>
public enum DeployTarget
{
    /// <summary><c>docker compose</c> (Compose v2, the current compose spec): the default.</summary>
    Compose,

    /// <summary><c>docker stack deploy</c> on Docker Swarm (the frozen v3 schema), written under <c>swarm/</c>.</summary>
    Swarm,
}
