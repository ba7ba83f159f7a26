using Stack.Dsl.Compose;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Validation.Swarm;

/// <summary>Accepting a Swarm difference (<see cref="Service.AcceptOnSwarm"/>): it silences its own warning and nothing else.</summary>
public sealed partial class SwarmRulesTests
{
    private static readonly Dictionary<string, SwarmDifference> AcceptedAs = new(StringComparer.Ordinal)
    {
        ["STK0503"] = SwarmDifference.DroppedSetting,
        ["STK0504"] = SwarmDifference.IgnoredWait,
        ["STK0505"] = SwarmDifference.VolumeNotPinned,
        ["STK0506"] = SwarmDifference.BackupRunnerNotPinned,
    };

    private static ComposeStack AcceptingOnEveryService(ComposeStack stack, SwarmDifference difference) =>
        stack with { Services = [.. stack.Services.Select(s => s.AcceptOnSwarm(difference, "test"))] };

    private static List<string> Findings(IEnumerable<StackDiagnostic> diagnostics) =>
        [.. diagnostics.Select(d => $"{d.Id} {d.Severity} {d.Message}").Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_difference_is_one_warning_rule()
    {
        Assert.Equal(Enum.GetValues<SwarmDifference>().Order(), AcceptedAs.Values.Order());
        Assert.All(BadShapes.Select(row => ((string)row[0], (string)row[1])).Where(r => AcceptedAs.ContainsKey(r.Item1)), r =>
            Assert.All(Swarm(Shape(r.Item2)).Where(d => d.Id == r.Item1), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity)));
    }

    // Every bad shape x every difference: what goes away is exactly that difference's warning;
    // errors and the other warnings stay, word for word.
    [Theory]
    [MemberData(nameof(BadShapes))]
    public void Accepting_a_difference_silences_its_own_warning_and_nothing_else(string id, string shape)
    {
        var before = Swarm(Shape(shape));
        foreach (var difference in Enum.GetValues<SwarmDifference>())
        {
            var after = Swarm(AcceptingOnEveryService(Shape(shape), difference));

            var kept = before.Where(d => !(AcceptedAs.TryGetValue(d.Id, out var accepted) && accepted == difference));
            Assert.Equal(Findings(kept), Findings(after));
            if (AcceptedAs.TryGetValue(id, out var own) && own == difference)
            {
                Assert.DoesNotContain(after, d => d.Id == id);
            }
        }
    }

    [Theory]
    [MemberData(nameof(BadShapes))]
    public void A_warning_names_its_acceptance_and_an_error_names_none(string id, string shape)
    {
        foreach (var finding in Swarm(Shape(shape)).Where(d => d.Id == id))
        {
            if (AcceptedAs.TryGetValue(id, out var difference))
            {
                Assert.Contains($".AcceptOnSwarm(SwarmDifference.{difference}, \"why\")", finding.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain("AcceptOnSwarm", finding.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void An_acceptance_keeps_its_reason_and_line_and_a_second_one_replaces_it()
    {
        var service = Safe("a").AcceptOnSwarm(SwarmDifference.DroppedSetting, "first").AcceptOnSwarm(SwarmDifference.DroppedSetting, "second"); var line = ThisLine();

        var accepted = Assert.Single(service.SwarmAcceptances);
        Assert.Equal(("second", line), (accepted.Reason, accepted.Location.Line));
        Assert.Throws<ArgumentException>(() => Safe("a").AcceptOnSwarm(SwarmDifference.IgnoredWait, " "));
        Assert.Throws<ArgumentOutOfRangeException>(() => Safe("a").AcceptOnSwarm((SwarmDifference)42, "why"));
    }
}
