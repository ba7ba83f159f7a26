using System.Reflection;
using System.Reflection.Emit;
using Stack.Tool;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// stack import writes `#:package Stack.Dsl@&lt;version&gt;` with the version the tool was packed as:
/// a local build from eng/install.cs is a prerelease only the local feed has, so its files must ask
/// for exactly that, without the SDK's `+commit` build metadata.
/// </summary>
public sealed class PackageVersionTests
{
    [Theory]
    [InlineData("0.1.0", "0.1.0")]
    [InlineData("0.1.0+c2d82cdfd10c546565eedc7634bc932b75d3458a", "0.1.0")]
    [InlineData("0.1.0-local-5fa0ad24b9+c2d82cdf", "0.1.0-local-5fa0ad24b9")]
    [InlineData("1.2.3-rc.1", "1.2.3-rc.1")]
    public void The_informational_version_without_build_metadata_is_the_package_version(string informational, string expected)
    {
        Assert.Equal(expected, PackageVersion.Of(AssemblyWith(informational)));
    }

    [Fact]
    public void The_tool_asks_for_the_version_it_was_built_as()
    {
        var informational = typeof(PackageVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.Equal(informational.Split('+')[0], PackageVersion.Of(typeof(PackageVersion).Assembly));
        Assert.DoesNotContain('+', PackageVersion.Of(typeof(PackageVersion).Assembly));
    }

    private static AssemblyBuilder AssemblyWith(string informationalVersion)
    {
        var attribute = new CustomAttributeBuilder(
            typeof(AssemblyInformationalVersionAttribute).GetConstructor([typeof(string)])!, [informationalVersion]);
        return AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Versioned") { Version = new Version(9, 9, 9) }, AssemblyBuilderAccess.Run, [attribute]);
    }
}
