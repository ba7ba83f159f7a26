using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Stack.Engine.Tests.Import;

/// <summary>Compiles what stack import wrote as the SDK would build it: implicit usings, the package's recorded folder, nullable on.</summary>
internal static class ImportedCompilation
{
    // The same sources compile to the same program: AgreedImport compiles what each import wrote, and the test then runs it.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (byte[]?, IReadOnlyList<Diagnostic>)> Compiled = new(StringComparer.Ordinal);

    /// <summary>The program's image, or the compiler's warnings and errors.</summary>
    public static (byte[]? Image, IReadOnlyList<Diagnostic> Problems) Compile(IReadOnlyList<(string Path, string Text)> sources, string name, string? definitionDirectory = null) =>
        Compiled.GetOrAdd(
            string.Join('\0', sources.Select(s => s.Path + '\0' + s.Text).Append(definitionDirectory ?? string.Empty)),
            _ => CompileOnce(sources, name, definitionDirectory));

    private static (byte[]? Image, IReadOnlyList<Diagnostic> Problems) CompileOnce(IReadOnlyList<(string Path, string Text)> sources, string name, string? definitionDirectory)
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat([typeof(Stack.Dsl.Compose.Service).Assembly.Location])
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "imported-" + name,
            [
                .. sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, options, path: s.Path)),
                // What a file-based app or a project with ImplicitUsings gets: the SDK's implicit usings.
                CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;", options, path: "implicit-usings.cs"),
                // What build/Stack.Dsl.props records for `dotnet run stack.cs`: the file's folder.
                CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyMetadata(\"Stack.DefinitionDirectory\", {Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(definitionDirectory ?? Path.GetTempPath(), quote: true)})]", options, path: "metadata.cs"),
            ],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        return (emit.Success && problems.Count == 0 ? image.ToArray() : null, problems);
    }
}
