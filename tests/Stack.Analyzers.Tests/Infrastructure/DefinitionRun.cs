using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Stack.Dsl.Compose;
using Stack.Dsl.Validation;

namespace Stack.Analyzers.Tests.Infrastructure;

/// <summary>Runs a compiled definition as a user's build would, and validates the stack it returns.</summary>
internal static class DefinitionRun
{
    /// <summary>Emits <paramref name="compilation"/>, calls its <c>Definition.Build()</c> and returns the runtime check's findings.</summary>
    public static IReadOnlyList<StackDiagnostic> Validate(Compilation compilation)
    {
        // On disk with its symbols, as a definition runs: a helper's call site is read from them.
        var folder = Directory.CreateTempSubdirectory("stack-agreement-").FullName;
        var path = Path.Combine(folder, "Sample.dll");
        var pdb = Path.ChangeExtension(path, ".pdb");
        using (var image = File.Create(path))
        using (var symbols = File.Create(pdb))
        {
            var emitted = compilation.Emit(image, symbols, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.PortablePdb, pdbFilePath: pdb));
            Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        }

        var context = new AssemblyLoadContext("sample", isCollectible: true);
        try
        {
            // Stack.Dsl resolves to the test's own copy, so the returned stack is a type this test knows.
            var assembly = context.LoadFromAssemblyPath(path);
            var build = assembly.GetType("Definition")!.GetMethod("Build")!;
            var arguments = build.GetParameters().Select(p => p.DefaultValue).ToArray();
            var stack = (ComposeStack)build.Invoke(null, arguments)!;

            // A place made by a helper is read from the symbols when first shown: read each now,
            // while the sample's symbols exist. (Read after the folder below was deleted, a place
            // whose symbols no earlier read had opened fell back to inside the helper: so routers,
            // which nothing reads during validation, moved with the order the tests ran in.)
            return [.. StackValidator.Validate(stack).Select(d => d with
            {
                Location = new SourceLocation(d.Location.FilePath, d.Location.Line),
                AddedAt = d.AddedAt is { IsKnown: true } added ? new SourceLocation(added.FilePath, added.Line) : null,
            })];
        }
        finally
        {
            context.Unload();
            Directory.Delete(folder, recursive: true);
        }
    }
}
