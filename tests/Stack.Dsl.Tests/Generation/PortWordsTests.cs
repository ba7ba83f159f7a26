using Stack.Dsl.Compose;

namespace Stack.Dsl.Tests.Generation;

/// <summary>Every protocol and mode has its word: a member added to either enum must be added to PortWords too.</summary>
public sealed class PortWordsTests
{
    [Fact]
    public void Every_protocol_is_written_as_its_lower_case_name() =>
        Assert.All(Enum.GetValues<PortProtocol>(), protocol => Assert.Equal(protocol.ToString().ToLowerInvariant(), protocol.Word()));

    [Fact]
    public void Every_mode_is_written_as_its_lower_case_name() =>
        Assert.All(Enum.GetValues<PortMode>(), mode => Assert.Equal(mode.ToString().ToLowerInvariant(), mode.Word()));
}
