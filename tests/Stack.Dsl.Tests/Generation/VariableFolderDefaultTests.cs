using Stack.Dsl.Compose;
using Stack.Dsl.Values;

namespace Stack.Dsl.Tests.Generation;

/// <summary>
/// A folder variable whose default is a project folder (<c>${DATA:-./data}</c>, as compose files
/// write it): compose reads the default from the compose file's folder, so the generator writes it
/// from the output folder, as it writes a project path; other defaults are kept as written.
/// </summary>
public sealed class VariableFolderDefaultTests
{
    [Theory]
    [InlineData("./data", "", "${DATA:-../src/App/data}")]
    [InlineData("./data", "sub", "${DATA:-../src/App/data}/sub")]
    [InlineData("../shared", "", "${DATA:-../src/App/../shared}")]
    [InlineData("/srv/data", "", "${DATA:-/srv/data}")]
    [InlineData("data", "", "${DATA:-data}")]
    public void A_relative_default_is_written_from_the_output_folder(string fallback, string below, string written)
    {
        var data = new Variable("DATA").OrDefault(fallback);

        var yaml = Emit.Yaml(Emit.Minimal("app").WithBind(HostPath.FromVariable(data, below), "/data"));

        Assert.Contains($"- {written}:/data", yaml, StringComparison.Ordinal);
    }
}
