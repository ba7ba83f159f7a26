using Stack.Dsl.Traefik;

namespace Stack.Definition.Services.ReverseProxy;

/// <summary>Traefik's entrypoints: the one place their names and ports are written.</summary>
public static class EntryPoints
{
    /// <summary>Plain HTTP; Traefik's static config redirects it to <see cref="Https"/>.</summary>
    public static readonly EntryPoint Http = new("http", 80);

    /// <summary>HTTPS, the default entrypoint of every router (<c>asDefault</c> in the static config).</summary>
    public static readonly EntryPoint Https = new("https", 443);
}
