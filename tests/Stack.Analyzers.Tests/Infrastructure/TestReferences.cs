using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Stack.Dsl.Compose;

namespace Stack.Analyzers.Tests.Infrastructure;

/// <summary>
/// What test compilations reference: the running runtime's assemblies and Stack.Dsl. The testing
/// package's ReferenceAssemblies.Net.* download reference packs this machine's feed does not serve,
/// so the compilation is built from what is already here.
/// </summary>
internal static class TestReferences
{
    /// <summary>No reference pack: everything comes from <see cref="All"/>.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> All { get; } = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var runtime = Directory.GetFiles(runtimeDirectory, "*.dll")
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Where(path => !path.Contains(".Native.", StringComparison.Ordinal));
        return [.. runtime.Order(StringComparer.Ordinal).Append(typeof(Service).Assembly.Location).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }
}
