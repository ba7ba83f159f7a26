using System.Net;
using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Dsl.Validation.Swarm;

/// <summary>STK0500: a port bound to a host address, which Swarm publishes on every interface.</summary>
internal static class SwarmPortRules
{
    public static void Check(ComposeStack stack, List<StackDiagnostic> found)
    {
        foreach (var service in stack.Services)
        {
            // One finding a service, at its first such port, as the analyzer sees it (its facts list the ports).
            var bound = new List<PortMapping>();
            foreach (var port in service.Ports)
            {
                if (port.HostIp is { } address && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any))
                {
                    bound.Add(port);
                }
            }

            if (bound.Count == 0)
            {
                continue; // every interface: STK0106's business, the same on both targets
            }

            var first = bound[0];
            var advice = SwarmChecks.PortAdvice(service.Name, Code(first.Target), Code(first.Published ?? first.Target), stack.Traefik?.Service.Name == service.Name);
            found.Add(new StackDiagnostic(
                SwarmChecks.PortAddress.Id,
                SwarmChecks.PortAddress.Format(service.Name, SwarmChecks.Ports([.. bound.Select(p => p.ToShortSyntax())]), advice),
                service.At(service.Sites.Port(first))) { AddedAt = stack.Joins.Of(service) });
        }
    }

    /// <summary>A port or range as the C# that makes it.</summary>
    private static string Code(PortRange range) =>
        range.Start == range.End ? range.Start.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"PortRange.Between({range.Start}, {range.End})";
}
