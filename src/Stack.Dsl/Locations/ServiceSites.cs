using System.Collections.Immutable;
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
/// </remarks>
internal sealed class ServiceSites : IEquatable<ServiceSites>
{
    private readonly (ComposeString Value, SourceLocation At)? image;
    private readonly ImmutableDictionary<string, (EnvironmentValue Value, SourceLocation At)> environment;
    private readonly ImmutableDictionary<PortMapping, SourceLocation> ports;

    private ServiceSites(
        (ComposeString Value, SourceLocation At)? image,
        ImmutableDictionary<string, (EnvironmentValue Value, SourceLocation At)> environment,
        ImmutableDictionary<PortMapping, SourceLocation> ports)
    {
        this.image = image;
        this.environment = environment;
        this.ports = ports;
    }

    public static ServiceSites None { get; } = new(null, ImmutableDictionary.Create<string, (EnvironmentValue, SourceLocation)>(StringComparer.Ordinal), ImmutableDictionary<PortMapping, SourceLocation>.Empty);

    public ServiceSites WithImage(ComposeString value, SourceLocation at) =>
        at.IsKnown ? new((value, at), environment, ports) : new(null, environment, ports);

    public ServiceSites WithEnvironment(string name, EnvironmentValue value, SourceLocation at) =>
        new(image, at.IsKnown ? environment.SetItem(name, (value, at)) : environment.Remove(name), ports);

    public ServiceSites WithPort(PortMapping port, SourceLocation at) =>
        at.IsKnown && !ports.ContainsKey(port) ? new(image, environment, ports.Add(port, at)) : this;

    /// <summary>Where <paramref name="value"/> was set as the image; null when not by a call seen here.</summary>
    public SourceLocation? Image(ComposeString? value) =>
        image is { } set && value is not null && ReferenceEquals(set.Value, value) ? set.At : null;

    /// <summary>Where variable <paramref name="name"/> was set to <paramref name="value"/>; null when not by a call seen here.</summary>
    public SourceLocation? Environment(string name, EnvironmentValue? value) =>
        value is not null && environment.TryGetValue(name, out var set) && ReferenceEquals(set.Value, value) ? set.At : null;

    /// <summary>Where <paramref name="port"/> was published; null when not by a call seen here.</summary>
    public SourceLocation? Port(PortMapping port) => ports.TryGetValue(port, out var at) ? at : null;

    public bool Equals(ServiceSites? other) => other is not null;

    public override bool Equals(object? obj) => obj is ServiceSites;

    public override int GetHashCode() => 0;
}
