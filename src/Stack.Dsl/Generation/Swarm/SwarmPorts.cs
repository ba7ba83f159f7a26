using Stack.Dsl.Compose;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Yaml.YamlValue;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// Ports in the v3 long syntax, whose <c>published</c> and <c>target</c> must be integers (a
/// string is a hard error there). The Traefik proxy publishes in <c>mode: host</c>: through the
/// ingress mesh it would see the mesh's address instead of the client's, and its IP allow lists
/// and trusted forwarders would judge the wrong address. A host IP cannot be written (Swarm
/// publishes on every interface); the STK05nn checks report it.
/// </summary>
internal static class SwarmPorts
{
    /// <summary>How Swarm publishes <paramref name="port"/>: as the model says, else host mode for the proxy and the mesh for the rest (STK0508 reads the same).</summary>
    public static PortMode ModeOnSwarm(PortMapping port, bool isProxy) => port.Mode ?? (isProxy ? PortMode.Host : PortMode.Ingress);

    public static YamlSequence? Build(Service service, bool isProxy, SwarmContext context)
    {
        if (service.Ports.IsDefaultOrEmpty)
        {
            return null;
        }

        var items = new List<YamlValue>();
        foreach (var port in service.Ports.OrderBy(p => (p.Published ?? p.Target).Start).ThenBy(p => p.ToShortSyntax(), StringComparer.Ordinal))
        {
            if (port.Name is not null || port.AppProtocol is not null)
            {
                context.Refuse(service.At(service.Sites.Port(port)), $"Service '{service.Name}' names port {port.Target} or gives its app protocol, which the v3 schema docker stack deploy reads cannot say. Remove the name and app protocol, or deploy the stack with Compose only: .WithTargets(DeployTarget.Compose).");
                continue;
            }

            var mode = ModeOnSwarm(port, isProxy);
            if (mode == PortMode.Ingress && service.Deployment?.EndpointMode == EndpointMode.Dnsrr)
            {
                // The mesh balances through a virtual IP, which DNS round robin does not have: the
                // daemon refuses the service at deploy ("port published with ingress mode can't be
                // used with dnsrr mode"); the v3 schema itself accepts it.
                context.Refuse(service.At(service.Sites.Port(port)), $"Service '{service.Name}' resolves by DNS round robin (EndpointMode.Dnsrr) and publishes port {port.Target} through the ingress mesh, which Swarm refuses when it creates the service (the mesh needs a virtual IP). Publish it on the node instead: new PortMapping({port.Target}) {{ Published = {port.Published ?? port.Target}, Mode = PortMode.Host }}, or use the virtual IP (EndpointMode.Vip).");
                continue;
            }

            if (port.Target.IsRange || port.Published is { IsRange: true })
            {
                if (mode == PortMode.Host)
                {
                    context.Refuse(service.At(service.Sites.Port(port)), $"Service '{service.Name}' publishes the range {port.Target} in host mode, which the v3 long syntax cannot say (its ports are single integers). Publish each port on its own: .WithPort(...) per port.");
                    continue;
                }

                // The short syntax is the only way to say a range; without the host IP (see above).
                var published = port.Published is { } range ? $"{range}:" : string.Empty;
                var protocol = port.Protocol == PortProtocol.Tcp ? string.Empty : "/" + port.Protocol.Word();
                items.Add(new YamlScalar(ScalarKind.Text, $"{published}{port.Target}{protocol}", AlwaysQuoted: true));
                continue;
            }

            var entries = new List<YamlEntry> { new("target", Number(port.Target.Start)) };
            if (port.Published is { } single)
            {
                entries.Add(new("published", Number(single.Start)));
            }

            entries.Add(new("protocol", Text(port.Protocol.Word())));
            entries.Add(new("mode", Text(mode.Word())));
            items.Add(new YamlMapping([.. entries]));
        }

        return items.Count == 0 ? null : new YamlSequence([.. items]);
    }
}
