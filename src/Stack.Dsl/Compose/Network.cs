using System.Runtime.CompilerServices;

namespace Stack.Dsl.Compose;

/// <summary>
/// A top-level network. Create it once and pass the object to the services that join it; the
/// stack declares every network its services use.
/// </summary>
public sealed record Network : ComposeResource
{
    /// <summary>Creates a network.</summary>
    /// <param name="name">The key under <c>networks:</c>; compose prefixes it with the project name.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Network(string name, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : base(name, new SourceLocation(filePath, line))
    {
    }

    /// <summary>Whether the network is cut off from the outside world.</summary>
    public bool Internal { get; init; }

    /// <summary>Whether standalone containers may attach.</summary>
    public bool Attachable { get; init; }
}
