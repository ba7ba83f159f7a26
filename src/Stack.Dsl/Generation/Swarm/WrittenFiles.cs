using System.Diagnostics.CodeAnalysis;
using Stack.Dsl.Generation.Picture;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// The files Stack writes at the top of the output folder (Traefik's, excludes.txt, ...), by name,
/// for a Swarm file that carries one as a config. STACK.md is drawn after the Swarm files (most
/// often by the other thread, meanwhile), so it is drawn here only if a Swarm file asks for it.
/// </summary>
internal sealed class WrittenFiles(IReadOnlyDictionary<string, string> files, Lazy<string> picture)
{
    public bool TryGetValue(string name, [MaybeNullWhen(false)] out string text)
    {
        if (files.TryGetValue(name, out text))
        {
            return true;
        }

        if (name != StackPicture.FileName)
        {
            return false;
        }

        text = picture.Value;
        return true;
    }
}
