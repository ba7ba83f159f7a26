using System.Buffers.Binary;
using System.Reflection.Metadata;
using System.Text;

namespace Stack.Dsl.Locations;

/// <summary>
/// The portable PDB beside an assembly, found and checked as <c>PEReader.TryOpenAssociatedPortablePdb</c>
/// does it first (the file its CodeView entry names, in the assembly's folder, with the same id)
/// but with the few header fields that takes read directly. <c>PEReader</c> reads every header into
/// immutable arrays of its structs, which have no precompiled code: about 20 methods JIT-compiled,
/// a large share of what placing one warning costs a run. Anything else (no such entry, no such
/// file, another id, an embedded PDB) is left to <c>PEReader</c>.
/// </summary>
internal static class CollocatedPdb
{
    private const int DebugDirectoryIndex = 6;
    private const int CodeViewType = 2;
    private const ushort PortableCodeViewMinor = 0x504D;

    /// <summary>The matching PDB beside <paramref name="assemblyPath"/>, read into memory; null when this way does not find one.</summary>
    public static MetadataReaderProvider? Open(string assemblyPath)
    {
        if (CodeView(assemblyPath) is not { } entry)
        {
            return null;
        }

        var pdbPath = Path.Combine(Path.GetDirectoryName(assemblyPath) ?? string.Empty, entry.FileName);
        if (!File.Exists(pdbPath))
        {
            return null;
        }

        var provider = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(pdbPath), MetadataStreamOptions.PrefetchMetadata);
        try
        {
            if (provider.GetMetadataReader().DebugMetadataHeader is { } header && header.Id.AsSpan().SequenceEqual(entry.Id))
            {
                return provider;
            }
        }
        catch (BadImageFormatException)
        {
            // Not a portable PDB: PEReader's way decides.
        }

        provider.Dispose();
        return null;
    }

    /// <summary>The portable CodeView entry's PDB id (its GUID, then its entry's time stamp) and the PDB's file name; null when there is none.</summary>
    internal static CodeViewEntry? CodeView(string assemblyPath)
    {
        using var file = File.OpenRead(assemblyPath);
        var dos = Read(file, 0, 64);
        if (dos is null || dos[0] != 'M' || dos[1] != 'Z')
        {
            return null;
        }

        var pe = BinaryPrimitives.ReadInt32LittleEndian(dos.AsSpan(0x3C));
        var coff = Read(file, pe, 24);
        if (coff is null || BinaryPrimitives.ReadUInt32LittleEndian(coff) != 0x4550)
        {
            return null;
        }

        var sections = BinaryPrimitives.ReadUInt16LittleEndian(coff.AsSpan(6));
        var optionalSize = BinaryPrimitives.ReadUInt16LittleEndian(coff.AsSpan(20));
        var optional = Read(file, pe + 24, optionalSize);
        if (optional is null || optionalSize < 2)
        {
            return null;
        }

        // PE32 or PE32+: where the data directories start, after the count of them.
        var magic = BinaryPrimitives.ReadUInt16LittleEndian(optional);
        var countAt = magic == 0x10B ? 92 : magic == 0x20B ? 108 : -1;
        var directoriesAt = countAt + 4;
        if (countAt < 0 || optionalSize < directoriesAt + ((DebugDirectoryIndex + 1) * 8)
            || BinaryPrimitives.ReadUInt32LittleEndian(optional.AsSpan(countAt)) <= DebugDirectoryIndex)
        {
            return null;
        }

        var debugRva = BinaryPrimitives.ReadUInt32LittleEndian(optional.AsSpan(directoriesAt + (DebugDirectoryIndex * 8)));
        var debugSize = BinaryPrimitives.ReadUInt32LittleEndian(optional.AsSpan(directoriesAt + (DebugDirectoryIndex * 8) + 4));
        var table = Read(file, pe + 24 + optionalSize, sections * 40);
        var debugAt = table is null ? -1 : FileOffset(table, sections, debugRva);
        if (debugSize == 0 || debugSize > 28 * 64 || debugAt < 0 || Read(file, debugAt, (int)debugSize) is not { } directory)
        {
            return null;
        }

        for (var at = 0; at + 28 <= directory.Length; at += 28)
        {
            var entry = directory.AsSpan(at, 28);
            if (BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]) != CodeViewType || BinaryPrimitives.ReadUInt16LittleEndian(entry[10..]) != PortableCodeViewMinor)
            {
                continue;
            }

            var size = BinaryPrimitives.ReadInt32LittleEndian(entry[16..]);
            var data = size is > 24 and < 4096 ? Read(file, BinaryPrimitives.ReadUInt32LittleEndian(entry[24..]), size) : null;
            if (data is null || BinaryPrimitives.ReadUInt32LittleEndian(data) != 0x53445352)
            {
                return null; // not "RSDS"
            }

            var id = new byte[20];
            data.AsSpan(4, 16).CopyTo(id);
            entry.Slice(4, 4).CopyTo(id.AsSpan(16));
            var path = data.AsSpan(24);
            var end = path.IndexOf((byte)0);
            var name = Encoding.UTF8.GetString(end < 0 ? path : path[..end]);

            // The path is the build machine's, Windows' or Unix': its last part by either separator.
            var fileName = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
            return fileName.Length == 0 ? null : new CodeViewEntry(id, fileName);
        }

        return null;
    }

    /// <summary>Where <paramref name="rva"/> lies in the file; -1 when in no section.</summary>
    private static long FileOffset(byte[] table, int sections, uint rva)
    {
        for (var i = 0; i < sections; i++)
        {
            var section = table.AsSpan(i * 40, 40);
            var virtualSize = BinaryPrimitives.ReadUInt32LittleEndian(section[8..]);
            var virtualAddress = BinaryPrimitives.ReadUInt32LittleEndian(section[12..]);
            var rawSize = BinaryPrimitives.ReadUInt32LittleEndian(section[16..]);
            var rawAt = BinaryPrimitives.ReadUInt32LittleEndian(section[20..]);
            if (rva >= virtualAddress && rva - virtualAddress < Math.Max(virtualSize, rawSize))
            {
                return rawAt + (rva - virtualAddress);
            }
        }

        return -1;
    }

    private static byte[]? Read(FileStream file, long offset, int count)
    {
        if (offset < 0 || count < 0 || offset + count > file.Length)
        {
            return null;
        }

        var buffer = new byte[count];
        file.Position = offset;
        file.ReadExactly(buffer);
        return buffer;
    }

    /// <summary>A portable CodeView entry: the PDB's id and its file name.</summary>
    internal sealed class CodeViewEntry(byte[] id, string fileName)
    {
        public byte[] Id { get; } = id;

        public string FileName { get; } = fileName;
    }
}
