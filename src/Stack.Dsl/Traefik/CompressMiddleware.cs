using System.Runtime.CompilerServices;
using Stack.Dsl.Locations;
namespace Stack.Dsl.Traefik;

/// <summary>Compresses responses (gzip, brotli, zstd as the client accepts).</summary>
public sealed record CompressMiddleware : Middleware
{
    /// <summary>Creates a compression middleware.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public CompressMiddleware(string name, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : base(name, "file", Origin.Capture(filePath, line))
    {
    }

    internal override MiddlewareDefinition Definition(MiddlewareText text) => new("compress", Yaml.YamlMapping.Empty);
}
