using System.Collections.Immutable;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Tests.Generation.Swarm;

/// <summary><see cref="ComposeStack.WithTargets"/>: each target once, in the enum's order, whatever the caller passes.</summary>
public sealed class WithTargetsTests
{
    public static TheoryData<DeployTarget[], DeployTarget[]> Choices => new()
    {
        { [DeployTarget.Compose], [DeployTarget.Compose] },
        { [DeployTarget.Swarm], [DeployTarget.Swarm] },
        { [DeployTarget.Swarm, DeployTarget.Compose], [DeployTarget.Compose, DeployTarget.Swarm] },
        { [DeployTarget.Swarm, DeployTarget.Swarm, DeployTarget.Compose, DeployTarget.Swarm], [DeployTarget.Compose, DeployTarget.Swarm] },
        { [DeployTarget.Compose, DeployTarget.Compose], [DeployTarget.Compose] },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void Targets_are_distinct_and_ordered_from_any_collection(DeployTarget[] given, DeployTarget[] expected)
    {
        var stack = new ComposeStack("s");
        Assert.Equal(expected, stack.WithTargets(given).Targets);
        Assert.Equal(expected, stack.WithTargets(given.ToList()).Targets);
        Assert.Equal(expected, stack.WithTargets(given.Select(t => t)).Targets);
        foreach (var target in Enum.GetValues<DeployTarget>())
        {
            Assert.Equal(expected.Contains(target), stack.WithTargets(given).Targets.Includes(target));
        }
    }

    [Fact]
    public void No_target_or_an_undefined_one_is_refused()
    {
        var stack = new ComposeStack("s");
        Assert.Throws<ArgumentException>(() => stack.WithTargets());
        Assert.Throws<ArgumentOutOfRangeException>(() => stack.WithTargets(DeployTarget.Compose, (DeployTarget)7));
        Assert.Throws<ArgumentNullException>(() => stack.WithTargets((IEnumerable<DeployTarget>)null!));
    }

    [Fact]
    public void A_default_or_empty_set_includes_nothing()
    {
        Assert.False(default(ImmutableArray<DeployTarget>).Includes(DeployTarget.Compose));
        Assert.False(ImmutableArray<DeployTarget>.Empty.Includes(DeployTarget.Swarm));
        Assert.True(new ComposeStack("s").Targets.Includes(DeployTarget.Compose));
        Assert.False(new ComposeStack("s").Targets.Includes(DeployTarget.Swarm));
    }
}
