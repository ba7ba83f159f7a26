using Stack.Dsl.Traefik;

namespace Stack.Definition.Services.ReverseProxy;

/// <summary>Traefik's certificate resolvers.</summary>
public static class CertResolvers
{
    /// <summary>
    /// Let's Encrypt through Cloudflare's DNS challenge (credentials in Traefik's CF_* variables),
    /// stored on Traefik's data volume. No account email: Traefik's static config cannot read
    /// ${SMTP_SENDER}, and Let's Encrypt no longer sends expiry mail.
    /// </summary>
    public static readonly CertResolver LetsEncrypt = new("letsencrypt")
    {
        CaServer = CertResolver.LetsEncryptProduction,
        Storage = "/mnt/traefik/acme.json",
        DnsChallengeProvider = "cloudflare",
    };
}
