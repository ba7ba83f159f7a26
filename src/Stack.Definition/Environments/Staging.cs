using Stack.Definition.Services.ReverseProxy;
using Stack.Dsl.Environments;
using Stack.Dsl.Traefik;

namespace Stack.Definition.Environments;

/// <summary>
/// The staging server: production's stack, with certificates from Let's Encrypt's staging CA
/// (untrusted, but without production's rate limits), so a broken setup cannot lock the real
/// domain out for a week.
/// </summary>
public static class Staging
{
    public static readonly StackEnvironment Environment = new("stage", stack => stack
        .MapTraefik(proxy => proxy with { CertResolvers = [CertResolvers.LetsEncrypt with { CaServer = CertResolver.LetsEncryptStaging }] }));
}
