using System.Collections.Immutable;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Compose;

/// <summary>
/// The one check every escape hatch shares: a key the DSL models goes through its method (so the
/// generator can check it); any other key, and every <c>x-</c> extension, is accepted as given.
/// </summary>
internal static class EscapeHatch
{
    public static ImmutableSortedDictionary<string, YamlValue> None { get; } =
        ImmutableSortedDictionary.Create<string, YamlValue>(StringComparer.Ordinal);

    public static ImmutableSortedDictionary<string, YamlValue> Set(
        ImmutableSortedDictionary<string, YamlValue> fields, string key, YamlValue value, IReadOnlySet<string> modeled, string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        // The shared table decides and words it, as the analyzer does while typing (STK0200).
        if (Stack.Rules.ModeledKeys.Refusal(owner, key) is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(key));
        }

        if (modeled.Contains(key))
        {
            throw new ArgumentException($"The {owner} key '{key}' is modeled by the DSL, so WithField refuses it: set it with the {owner}'s own method, which the generator checks.", nameof(key));
        }

        return fields.SetItem(key, value);
    }
}
