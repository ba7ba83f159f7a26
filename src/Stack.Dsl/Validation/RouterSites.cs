using System.Collections.Immutable;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;

namespace Stack.Dsl.Validation;

/// <summary>
/// One router of a service, whatever its protocol, as the rules read it: what to call it in a
/// message, its name, the container port it forwards to (HTTP routers name theirs through their
/// service), the entrypoints it listens on, where it was made, and whether it is UDP.
/// </summary>
// A class, not a tuple: generic code over a tuple holding a struct is compiled at start-up.
internal sealed record RouterSite(string Kind, string Name, int? Port, ImmutableArray<EntryPoint> EntryPoints, SourceLocation Location, bool Udp)
{
    /// <summary>The service's TCP and UDP routers.</summary>
    public static IEnumerable<RouterSite> Layer4(Service service) =>
        service.TcpRouters.Select(r => new RouterSite("TCP router", r.Name, r.Port, r.EntryPoints, r.Location, Udp: false))
            .Concat(service.UdpRouters.Select(r => new RouterSite("UDP router", r.Name, r.Port, r.EntryPoints, r.Location, Udp: true)));

    /// <summary>Every router of the service: HTTP first, then TCP, then UDP.</summary>
    public static IEnumerable<RouterSite> All(Service service) =>
        service.Routers.Select(r => new RouterSite("Router", r.Name, Port: null, r.EntryPoints, r.Location, Udp: false)).Concat(Layer4(service));
}
