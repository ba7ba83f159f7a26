using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Stack.Dsl.Generation.Environments;

/// <summary>
/// Texts rendered only when read, then kept: each environment as one file is for tests and
/// <c>--environment</c>, and writing every one on every run would cost as much as the base file.
/// </summary>
internal sealed class RenderedOnRead : IReadOnlyDictionary<string, string>
{
    private readonly Dictionary<string, Lazy<string>> _texts;

    public RenderedOnRead(IEnumerable<KeyValuePair<string, Func<string>>> renderers) =>
        _texts = renderers.ToDictionary(r => r.Key, r => new Lazy<string>(r.Value), StringComparer.Ordinal);

    public int Count => _texts.Count;

    public IEnumerable<string> Keys => _texts.Keys;

    public IEnumerable<string> Values => _texts.Values.Select(v => v.Value);

    public string this[string key] => _texts[key].Value;

    public bool ContainsKey(string key) => _texts.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var found = _texts.TryGetValue(key, out var text);
        value = found ? text!.Value : null;
        return found;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        _texts.Select(t => new KeyValuePair<string, string>(t.Key, t.Value.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
