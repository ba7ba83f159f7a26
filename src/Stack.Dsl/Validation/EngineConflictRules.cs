using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>
/// STK0217: settings that are valid alone but that the engine refuses together (or drops), found
/// by running each combination on a real engine: what <c>up</c> would refuse, Stack refuses first.
/// </summary>
internal static class EngineConflictRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack) => stack.Services.SelectMany(s => Check(s, stack.Targets.Contains(DeployTarget.Compose)));

    private static IEnumerable<StackDiagnostic> Check(Service service, bool onCompose)
    {
        StackDiagnostic Conflict(string message) => new(RuleIds.EngineConflict, $"Service '{service.Name}' {message}", service.Location);

        // Compose names every replica after container_name, and names are unique: it refuses the pair
        // ("can't set container_name and ... as container name must be unique"). Swarm drops container_name (STK0503).
        if (onCompose && service.ContainerName is not null && service.Deployment?.Replicas > 1)
        {
            yield return Conflict($"sets container_name and asks for {service.Deployment.Replicas} replicas; Compose refuses the pair, as every replica would need that one name. Remove WithContainerName, or run one replica.");
        }

        if (service.NetworkMode is { } mode)
        {
            var sharesAnother = mode is ServiceNetworkMode || mode.Value.StartsWith("container:", StringComparison.Ordinal);
            if (!service.Ports.IsEmpty)
            {
                yield return Conflict(mode.Value switch
                {
                    "host" => "publishes ports with network_mode 'host'; there the container uses the host's ports directly, so compose refuses (v1) or drops (v2) the mapping. Remove the ports, or leave host networking.",
                    "none" => "publishes ports with network_mode 'none'; a container without a network can never be reached on them. Remove the ports, or give it a network.",
                    _ => $"publishes ports with network_mode '{mode.Value}'; the engine refuses this (\"conflicting options: port publishing and the container type network mode\"). Publish them on the service whose network it shares.",
                });
            }

            if (sharesAnother)
            {
                if (service.Hostname is not null)
                {
                    yield return Conflict($"sets a hostname with network_mode '{mode.Value}'; the engine refuses this (\"conflicting options: hostname and the network mode\"): the container has the host name of the one whose network it shares. Remove WithHostname.");
                }

                if (!service.ExtraHosts.IsEmpty)
                {
                    yield return Conflict($"maps extra_hosts with network_mode '{mode.Value}'; the engine refuses this (\"conflicting options: custom host-to-IP mapping and the network mode\"). Map them on the service whose network it shares.");
                }

                if (!service.Expose.IsEmpty)
                {
                    yield return Conflict($"exposes ports with network_mode '{mode.Value}'; the engine refuses this (\"conflicting options: port exposing and the container type network mode\"). Expose them on the service whose network it shares.");
                }
            }

            if (service.ExtraFields.ContainsKey("links"))
            {
                yield return Conflict($"has links with network_mode '{mode.Value}'; links need the container's own network. Remove the links (services reach each other by name on a shared network).");
            }
        }

        foreach (var anonymous in service.Volumes.OfType<AnonymousVolumeMount>().Where(m => m.ReadOnly))
        {
            yield return new(RuleIds.EngineConflict, $"Service '{service.Name}' mounts a read-only anonymous volume at '{anonymous.Target}'; the engine refuses to create the container (\"must not set ReadOnly mode when using anonymous volumes\"): a fresh empty volume nobody can write to holds nothing. Drop ReadOnly, or mount a named volume read-only.", anonymous.Location.IsKnown ? anonymous.Location : service.Location);
        }

        foreach (var attachment in service.Networks.Where(a => !a.Network.External))
        {
            foreach (var address in new[] { attachment.Ipv4Address, attachment.Ipv6Address }.OfType<System.Net.IPAddress>())
            {
                var pools = attachment.Network.Ipam?.Pools ?? [];
                if (pools.IsDefaultOrEmpty)
                {
                    yield return Conflict($"asks for the static address {address} on network '{attachment.Network.Name}', which declares no subnet; the engine creates the container and refuses to start it (\"user specified IP address is supported only when connecting to networks with user configured subnets\"). Give the network a subnet that holds it (.WithSubnet(...)), or drop the static address.");
                }
                else if (!pools.Any(p => p.Subnet.Contains(address)))
                {
                    yield return Conflict($"asks for the static address {address} on network '{attachment.Network.Name}', but none of its subnets ({string.Join(", ", pools.Select(p => p.Subnet))}) holds it; the engine refuses to start the container (\"no configured subnet contains IP address\"). Pick an address inside a subnet, or add one that holds it.");
                }
            }
        }
    }
}
