
namespace Stack.Engine.Tests.Import;

/// <summary>
/// Compose names that C# would read as one identifier (<c>a-b</c> and <c>a_b</c>, a variable
/// <c>REDIS</c> and a service <c>redis</c>, a service <c>args</c> beside the program's own, names
/// with no ASCII letter) each keep their own, so what the importer writes compiles and every
/// reference points at the right declaration.
/// </summary>
public sealed class ImportNamingTests
{
    private const string Yaml = """
        services:
          a-b:
            image: nginx:1.27
            command: run ${A_B} ${a_b} ${REDIS}
            volumes: ["a_b:/data"]
          a_b:
            image: nginx:1.27
            volumes: ["a-b:/data"]
          redis:
            image: redis:7.4
          args:
            image: nginx:1.27
          日本:
            image: nginx:1.27
          value:
            image: nginx:1.27
        volumes:
          a-b: {}
          a_b: {}
        """;

    [Fact]
    public void Names_that_read_alike_in_csharp_compile_as_a_single_file()
    {
        var (code, errors) = AgreedImport.Import("dc.yml", Yaml, "0.1.0", "naming");
        Assert.True(code is not null, string.Join('\n', errors));

        var (image, problems) = ImportedCompilation.Compile([("stack.cs", string.Join('\n', code.Split('\n').Where(l => !l.StartsWith("#:", StringComparison.Ordinal))))], "naming");
        Assert.True(image is not null, string.Join('\n', problems) + "\n" + code);

        // Each reference names its own declaration.
        Assert.Contains("var aBVolume = new Volume(\"a-b\")", code, StringComparison.Ordinal);
        Assert.Contains("var aBVolume2 = new Volume(\"a_b\")", code, StringComparison.Ordinal);
        Assert.Contains("var aBService = new Service(\"a_b\")\n        .WithImage(\"nginx:1.27\")\n        .WithVolume(aBVolume, \"/data\")", code, StringComparison.Ordinal);
        Assert.Contains("$\"run {aBVariable} {aBVariable2} {redisVariable}\"", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_that_read_alike_in_csharp_compile_as_a_project_with_a_file_each()
    {
        var (files, errors) = AgreedImport.ImportProject([("dc.yml", Yaml)], "0.1.0", "naming");
        Assert.True(files is not null, string.Join('\n', errors));

        // Services/NAME.cs: distinct whatever the file system's case rules (日本 and value both read as Value).
        var services = files.Keys.Where(f => f.StartsWith("Services/", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, services.Count);
        Assert.Equal(services.Count, services.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        var (image, problems) = ImportedCompilation.Compile([.. files.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)).Select(f => (f.Key, f.Value))], "naming");
        Assert.True(image is not null, string.Join('\n', problems));
    }
}
