using Stack.Dsl.Compose;

namespace Stack.Dsl.Tests.Generation;

/// <summary><c>network_mode: container:NAME</c>: a container outside the stack, by a name Docker accepts.</summary>
public sealed class ContainerNetworkModeTests
{
    [Fact]
    public void A_container_outside_the_stack_is_written_as_container_NAME()
    {
        var yaml = Emit.Yaml(Emit.Minimal().WithNetworkMode(NetworkMode.OfContainer("gluetun_vpn.1")));

        Assert.Contains("network_mode: container:gluetun_vpn.1", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-vpn")]
    [InlineData("vpn box")]
    [InlineData("vpn:1")]
    [InlineData("${VPN}")]
    [InlineData("vpn\nimage: evil")]
    public void A_name_Docker_would_not_accept_is_refused(string name) =>
        Assert.Throws<ArgumentException>(() => NetworkMode.OfContainer(name));
}
