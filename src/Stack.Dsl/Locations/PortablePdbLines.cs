using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Locations;

/// <summary>
/// Reads the source line of an IL offset from a module's portable PDB (beside the assembly or
/// embedded in it), as a stack trace with file information would, but only on demand: opening
/// symbols costs milliseconds, and most runs never need a line.
/// </summary>
internal static class PortablePdbLines
{
    // By the module object itself, not its equality: a module of an unloaded load context may
    // compare equal to a new one loaded at the same native address, and would lend it its symbols.
    private static readonly ConditionalWeakTable<Module, Symbols> Readers = new();

    /// <summary>The file and line of the statement holding <paramref name="ilOffset"/>; null when no symbols say.</summary>
    public static SourceLocation? Find(MethodBase method, int ilOffset) =>
        Statement(method, ilOffset) is { } statement ? new SourceLocation(statement.File, statement.StartLine) : null;

    /// <summary>The file and the lines of the statement holding <paramref name="ilOffset"/>; null when no symbols say.</summary>
    public static (string File, int StartLine, int EndLine)? Statement(MethodBase method, int ilOffset)
    {
        if (ilOffset < 0 || Reader(method.Module) is not { } reader)
        {
            return null;
        }

        try
        {
            SequencePoint? found = null;
            foreach (var point in reader.GetMethodDebugInformation(DebugHandle(method)).GetSequencePoints())
            {
                if (point.Offset > ilOffset)
                {
                    break;
                }

                if (!point.IsHidden)
                {
                    found = point;
                }
            }

            return found is { } statement
                ? (reader.GetString(reader.GetDocument(statement.Document).Name), statement.StartLine, statement.EndLine)
                : null;
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="location"/> lies inside <paramref name="method"/>'s own source lines.</summary>
    public static bool Spans(MethodBase method, SourceLocation location)
    {
        if (Reader(method.Module) is not { } reader)
        {
            return false;
        }

        try
        {
            var points = reader.GetMethodDebugInformation(DebugHandle(method)).GetSequencePoints().Where(p => !p.IsHidden).ToList();
            return points.Count > 0
                && points.Any(p => reader.GetString(reader.GetDocument(p.Document).Name) == location.FilePath)
                && location.Line >= points.Min(p => p.StartLine)
                && location.Line <= points.Max(p => p.EndLine);
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static MetadataReader? Reader(Module module) => Readers.GetValue(module, Open).Reader;

    private static MethodDebugInformationHandle DebugHandle(MethodBase method) =>
        MetadataTokens.MethodDebugInformationHandle(MetadataTokens.GetRowNumber(MetadataTokens.EntityHandle(method.MetadataToken)));

    private static Symbols Open(Module module)
    {
        var path = module.Assembly.Location;
        if (path.Length == 0 || !File.Exists(path))
        {
            return Symbols.None;
        }

        try
        {
            // Kept open for the process: a diagnostic run reads a few lines from one or two modules.
            // The PDB is handed over as bytes, not as a file stream: over 16 KiB of file stream the
            // reader maps the file into memory, which loads System.IO.MemoryMappedFiles for a read
            // of a few lines. A definition's PDB is small; its bytes are read once.
            var pe = new PEReader(File.OpenRead(path));
            return pe.TryOpenAssociatedPortablePdb(path, candidate => File.Exists(candidate) ? new MemoryStream(File.ReadAllBytes(candidate), writable: false) : null, out var provider, out _)
                ? new Symbols(pe, provider!, provider!.GetMetadataReader())
                : Symbols.None;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            return Symbols.None;
        }
    }

    /// <summary>
    /// A module's symbol reader with what owns its memory: a <see cref="MetadataReader"/> reads
    /// from its provider's block, which the provider's finalizer frees. Kept only the reader, a
    /// garbage collection between two reads freed the block, and the next read failed (or read
    /// garbage) and fell back to the place inside the helper: what made the agreement tests'
    /// router lines depend on the order the tests ran in.
    /// </summary>
    private sealed record Symbols(PEReader? Image, MetadataReaderProvider? Provider, MetadataReader? Reader)
    {
        public static Symbols None { get; } = new(null, null, null);
    }
}
