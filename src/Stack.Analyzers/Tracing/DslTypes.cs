using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Stack.Analyzers.Tracing;

/// <summary>The DSL's types, looked up once per compilation (and shared by the analyzers).</summary>
internal sealed class DslTypes
{
    private static readonly ConditionalWeakTable<Compilation, StrongBox<DslTypes?>> PerCompilation = new();

    private DslTypes(IAssemblySymbol dsl, INamedTypeSymbol service)
    {
        Service = service;
        ComposeStack = dsl.GetTypeByMetadataName("Stack.Dsl.Compose.ComposeStack");
        Healthcheck = dsl.GetTypeByMetadataName("Stack.Dsl.Compose.Healthcheck");
        Router = dsl.GetTypeByMetadataName("Stack.Dsl.Traefik.Router");
        Middleware = dsl.GetTypeByMetadataName("Stack.Dsl.Traefik.Middleware");
        ForwardAuthMiddleware = dsl.GetTypeByMetadataName("Stack.Dsl.Traefik.ForwardAuthMiddleware");
        Volume = dsl.GetTypeByMetadataName("Stack.Dsl.Compose.Volume");
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
        PerCompilation.GetValue(compilation, static c => new StrongBox<DslTypes?>(Find(c))).Value;

    private static DslTypes? Find(Compilation compilation)
    {
        // Asked of Stack.Dsl alone: the compilation-wide lookup reads the namespaces of every
        // reference to rule out a second definition (~60 ms of .NET's 160 assemblies, cold).
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name == "Stack.Dsl" && assembly.GetTypeByMetadataName("Stack.Dsl.Compose.Service") is { } service)
            {
                return new DslTypes(assembly, service);
            }
        }

        return null;
    }

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
