using Stack.Dsl.Compose;
using Stack.Dsl.Values;

namespace Stack.Dsl.Locations;

/// <summary>
/// Where the user's code wrote a service's image, each environment variable and each published
/// port (caller information on <c>WithImage</c>, <c>WithEnvironment</c>, <c>WithPort</c>), so a
/// finding about one of them is reported at that call rather than at <c>new Service(...)</c>.
/// </summary>
/// <remarks>
/// Each place is kept with the value it wrote: a value replaced later (another call, a
/// <c>with</c> expression) no longer matches, and its finding falls back to the service's own
/// place. Where a value was written is not part of what the service is: every two
/// <see cref="ServiceSites"/> are equal, so records that differ only there stay equal.
/// Kept in chains of small nodes of this library, not framework collections: an
/// <c>ImmutableDictionary</c> keyed to a <see cref="SourceLocation"/> was JIT-compiled on every
/// run (no precompiled code exists for a struct of this library), and even over classes its
/// first use loads a family of types no other part of a generate needs.
/// </remarks>
internal sealed class ServiceSites : IEquatable<ServiceSites>
{
    private readonly Written<ComposeString>? image;

    // Newest first, sharing their tails with the service's earlier copies: a write is one node.
    private readonly EnvironmentSite? environment;
    private readonly PortSite? ports;
    private readonly ListSite? lists;
    private readonly FieldSite? fields;

    private ServiceSites(Written<ComposeString>? image, EnvironmentSite? environment, PortSite? ports, ListSite? lists = null, FieldSite? fields = null)
    {
        this.image = image;
        this.environment = environment;
        this.ports = ports;
        this.lists = lists;
        this.fields = fields;
    }

    /// <summary>The lists set by calls that take <c>params</c> (their place comes from <see cref="ParamsCallSite"/>).</summary>
    public enum ListKind
    {
        /// <summary><c>WithCapAdd</c>.</summary>
        CapAdd,

        /// <summary><c>WithSecurityOpt</c>.</summary>
        SecurityOpt,
    }

    public static ServiceSites None { get; } = new(null, null, null);

    public ServiceSites WithImage(ComposeString value, SourceLocation at) =>
        new(at.IsKnown ? new(value, at) : null, environment, ports, lists, fields);

    /// <summary>These items were added to <paramref name="list"/> at <paramref name="at"/>.</summary>
    public ServiceSites WithItems(ListKind list, string[] items, SourceLocation at) => new(image, environment, ports, new(list, items, at, lists), fields);

    /// <summary>
    /// <paramref name="value"/> was set as the service's <paramref name="field"/> (a healthcheck, a
    /// command, a logging or build section: a value the user may build on one line and set on
    /// another) at <paramref name="at"/>: the call that set it, where its findings are reported.
    /// </summary>
    public ServiceSites WithField(string field, object value, SourceLocation at) =>
        at.IsKnown ? new(image, environment, ports, lists, new(field, value, at, fields)) : this;

    /// <summary>Where <paramref name="value"/> was set as <paramref name="field"/>; null when not by a call seen here (or replaced since).</summary>
    public SourceLocation? Field(string field, object? value)
    {
        for (var set = fields; set is not null; set = set.Previous)
        {
            if (string.Equals(set.Field, field, StringComparison.Ordinal))
            {
                return value is not null && ReferenceEquals(set.Value, value) ? set.At : null;
            }
        }

        return null;
    }

    /// <summary>Where <paramref name="item"/> was first added to <paramref name="list"/>; null when not by a call seen here.</summary>
    public SourceLocation? Item(ListKind list, string item)
    {
        SourceLocation? first = null;
        for (var set = lists; set is not null; set = set.Previous)
        {
            if (set.List == list && Array.IndexOf(set.Items, item) >= 0)
            {
                first = set.At;
            }
        }

        return first;
    }

    // An unknown place is kept too, as a variable set where no call is seen: it hides the older place.
    public ServiceSites WithEnvironment(string name, EnvironmentValue value, SourceLocation at) =>
        new(image, new(name, at.IsKnown ? value : null, at, environment), ports, lists, fields);

    public ServiceSites WithPort(PortMapping port, SourceLocation at) =>
        at.IsKnown ? new(image, environment, new(port, at, ports), lists, fields) : this;

    /// <summary>Where <paramref name="value"/> was set as the image; null when not by a call seen here.</summary>
    public SourceLocation? Image(ComposeString? value) =>
        image is { } set && value is not null && ReferenceEquals(set.Value, value) ? set.At : null;

    /// <summary>Where variable <paramref name="name"/> was set to <paramref name="value"/>; null when not by a call seen here.</summary>
    public SourceLocation? Environment(string name, EnvironmentValue? value)
    {
        for (var set = environment; set is not null; set = set.Previous)
        {
            if (string.Equals(set.Name, name, StringComparison.Ordinal))
            {
                return value is not null && ReferenceEquals(set.Value, value) ? set.At : null;
            }
        }

        return null;
    }

    /// <summary>Where <paramref name="port"/> was first published; null when not by a call seen here.</summary>
    public SourceLocation? Port(PortMapping port)
    {
        SourceLocation? first = null;
        for (var set = ports; set is not null; set = set.Previous)
        {
            if (set.Port.Equals(port))
            {
                first = set.At;
            }
        }

        return first;
    }

    public bool Equals(ServiceSites? other) => other is not null;

    public override bool Equals(object? obj) => obj is ServiceSites;

    public override int GetHashCode() => 0;

    private sealed record EnvironmentSite(string Name, EnvironmentValue? Value, SourceLocation At, EnvironmentSite? Previous);

    private sealed record PortSite(PortMapping Port, SourceLocation At, PortSite? Previous);

    private sealed record ListSite(ListKind List, string[] Items, SourceLocation At, ListSite? Previous);

    private sealed record FieldSite(string Field, object Value, SourceLocation At, FieldSite? Previous);
}
