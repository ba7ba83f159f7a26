using Stack.Dsl.Compose;

namespace Stack.Dsl.Locations;

/// <summary>A location looked up in the program's symbols when first read, then kept.</summary>
/// <remarks>
/// Not <c>Lazy&lt;SourceLocation&gt;</c>: the framework has no precompiled code for it over a
/// struct of this library, so it was JIT-compiled on every run, though most runs read no location.
/// </remarks>
internal sealed class DeferredLocation(Func<SourceLocation> find)
{
    private readonly Lock gate = new();
    private Func<SourceLocation>? find = find;
    private SourceLocation found;

    public SourceLocation Value
    {
        get
        {
            lock (gate)
            {
                if (find is { } lookUp)
                {
                    found = lookUp();
                    find = null;
                }

                return found;
            }
        }
    }
}
