namespace Stack.Dsl.Traefik;

/// <summary>How Traefik receives its static config.</summary>
public enum TraefikConfigForm
{
    /// <summary>A file the generator writes and mounts where Traefik looks for it (<c>/etc/traefik/traefik.yml</c>), or passes with <c>--configFile=</c> when mounted elsewhere.</summary>
    File,

    /// <summary>Command-line flags the generator adds to the service's command (<c>--entryPoints.web.address=:80</c>).</summary>
    CommandLine,
}
