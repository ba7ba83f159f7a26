using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>STK0207 (port numbers and ranges) and STK0208 (two services publishing the same host port).</summary>
internal static class PortRules
{
    private const int MaxPort = 65535;

    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack)
    {
        foreach (var service in stack.Services)
        {
            foreach (var port in service.Ports)
            {
                if (Problem(port) is { } problem)
                {
                    yield return new StackDiagnostic(RuleIds.InvalidPort, $"Service '{service.Name}' port '{port.ToShortSyntax()}': {problem}", service.Location);
                }
            }

            for (var i = 0; i < service.Expose.Length; i++)
            {
                if (!IsValid(service.Expose[i].Ports))
                {
                    yield return new StackDiagnostic(RuleIds.InvalidPort, $"Service '{service.Name}' exposes '{service.Expose[i]}': {RangeProblem}", service.Location);
                }
            }
        }

        foreach (var problem in OtherPorts(stack))
        {
            yield return problem;
        }

        foreach (var conflict in Conflicts(stack))
        {
            yield return conflict;
        }
    }

    private const string RangeProblem = "ports are 1-65535 and a range goes from low to high. Give a port in 1-65535, and a range as PortRange.Between(low, high).";

    /// <summary>Every other place a port number appears: routers' services, entrypoints, the backup's wait-for.</summary>
    private static IEnumerable<StackDiagnostic> OtherPorts(ComposeStack stack)
    {
        foreach (var service in stack.Services)
        {
            foreach (var router in RouterSite.Layer4(service).Where(r => !IsValid(r.Port!.Value)))
            {
                yield return new StackDiagnostic(RuleIds.InvalidPort, $"Router '{router.Name}' of service '{service.Name}' forwards to port {router.Port}: ports are 1-65535. Give the container's port in 1-65535 to .WithPort(...).", router.Location);
            }

            foreach (var router in service.Routers)
            {
                if (router.Service is { Provider: null, Port: var port } && !IsValid(port))
                {
                    yield return new StackDiagnostic(RuleIds.InvalidPort, $"Router '{router.Name}' of service '{service.Name}' forwards to port {port}: ports are 1-65535. Give the container's port in 1-65535 to .WithPort(...).", router.Location);
                }
            }
        }

        foreach (var volume in StackResourcesOf.Volumes(stack).Where(v => v.Backup?.PreBackupCommand?.WaitForPort is { } p && !IsValid(p)))
        {
            yield return new StackDiagnostic(RuleIds.InvalidPort, $"The backup command of volume '{volume.Name}' waits for port {volume.Backup!.PreBackupCommand!.WaitForPort}: ports are 1-65535. Wait for a port in 1-65535.", volume.Location);
        }

        foreach (var entryPoint in stack.Traefik?.EntryPoints ?? [])
        {
            if (!IsValid(entryPoint.Port))
            {
                yield return new StackDiagnostic(RuleIds.InvalidPort, $"Traefik entrypoint '{entryPoint.Name}' listens on port {entryPoint.Port}: ports are 1-65535. Give the entrypoint a port in 1-65535.", entryPoint.Location.Or(stack.Traefik!.Location));
            }
        }
    }

    private static string? Problem(PortMapping port)
    {
        if (!IsValid(port.Target) || (port.Published is { } published && !IsValid(published)))
        {
            return RangeProblem;
        }

        // A host range with one container port lets Docker pick a free host port; two ranges must match one to one.
        return port.Published is { IsRange: true } hostRange && port.Target.IsRange && hostRange.Length != port.Target.Length
            ? $"the host range has {hostRange.Length} ports and the container range {port.Target.Length}; make them the same length."
            : null;
    }

    private static bool IsValid(PortRange range) => range.Start is >= 1 and <= MaxPort && range.End is >= 1 and <= MaxPort && range.Start <= range.End;

    private static IEnumerable<StackDiagnostic> Conflicts(ComposeStack stack)
    {
        // Every fixed host port each service binds, by number; "all interfaces" clashes with any address.
        // Plain classes and loops: tuples over value types would be compiled at start-up (no ReadyToRun code).
        var byPort = new Dictionary<int, List<Binding>>();
        foreach (var service in stack.Services)
        {
            foreach (var port in service.Ports)
            {
                if (port.Published is not { } published || !IsValid(published) || (published.IsRange && !port.Target.IsRange))
                {
                    continue; // Docker picks one free port of a host range for a single container port: nothing fixed to clash.
                }

                for (var number = published.Start; number <= published.End; number++)
                {
                    if (!byPort.TryGetValue(number, out var bindings))
                    {
                        bindings = [];
                        byPort[number] = bindings;
                    }

                    bindings.Add(new Binding(service, port));
                }
            }
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new List<int>(byPort.Keys);
        numbers.Sort(); // not Keys.Order(): LINQ's ordering over int is compiled at start-up
        foreach (var number in numbers)
        {
            var bindings = byPort[number];
            for (var i = 0; i < bindings.Count; i++)
            {
                for (var j = i + 1; j < bindings.Count; j++)
                {
                    var (a, b) = (bindings[i], bindings[j]);
                    if (a.Service.Name != b.Service.Name && a.Port.Protocol == b.Port.Protocol && SameAddress(a.Port, b.Port)
                        && reported.Add($"{a.Service.Name}|{b.Service.Name}|{number}|{a.Port.Protocol}"))
                    {
                        yield return new StackDiagnostic(
                            RuleIds.PortConflict,
                            $"Services '{a.Service.Name}' and '{b.Service.Name}' both publish host port {number}/{a.Port.Protocol.Word()} " +
                            $"on {Address(a.Port)}; the second to start would fail. Publish one of them on another port or address.",
                            b.Service.Location);
                    }
                }
            }
        }
    }

    private static bool SameAddress(PortMapping a, PortMapping b) =>
        a.HostIp is null || b.HostIp is null || IsAny(a.HostIp) || IsAny(b.HostIp) || a.HostIp.Equals(b.HostIp);

    private static bool IsAny(System.Net.IPAddress address) =>
        address.Equals(System.Net.IPAddress.Any) || address.Equals(System.Net.IPAddress.IPv6Any);

    private static string Address(PortMapping port) => port.HostIp is { } ip && !IsAny(ip) ? ip.ToString() : "all interfaces";

    private sealed record Binding(Service Service, PortMapping Port);
}
