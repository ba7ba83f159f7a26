using System.Net;
using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Dsl.Validation.Swarm;

/// <summary>STK0500: a port bound to a host address, which Swarm publishes on every interface.</summary>
internal static class SwarmPortRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack)
    {
        foreach (var service in stack.Services)
        {
            foreach (var port in service.Ports)
            {
                if (port.HostIp is not { } address || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
                {
                    continue; // every interface already: STK0106's business, the same on both targets
                }

                var published = port.Published ?? port.Target;
                var advice = SwarmChecks.PortAdvice(service.Name, Code(port.Target), Code(published), stack.Traefik?.Service.Name == service.Name);
                yield return new StackDiagnostic(
                    SwarmChecks.PortAddress.Id,
                    SwarmChecks.PortAddress.Format(service.Name, port.ToShortSyntax(), address, advice),
                    service.At(service.Sites.Port(port))) { AddedAt = stack.Joins.Of(service) };
            }
        }
    }

    /// <summary>A port or range as the C# that makes it.</summary>
    private static string Code(PortRange range) =>
        range.Start == range.End ? range.Start.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"PortRange.Between({range.Start}, {range.End})";
}
