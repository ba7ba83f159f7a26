namespace Stack.Dsl.Traefik;

/// <summary>Compresses responses (gzip, brotli, zstd as the client accepts).</summary>
public sealed record CompressMiddleware : Middleware
{
    /// <summary>Creates a compression middleware.</summary>
    public CompressMiddleware(string name)
        : base(name, "file")
    {
    }

    internal override MiddlewareDefinition Definition(MiddlewareText text) => new("compress", Yaml.YamlMapping.Empty);
}
