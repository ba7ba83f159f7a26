// Shared by Stack.Dsl and Stack.Analyzers as a linked file (see RuleIds.cs).
namespace Stack.Rules;

/// <summary>
/// What is known about one property of a value. At run time every fact is <see cref="Yes"/> or
/// <see cref="No"/>; the analyzer also meets <see cref="Unknown"/> where it cannot see a value,
/// and a rule only fires on a fact that is proven.
/// </summary>
internal enum Fact : byte
{
    /// <summary>Could be either; rules stay silent.</summary>
    Unknown,

    /// <summary>Proven false.</summary>
    No,

    /// <summary>Proven true.</summary>
    Yes,
}

/// <summary>Three-valued logic over <see cref="Fact"/> (Kleene's).</summary>
internal static class FactLogic
{
    public static Fact Of(bool value) => value ? Fact.Yes : Fact.No;

    public static Fact Not(this Fact fact) => fact switch
    {
        Fact.Yes => Fact.No,
        Fact.No => Fact.Yes,
        _ => Fact.Unknown,
    };

    public static Fact And(this Fact left, Fact right) =>
        left == Fact.No || right == Fact.No ? Fact.No
        : left == Fact.Yes && right == Fact.Yes ? Fact.Yes
        : Fact.Unknown;

    public static Fact Or(this Fact left, Fact right) => left.Not().And(right.Not()).Not();

    /// <summary>What holds for a value that is one of two (a conditional, several assignments): known only when both agree.</summary>
    public static Fact Meet(this Fact left, Fact right) => left == right ? left : Fact.Unknown;
}
