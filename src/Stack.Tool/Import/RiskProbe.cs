using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stack.Dsl.Compose;
using Stack.Dsl.Validation.Security;

namespace Stack.Tool.Import;

/// <summary>
/// The risks the imported stack takes, found by the stack's own security rules on the model the
/// imported C# builds: the code is compiled in memory, its <c>Build</c> run, and
/// <see cref="SecurityRules.Unaccepted"/> (what STK0100-STK0107 report) read. The acceptances the
/// import writes are exactly these, so they cannot drift from the rules (docs/import.md).
/// </summary>
internal static class RiskProbe
{
    private static readonly CSharpParseOptions Parsing = new(LanguageVersion.Preview);

    // What a file-based app gets from the SDK: the implicit usings the imported code relies on.
    private static readonly SyntaxTree ImplicitUsings = CSharpSyntaxTree.ParseText(
        "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;",
        Parsing);

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(Service).Assembly.Location)
            .Where(path => path.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))]);

    /// <summary>Each risk the stack <paramref name="code"/> builds takes without accepting it; or why the code could not be run (an importer fault).</summary>
    public static (IReadOnlyList<(string Service, SecurityRisk Risk, string? Subject)> Risks, string? Problem) Find(string code)
    {
        var source = string.Join('\n', code.Split('\n').Where(l => !l.StartsWith("#:", StringComparison.Ordinal)));
        var compilation = CSharpCompilation.Create(
            "stack-import-probe",
            [CSharpSyntaxTree.ParseText(source, Parsing, path: "stack.cs"), ImplicitUsings],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            return ([], "the C# it wrote does not compile (" + emitted.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error).GetMessage(System.Globalization.CultureInfo.InvariantCulture) + ")");
        }

        // Collectible, and resolving Stack.Dsl from the tool's own context, so the model's types are the rules' types.
        var context = new AssemblyLoadContext("stack-import-probe", isCollectible: true);
        try
        {
            image.Position = 0;
            var build = context.LoadFromStream(image).GetTypes()
                .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
                .First(m => m.Name.Contains("g__Build", StringComparison.Ordinal) && m.GetParameters().Length == 0 && m.ReturnType == typeof(ComposeStack));
            var stack = (ComposeStack)build.Invoke(null, null)!;
            return ([.. SecurityRules.Unaccepted(stack)], null);
        }
        catch (TargetInvocationException failed) when (failed.InnerException is { } inner)
        {
            return ([], $"the stack it wrote does not build ({inner.Message})");
        }
        finally
        {
            context.Unload();
        }
    }
}
