using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Stack.Rules;

namespace Stack.Analyzers.Tracing;

/// <summary>What the tracer proved about one DSL value: a <see cref="Fact"/> per <see cref="FactKind"/>, and its name when constant.</summary>
/// <remarks>
/// The tracer makes one of these per step of every chain it follows (tens of thousands on a large
/// stack), so the facts are packed two bits each into one number, and the rare details (a socket
/// path, a port) live in an array only when there are some.
/// </remarks>
internal sealed class FactSet
{
    private const int KindCount = (int)FactKind.AcceptedUnpinnedImage + 1;

    // Two bits a kind in 64: a 33rd kind makes this constant negative, which does not compile.
    private const uint KindsFitInOneNumber = 32 - KindCount;

    // Two bits a kind: the low bit of each pair, for spreading a per-kind test over both bits.
    private const ulong LowBits = 0x5555_5555_5555_5555UL;

    private readonly ulong _facts;
    private readonly string?[]? _details;

    // Where the user's code made each fact true (the DSL call), and where each literal secret was set.
    private readonly Location?[]? _sites;
    private readonly ImmutableDictionary<string, Location>? _secretSites;

    private FactSet(
        ulong facts, string?[]? details, string? name, ImmutableSortedSet<string>? literalSecrets, ImmutableSortedSet<string>? acceptedSecrets,
        Location?[]? sites = null, Location? created = null, ImmutableDictionary<string, Location>? secretSites = null)
    {
        _facts = facts;
        _details = details;
        Name = name;
        LiteralSecrets = literalSecrets;
        AcceptedSecrets = acceptedSecrets;
        _sites = sites;
        Created = created;
        _secretSites = secretSites;
    }

    /// <summary>Nothing is known.</summary>
    public static FactSet Unknown { get; } = new(0, null, null, null, null);

    /// <summary>Where the value was constructed (<c>new Service(...)</c>), when one place is known.</summary>
    public Location? Created { get; }

    /// <summary>The name given to the service or router's constructor, when it is a constant.</summary>
    public string? Name { get; }

    /// <summary>Secret-looking environment variables set to literals (STK0100); null when not known.</summary>
    public ImmutableSortedSet<string>? LiteralSecrets { get; }

    /// <summary>Names whose literal values the service accepts (AcceptLiteralSecret); null when one accepted name is not known.</summary>
    public ImmutableSortedSet<string>? AcceptedSecrets { get; }

    /// <summary>The literal secrets not accepted; null when either set is not known.</summary>
    public ImmutableSortedSet<string>? UnacceptedSecrets => LiteralSecrets is { } secrets && AcceptedSecrets is { } accepted ? secrets.Except(accepted) : null;

    /// <summary>A value just created: every listed property is proven absent.</summary>
    public static FactSet Fresh(string? name, params FactKind[] absent)
    {
        var facts = 0UL;
        foreach (var kind in absent)
        {
            facts = Set(facts, kind, Fact.No);
        }

        return new FactSet(facts, null, name, ImmutableSortedSet<string>.Empty, ImmutableSortedSet<string>.Empty);
    }

    public Fact this[FactKind kind] => (Fact)((_facts >> Shift(kind)) & 3);

    /// <summary>What made the fact true, for messages (a socket path, a port), when known.</summary>
    public string? Detail(FactKind kind) => _details?[(int)kind];

    public FactSet With(FactKind kind, Fact fact, string? detail = null)
    {
        if (this[kind] == fact && Detail(kind) == detail)
        {
            return this;
        }

        var details = _details;
        if (Detail(kind) != detail)
        {
            details = _details is null ? new string?[KindCount] : (string?[])_details.Clone();
            details[(int)kind] = detail;
        }

        return new FactSet(Set(_facts, kind, fact), details, Name, LiteralSecrets, AcceptedSecrets, _sites, Created, _secretSites);
    }

    /// <summary>Where the user's code made <paramref name="kind"/> true, when one place is known.</summary>
    public Location? Site(FactKind kind) => _sites?[(int)kind];

    /// <summary>Where the literal secret <paramref name="name"/> was set, when one place is known.</summary>
    public Location? SecretSite(string name) => _secretSites is { } sites && sites.TryGetValue(name, out var site) ? site : null;

    public FactSet WithSite(FactKind kind, Location? site)
    {
        if (Site(kind) == site)
        {
            return this;
        }

        var sites = _sites is null ? new Location?[KindCount] : (Location?[])_sites.Clone();
        sites[(int)kind] = site;
        return new FactSet(_facts, _details, Name, LiteralSecrets, AcceptedSecrets, sites, Created, _secretSites);
    }

    public FactSet WithCreated(Location? created) => new(_facts, _details, Name, LiteralSecrets, AcceptedSecrets, _sites, created, _secretSites);

    public FactSet WithSecretSite(string name, Location site) =>
        new(_facts, _details, Name, LiteralSecrets, AcceptedSecrets, _sites, Created, (_secretSites ?? ImmutableDictionary<string, Location>.Empty).SetItem(name, site));

    /// <summary>
    /// The same facts with every place inside <paramref name="span"/> of <paramref name="tree"/>
    /// moved to <paramref name="call"/>: what a helper with parameters wrote is reported where it
    /// is called, as the generator reports it.
    /// </summary>
    public FactSet MovedTo(Location call, SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        Location? Move(Location? site) => site is not null && site.SourceTree == tree && span.Contains(site.SourceSpan) ? call : site;

        Location?[]? sites = null;
        if (_sites is not null)
        {
            sites = new Location?[KindCount];
            for (var i = 0; i < KindCount; i++)
            {
                sites[i] = Move(_sites[i]);
            }
        }

        var secretSites = _secretSites;
        if (_secretSites is not null)
        {
            foreach (var pair in _secretSites)
            {
                if (Move(pair.Value) is { } moved && moved != pair.Value)
                {
                    secretSites = secretSites!.SetItem(pair.Key, moved);
                }
            }
        }

        return new FactSet(_facts, _details, Name, LiteralSecrets, AcceptedSecrets, sites, Move(Created), secretSites);
    }

    /// <summary>Adds to a fact that only grows (mounts, ports): Yes stays Yes; the detail of the first Yes is kept.</summary>
    public FactSet Add(FactKind kind, Fact fact, string? detail = null) =>
        this[kind] == Fact.Yes ? this : With(kind, this[kind].Or(fact), fact == Fact.Yes ? detail : null);

    /// <summary>
    /// Adds to a fact that lists what made it true (published ports): each Yes adds its detail,
    /// joined with ", " as the generator lists them; one unknown detail makes the list unknown.
    /// </summary>
    public FactSet AddToList(FactKind kind, Fact fact, string? detail)
    {
        if (fact != Fact.Yes)
        {
            return this[kind] == Fact.Yes ? this : With(kind, this[kind].Or(fact), Detail(kind));
        }

        var listed = this[kind] != Fact.Yes ? detail : Detail(kind) is { } earlier && detail is not null ? earlier + ", " + detail : null;
        return With(kind, Fact.Yes, listed);
    }

    public FactSet WithLiteralSecrets(ImmutableSortedSet<string>? secrets) => new(_facts, _details, Name, secrets, AcceptedSecrets, _sites, Created, _secretSites);

    public FactSet WithAcceptedSecrets(ImmutableSortedSet<string>? accepted) => new(_facts, _details, Name, LiteralSecrets, accepted, _sites, Created, _secretSites);

    /// <summary>What holds for a value that is either of two: each fact where both agree (<see cref="FactLogic.Meet"/>), else unknown.</summary>
    public FactSet Meet(FactSet other)
    {
        // A pair of bits that differs anywhere becomes 00 (Unknown) in both of its bits.
        var differs = _facts ^ other._facts;
        var differingKinds = (differs | (differs >> 1)) & LowBits;
        var facts = _facts & ~(differingKinds | (differingKinds << 1));

        string?[]? details = null;
        if (_details is not null && other._details is not null)
        {
            details = new string?[KindCount];
            for (var i = 0; i < KindCount; i++)
            {
                details[i] = _details[i] == other._details[i] ? _details[i] : null;
            }
        }

        // A literal secret is proven only if both values have it.
        var secrets = LiteralSecrets is { } mine && other.LiteralSecrets is { } theirs ? mine.Intersect(theirs) : null;

        // And accepted only if both accept it.
        var accepted = AcceptedSecrets is { } ours && other.AcceptedSecrets is { } others ? ours.Intersect(others) : null;

        // A place is kept where both values were made at the same one.
        Location?[]? sites = null;
        if (_sites is not null && other._sites is not null)
        {
            sites = new Location?[KindCount];
            for (var i = 0; i < KindCount; i++)
            {
                sites[i] = _sites[i] == other._sites[i] ? _sites[i] : null;
            }
        }

        ImmutableDictionary<string, Location>? secretSites = null;
        if (_secretSites is not null && other._secretSites is not null)
        {
            secretSites = ImmutableDictionary<string, Location>.Empty;
            foreach (var pair in _secretSites)
            {
                if (other._secretSites.TryGetValue(pair.Key, out var theirSite) && theirSite == pair.Value)
                {
                    secretSites = secretSites.Add(pair.Key, pair.Value);
                }
            }
        }

        return new FactSet(facts, details, Name == other.Name ? Name : null, secrets, accepted, sites, Created == other.Created ? Created : null, secretSites);
    }

    private static int Shift(FactKind kind) => 2 * (int)kind;

    private static ulong Set(ulong facts, FactKind kind, Fact fact) =>
        (facts & ~(3UL << Shift(kind))) | ((ulong)fact << Shift(kind));
}
