using System.Collections.Immutable;
using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Stack.Analyzers.Tests.Shapes;

/// <summary>
/// Stack.Dsl as a consumer gets it: the package packed from this repository (or the one
/// <c>STACK_PACKAGE</c> names, as <c>.ci/package-check</c> passes its own), its library as the
/// compile reference and its <c>analyzers/dotnet/cs</c> assembly loaded on its own, not the
/// project reference the rest of this test project uses.
/// </summary>
internal static class PackagedStack
{
    private static readonly Lazy<Unpacked> Package = new(Unpack);

    /// <summary>The package's library, to compile a sample against.</summary>
    public static MetadataReference Library => Package.Value.Library;

    /// <summary>Every analyzer in the package.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => Package.Value.Analyzers;

    /// <summary>Where the analyzers were loaded from (a test proves it is the package).</summary>
    public static string AnalyzerAssemblyPath => Package.Value.AnalyzerAssemblyPath;

    private sealed record Unpacked(MetadataReference Library, ImmutableArray<DiagnosticAnalyzer> Analyzers, string AnalyzerAssemblyPath);

    private static Unpacked Unpack()
    {
        var folder = Directory.CreateTempSubdirectory("stack-package-").FullName;
        var package = Environment.GetEnvironmentVariable("STACK_PACKAGE") is { Length: > 0 } given ? given : Pack(folder);
        var contents = Path.Combine(folder, "contents");
        ZipFile.ExtractToDirectory(package, contents);

        var analyzerPath = Path.Combine(contents, "analyzers", "dotnet", "cs", "Stack.Analyzers.dll");
        var assembly = new AnalyzerLoadContext(Path.GetDirectoryName(analyzerPath)!).LoadFromAssemblyPath(analyzerPath);
        var analyzers = assembly.GetTypes()
            .Where(type => !type.IsAbstract && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
        Assert.NotEmpty(analyzers);
        return new(MetadataReference.CreateFromFile(Path.Combine(contents, "lib", "net10.0", "Stack.Dsl.dll")), analyzers, assembly.Location);
    }

    /// <summary>Packs Stack.Dsl as <c>.ci/package-check</c> does; the nupkg's path.</summary>
    private static string Pack(string folder)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Stack.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Stack.sln not found above " + AppContext.BaseDirectory);
        }

        var feed = Path.Combine(folder, "feed");
        var start = new ProcessStartInfo("dotnet", ["pack", Path.Combine(root, "src", "Stack.Dsl"), "-c", "Release", "-o", feed, "--nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var pack = Process.Start(start)!;
        var output = pack.StandardOutput.ReadToEndAsync();
        var errors = pack.StandardError.ReadToEnd();
        pack.WaitForExit();
        Assert.True(pack.ExitCode == 0, $"dotnet pack src/Stack.Dsl failed:\n{output.Result}\n{errors}");
        return Directory.GetFiles(feed, "Stack.Dsl.*.nupkg").Single();
    }

    /// <summary>The package's analyzer assembly on its own; Roslyn itself is the host's, as in the compiler.</summary>
    private sealed class AnalyzerLoadContext(string folder) : AssemblyLoadContext("stack-packaged-analyzers")
    {
        protected override Assembly? Load(AssemblyName name) =>
            name.Name is { } simple && !simple.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && File.Exists(Path.Combine(folder, simple + ".dll"))
                ? LoadFromAssemblyPath(Path.Combine(folder, simple + ".dll"))
                : null;
    }
}
