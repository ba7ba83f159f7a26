using Stack.Dsl.Yaml;

namespace Stack.Dsl.Generation.Environments;

/// <summary>Builds deferred parts of a document, so documents can be compared and split.</summary>
internal static class YamlTree
{
    public static YamlValue Resolve(YamlValue value) => value switch
    {
        DeferredYamlValue deferred => Resolve(deferred.Resolve()),
        YamlSequence sequence => new YamlSequence([.. sequence.Items.Select(Resolve)]),
        YamlMapping mapping => Resolve(mapping),
        _ => value,
    };

    public static YamlMapping Resolve(YamlMapping mapping) =>
        new([.. mapping.Entries.Select(e => new YamlEntry(e.Key, Resolve(e.Value)))]);
}
