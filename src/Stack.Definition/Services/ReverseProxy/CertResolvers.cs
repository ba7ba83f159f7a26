using Stack.Dsl.Traefik;

namespace Stack.Definition.Services.ReverseProxy;

/// <summary>Traefik's certificate resolvers.</summary>
public static class CertResolvers
{
    /// <summary>Let's Encrypt through Cloudflare's DNS challenge.</summary>
    public static readonly CertResolver LetsEncrypt = new("letsencrypt");
}
