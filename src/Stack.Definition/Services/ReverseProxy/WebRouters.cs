using System.Runtime.CompilerServices;
using Stack.Definition.Common;
using Stack.Dsl.Traefik;

namespace Stack.Definition.Services.ReverseProxy;

/// <summary>The router recipe most services share.</summary>
public static class WebRouters
{
    /// <summary>
    /// A router for <c>https://{subdomain}.${BASE_HOST}</c> on the https entrypoint, with a Let's Encrypt certificate.
    /// Middlewares and the port are the caller's to add.
    /// </summary>
    public static Router ForSubdomain(string name, string subdomain, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        new Router(name, filePath, line)
            .WithHost($"{subdomain}.{Variables.BaseHost}")
            .WithEntryPoints(EntryPoints.Https)
            .WithTls(CertResolvers.LetsEncrypt);
}
