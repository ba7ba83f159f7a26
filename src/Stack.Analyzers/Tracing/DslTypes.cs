using Microsoft.CodeAnalysis;

namespace Stack.Analyzers.Tracing;

/// <summary>The DSL's types, looked up once per compilation.</summary>
internal sealed class DslTypes
{
    private DslTypes(Compilation compilation, INamedTypeSymbol service)
    {
        Service = service;
        ComposeStack = compilation.GetTypeByMetadataName("Stack.Dsl.Compose.ComposeStack");
        Healthcheck = compilation.GetTypeByMetadataName("Stack.Dsl.Compose.Healthcheck");
        Router = compilation.GetTypeByMetadataName("Stack.Dsl.Traefik.Router");
        Middleware = compilation.GetTypeByMetadataName("Stack.Dsl.Traefik.Middleware");
        ForwardAuthMiddleware = compilation.GetTypeByMetadataName("Stack.Dsl.Traefik.ForwardAuthMiddleware");
        Volume = compilation.GetTypeByMetadataName("Stack.Dsl.Compose.Volume");
    }

    public INamedTypeSymbol Service { get; }

    public INamedTypeSymbol? ComposeStack { get; }

    public INamedTypeSymbol? Healthcheck { get; }

    public INamedTypeSymbol? Router { get; }

    public INamedTypeSymbol? Middleware { get; }

    public INamedTypeSymbol? ForwardAuthMiddleware { get; }

    public INamedTypeSymbol? Volume { get; }

    /// <summary>The DSL's types, or null when the compilation does not reference Stack.Dsl.</summary>
    public static DslTypes? TryCreate(Compilation compilation) =>
        compilation.GetTypeByMetadataName("Stack.Dsl.Compose.Service") is { } service ? new DslTypes(compilation, service) : null;

    public bool IsService(ITypeSymbol? type) => Is(type, Service);

    public bool IsRouter(ITypeSymbol? type) => Is(type, Router);

    public bool IsComposeStack(ITypeSymbol? type) => Is(type, ComposeStack);

    public bool IsHealthcheck(ITypeSymbol? type) => Is(type, Healthcheck);

    public bool IsVolume(ITypeSymbol? type) => Is(type, Volume);

    /// <summary>Middleware or one of its kinds.</summary>
    public bool IsMiddleware(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, Middleware))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsForwardAuthMiddleware(ITypeSymbol? type) => Is(type, ForwardAuthMiddleware);

    /// <summary>Declared in Stack.Dsl (its methods are modelled, never read from source).</summary>
    public bool IsDslType(ITypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, Service.ContainingAssembly);

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);
}
