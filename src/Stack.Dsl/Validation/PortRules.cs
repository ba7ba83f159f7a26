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

            foreach (var range in service.Expose.Where(r => !IsValid(r)))
            {
                yield return new StackDiagnostic(RuleIds.InvalidPort, $"Service '{service.Name}' exposes '{range}': {RangeProblem}", service.Location);
            }
        }

        foreach (var conflict in Conflicts(stack))
        {
            yield return conflict;
        }
    }

    private const string RangeProblem = "ports are 1-65535 and a range goes from low to high.";

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
        // Every host port each service binds, with its address; "all interfaces" clashes with any address.
        var bindings = stack.Services
            .SelectMany(s => s.Ports.Where(p => p.Published is { } r && IsValid(r)).SelectMany(p => Ports(p).Select(n => (Service: s, Port: p, Number: n))))
            .ToList();
        var reported = new HashSet<(string, string, int, PortProtocol)>();
        for (var i = 0; i < bindings.Count; i++)
        {
            for (var j = i + 1; j < bindings.Count; j++)
            {
                var (a, b) = (bindings[i], bindings[j]);
                if (a.Service.Name != b.Service.Name && a.Number == b.Number && a.Port.Protocol == b.Port.Protocol && SameAddress(a.Port, b.Port)
                    && reported.Add((a.Service.Name, b.Service.Name, a.Number, a.Port.Protocol)))
                {
                    yield return new StackDiagnostic(
                        RuleIds.PortConflict,
                        $"Services '{a.Service.Name}' and '{b.Service.Name}' both publish host port {a.Number}/{a.Port.Protocol.ToString().ToLowerInvariant()} " +
                        $"on {Address(a.Port)}; the second to start would fail. Publish one of them on another port or address.",
                        b.Service.Location);
                }
            }
        }
    }

    private static IEnumerable<int> Ports(PortMapping port) =>
        port.Published is { IsRange: true } range && !port.Target.IsRange
            ? [] // Docker picks one free port of the range: no fixed binding to clash.
            : Enumerable.Range(port.Published!.Value.Start, port.Published.Value.Length);

    private static bool SameAddress(PortMapping a, PortMapping b) =>
        a.HostIp is null || b.HostIp is null || IsAny(a.HostIp) || IsAny(b.HostIp) || a.HostIp.Equals(b.HostIp);

    private static bool IsAny(System.Net.IPAddress address) =>
        address.Equals(System.Net.IPAddress.Any) || address.Equals(System.Net.IPAddress.IPv6Any);

    private static string Address(PortMapping port) => port.HostIp is { } ip && !IsAny(ip) ? ip.ToString() : "all interfaces";
}
