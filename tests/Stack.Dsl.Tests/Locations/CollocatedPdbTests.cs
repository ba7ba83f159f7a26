using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Stack.Dsl.Locations;

namespace Stack.Dsl.Tests.Locations;

/// <summary>
/// The PDB beside an assembly, found by reading its headers directly: the same entry
/// <see cref="PEReader"/> reads, on every assembly this process has loaded (PE32 and PE32+, IL
/// and precompiled), and the PDB taken only when its id matches.
/// </summary>
public sealed class CollocatedPdbTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("collocated-pdb-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_codeview_entry_is_the_one_PEReader_reads_for_every_loaded_assembly()
    {
        var checkedOnes = 0;
        foreach (var path in AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0).Select(a => a.Location).Distinct())
        {
            using var pe = new PEReader(File.OpenRead(path));
            var expected = pe.ReadDebugDirectory().Where(e => e.IsPortableCodeView).Select(e => (Entry: e, Data: pe.ReadCodeViewDebugDirectoryData(e))).FirstOrDefault();

            var found = CollocatedPdb.CodeView(path);

            if (expected.Data.Path is null)
            {
                Assert.Null(found);
                continue;
            }

            Assert.NotNull(found);
            Assert.Equal([.. expected.Data.Guid.ToByteArray(), .. BitConverter.GetBytes(expected.Entry.Stamp)], found.Id);
            Assert.Equal(Path.GetFileName(expected.Data.Path.Replace('\\', '/')), found.FileName);
            checkedOnes++;
        }

        Assert.True(checkedOnes >= 5, $"only {checkedOnes} assemblies had a portable CodeView entry");
    }

    [Fact]
    public void The_tests_own_pdb_is_found_and_matches()
    {
        var path = typeof(CollocatedPdbTests).Assembly.Location;

        using var provider = CollocatedPdb.Open(path);

        Assert.NotNull(provider);
        using var pe = new PEReader(File.OpenRead(path));
        var entry = pe.ReadDebugDirectory().First(e => e.IsPortableCodeView);
        Assert.Equal(new BlobContentId(pe.ReadCodeViewDebugDirectoryData(entry).Guid, entry.Stamp), new BlobContentId(provider.GetMetadataReader().DebugMetadataHeader!.Id));
    }

    [Fact]
    public void Another_builds_pdb_under_the_same_name_is_not_taken()
    {
        var assembly = typeof(CollocatedPdbTests).Assembly.Location;
        var copy = Path.Combine(folder, Path.GetFileName(assembly));
        File.Copy(assembly, copy);
        var other = typeof(CollocatedPdb).Assembly.Location; // Stack.Dsl: another id
        File.Copy(Path.ChangeExtension(other, ".pdb"), Path.ChangeExtension(copy, ".pdb"));

        Assert.Null(CollocatedPdb.Open(copy));
    }

    [Fact]
    public void Without_a_pdb_beside_it_nothing_is_found()
    {
        var assembly = typeof(CollocatedPdbTests).Assembly.Location;
        var copy = Path.Combine(folder, Path.GetFileName(assembly));
        File.Copy(assembly, copy);

        Assert.Null(CollocatedPdb.Open(copy));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(4000)]
    public void A_file_cut_short_or_not_a_PE_is_nothing(int length)
    {
        var assembly = File.ReadAllBytes(typeof(CollocatedPdbTests).Assembly.Location);
        var cut = Path.Combine(folder, "cut.dll");
        File.WriteAllBytes(cut, assembly[..Math.Min(length, assembly.Length)]);

        Assert.Null(CollocatedPdb.CodeView(cut));
    }
}
