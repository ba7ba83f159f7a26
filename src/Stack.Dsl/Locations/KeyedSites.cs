using Stack.Dsl.Compose;

namespace Stack.Dsl.Locations;

/// <summary>
/// Where the user's code wrote each keyed value (an escape-hatch field, an <c>x-</c> extension),
/// from caller information on the call that set it, so a finding about the value is reported at
/// that call. Kept with the value written: a value replaced later no longer matches, and its
/// finding falls back to the owner's place. Not part of what the owner is: every two are equal.
/// </summary>
/// <remarks>
/// A chain of small nodes, newest first, as <see cref="ServiceSites"/> keeps its places: an
/// <c>ImmutableDictionary</c> of tuples holding a <see cref="SourceLocation"/> (a struct of this
/// library) has no precompiled code and was JIT-compiled on every run, about a tenth of an emit.
/// </remarks>
internal sealed class KeyedSites : IEquatable<KeyedSites>
{
    private readonly Site? newest;

    private KeyedSites(Site? newest) => this.newest = newest;

    public static KeyedSites None { get; } = new(null);

    // An unknown place is kept too, as a value set where no call is seen: it hides the older place.
    public KeyedSites With(string key, object value, SourceLocation at) =>
        new(new Site(key, at.IsKnown ? value : null, at, newest));

    /// <summary>Where <paramref name="key"/> was set to <paramref name="value"/>; null when not by a call seen here.</summary>
    public SourceLocation? Of(string key, object? value)
    {
        for (var set = newest; set is not null; set = set.Previous)
        {
            if (string.Equals(set.Key, key, StringComparison.Ordinal))
            {
                return value is not null && ReferenceEquals(set.Value, value) ? set.At : null;
            }
        }

        return null;
    }

    public bool Equals(KeyedSites? other) => other is not null;

    public override bool Equals(object? obj) => obj is KeyedSites;

    public override int GetHashCode() => 0;

    private sealed record Site(string Key, object? Value, SourceLocation At, Site? Previous);
}
