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

    public RenderedOnRead(IEnumerable<NamedRenderer> renderers)
    {
        _texts = new Dictionary<string, Lazy<string>>(StringComparer.Ordinal);
        foreach (var renderer in renderers)
        {
            _texts.Add(renderer.Name, new Lazy<string>(renderer.Render));
        }
    }

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

/// <summary>A text's name and how to render it.</summary>
/// <param name="Name">The key.</param>
/// <param name="Render">Renders the text.</param>
internal sealed record NamedRenderer(string Name, Func<string> Render);
