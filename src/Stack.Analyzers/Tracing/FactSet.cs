using Stack.Rules;

namespace Stack.Analyzers.Tracing;

/// <summary>What the tracer proved about one DSL value: a <see cref="Fact"/> per <see cref="FactKind"/>, and its name when constant.</summary>
internal sealed class FactSet
{
    private const int KindCount = (int)FactKind.DisabledHealthcheck + 1;

    private readonly Fact[] _facts;

    private FactSet(Fact[] facts, string? name)
    {
        _facts = facts;
        Name = name;
    }

    /// <summary>Nothing is known.</summary>
    public static FactSet Unknown { get; } = new(new Fact[KindCount], null);

    /// <summary>The name given to the service or router's constructor, when it is a constant.</summary>
    public string? Name { get; }

    /// <summary>A value just created: every listed property is proven absent.</summary>
    public static FactSet Fresh(string? name, params FactKind[] absent)
    {
        var facts = new Fact[KindCount];
        foreach (var kind in absent)
        {
            facts[(int)kind] = Fact.No;
        }

        return new FactSet(facts, name);
    }

    public Fact this[FactKind kind] => _facts[(int)kind];

    public FactSet With(FactKind kind, Fact fact)
    {
        if (_facts[(int)kind] == fact)
        {
            return this;
        }

        var facts = (Fact[])_facts.Clone();
        facts[(int)kind] = fact;
        return new FactSet(facts, Name);
    }

    /// <summary>What holds for a value that is either of two.</summary>
    public FactSet Meet(FactSet other)
    {
        var facts = new Fact[KindCount];
        for (var i = 0; i < KindCount; i++)
        {
            facts[i] = _facts[i].Meet(other._facts[i]);
        }

        return new FactSet(facts, Name == other.Name ? Name : null);
    }
}
