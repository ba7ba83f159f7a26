namespace Stack.Dsl.Traefik;

/// <summary>How Traefik receives its static config.</summary>
public enum TraefikConfigForm
{
    /// <summary>A file the generator writes and mounts (<c>--configFile=...</c> in the service's command).</summary>
    File,

    /// <summary>Command-line flags the generator adds to the service's command (<c>--entryPoints.web.address=:80</c>).</summary>
    CommandLine,
}
