using System.Collections.Immutable;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Locations;

/// <summary>
/// Where the user's code wrote each keyed value (an escape-hatch field, an <c>x-</c> extension),
/// from caller information on the call that set it, so a finding about the value is reported at
/// that call. Kept with the value written: a value replaced later no longer matches, and its
/// finding falls back to the owner's place. Not part of what the owner is: every two are equal.
/// </summary>
internal sealed class KeyedSites : IEquatable<KeyedSites>
{
    private readonly ImmutableDictionary<string, (object Value, SourceLocation At)> sites;

    private KeyedSites(ImmutableDictionary<string, (object Value, SourceLocation At)> sites) => this.sites = sites;

    public static KeyedSites None { get; } = new(ImmutableDictionary.Create<string, (object, SourceLocation)>(StringComparer.Ordinal));

    public KeyedSites With(string key, object value, SourceLocation at) =>
        new(at.IsKnown ? sites.SetItem(key, (value, at)) : sites.Remove(key));

    /// <summary>Where <paramref name="key"/> was set to <paramref name="value"/>; null when not by a call seen here.</summary>
    public SourceLocation? Of(string key, object? value) =>
        value is not null && sites.TryGetValue(key, out var set) && ReferenceEquals(set.Value, value) ? set.At : null;

    public bool Equals(KeyedSites? other) => other is not null;

    public override bool Equals(object? obj) => obj is KeyedSites;

    public override int GetHashCode() => 0;
}
