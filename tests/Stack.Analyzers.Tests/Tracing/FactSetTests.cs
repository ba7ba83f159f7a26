extern alias analyzers;

using analyzers::Stack.Analyzers.Tracing;
using CsCheck;
using Fact = analyzers::Stack.Rules.Fact;
using FactLogic = analyzers::Stack.Rules.FactLogic;

namespace Stack.Analyzers.Tests.Tracing;

/// <summary>
/// FactSet packs its facts two bits each into one number; these compare it, on random writes,
/// with the plain model it replaces: an array of facts and one of details.
/// </summary>
public sealed class FactSetTests
{
    private static readonly FactKind[] Kinds = Enum.GetValues<FactKind>();

    private static readonly string?[] Details = [null, null, "/var/run/docker.sock", "8080"];

    private sealed record Write(FactKind Kind, Fact Fact, string? Detail);

    private static readonly Gen<Write> AnyWrite = Gen.Select(
        Gen.Int[0, Kinds.Length - 1].Select(i => Kinds[i]),
        Gen.Int[0, 2].Select(i => (Fact)i),
        Gen.Int[0, 3].Select(i => Details[i]),
        (kind, fact, detail) => new Write(kind, fact, detail));

    private static readonly Gen<Write[]> Writes = AnyWrite.Array[0, 40];

    /// <summary>The facts and details after the writes, in the plain model.</summary>
    private static (Fact[] Facts, string?[] Details) Model(Write[] writes)
    {
        var facts = new Fact[Kinds.Length];
        var details = new string?[Kinds.Length];
        foreach (var write in writes)
        {
            facts[(int)write.Kind] = write.Fact;
            details[(int)write.Kind] = write.Detail;
        }

        return (facts, details);
    }

    private static FactSet Apply(Write[] writes) => writes.Aggregate(FactSet.Unknown, (set, write) => set.With(write.Kind, write.Fact, write.Detail));

    private static void AssertMatches((Fact[] Facts, string?[] Details) model, FactSet set)
    {
        foreach (var kind in Kinds)
        {
            Assert.Equal(model.Facts[(int)kind], set[kind]);
            Assert.Equal(model.Details[(int)kind], set.Detail(kind));
        }
    }

    [Fact]
    public void Writes_read_back_and_leave_every_other_kind_alone() =>
        Writes.Sample(writes => AssertMatches(Model(writes), Apply(writes)), iter: 2000);

    [Fact]
    public void Meet_keeps_each_fact_and_detail_both_sides_agree_on_and_nothing_else() =>
        Gen.Select(Writes, Writes).Sample(
            (left, right) =>
            {
                var (leftFacts, leftDetails) = Model(left);
                var (rightFacts, rightDetails) = Model(right);
                var expected = (
                    leftFacts.Zip(rightFacts, FactLogic.Meet).ToArray(),
                    leftDetails.Zip(rightDetails, (a, b) => a == b ? a : null).ToArray());
                AssertMatches(expected, Apply(left).Meet(Apply(right)));
            },
            iter: 2000);

    [Fact]
    public void A_fresh_value_has_exactly_its_listed_kinds_proven_absent()
    {
        var set = FactSet.Fresh("web", FactKind.Restart, FactKind.AcceptedUnpinnedImage);
        Assert.All(Kinds, kind => Assert.Equal(kind is FactKind.Restart or FactKind.AcceptedUnpinnedImage ? Fact.No : Fact.Unknown, set[kind]));
        Assert.Equal("web", set.Name);
    }
}
