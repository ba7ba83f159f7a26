using System.Runtime.CompilerServices;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Compose;

/// <summary>
/// A top-level network. Create it once and pass the object to the services that join it; the
/// stack declares every network its services use.
/// </summary>
public sealed record Network : ComposeResource
{
    private static readonly HashSet<string> Modeled = new(StringComparer.Ordinal)
    {
        "driver", "driver_opts", "external", "internal", "attachable", "labels", "name", "ipam", "enable_ipv4", "enable_ipv6",
    };

    /// <summary>Creates a network.</summary>
    /// <param name="name">The key under <c>networks:</c>; compose prefixes it with the project name.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Network(string name, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : base(name, new SourceLocation(filePath, line))
    {
    }

    /// <summary>Whether the network is cut off from the outside world (<c>internal:</c>).</summary>
    public bool Internal { get; init; }

    /// <summary>Whether standalone containers may attach (<c>attachable:</c>).</summary>
    public bool Attachable { get; init; }

    /// <summary>Its address plan (<c>ipam:</c>): subnets, gateways, ranges; needed for static addresses.</summary>
    public NetworkIpam? Ipam { get; init; }

    /// <summary>Whether containers get IPv6 addresses (<c>enable_ipv6:</c>); unset is the engine's default.</summary>
    public bool? EnableIpv6 { get; init; }

    /// <summary>Whether containers get IPv4 addresses (<c>enable_ipv4:</c>); unset is the engine's default, on.</summary>
    public bool? EnableIpv4 { get; init; }

    /// <summary>Cuts the network off from the outside world: its containers reach only each other.</summary>
    public Network AsInternal() => this with { Internal = true };

    /// <summary>Lets standalone containers (<c>docker run --network</c>) attach.</summary>
    public Network AsAttachable() => this with { Attachable = true };

    /// <summary>Declares a network created outside this stack; compose only joins it.</summary>
    public Network AsExternal() => this with { External = true };

    /// <summary>Gives the network an address plan (see <see cref="NetworkIpam"/>).</summary>
    public Network WithIpam(NetworkIpam ipam) => this with { Ipam = ipam ?? throw new ArgumentNullException(nameof(ipam)) };

    /// <summary>Gives the network one subnet (and optionally its gateway): the common address plan.</summary>
    public Network WithSubnet(System.Net.IPNetwork subnet, System.Net.IPAddress? gateway = null) =>
        WithIpam((Ipam ?? new NetworkIpam()) with { Pools = (Ipam?.Pools ?? []).Add(new IpamPool(subnet) { Gateway = gateway }) });

    /// <summary>Turns IPv6 addressing on or off.</summary>
    public Network WithIpv6(bool enabled = true) => this with { EnableIpv6 = enabled };

    /// <summary>Turns IPv4 addressing on or off (off needs IPv6 on).</summary>
    public Network WithIpv4(bool enabled = true) => this with { EnableIpv4 = enabled };

    /// <summary>Uses another network driver (<c>overlay</c>, <c>macvlan</c>).</summary>
    public Network WithDriver(string driver) => this with { Driver = driver ?? throw new ArgumentNullException(nameof(driver)) };

    /// <summary>
    /// Accepts that one thing in this network's driver options or labels holds a literal value
    /// (STK0100): <paramref name="name"/> is what the rule's message names, an option or label key, or
    /// an assignment inside one (<c>password</c> in a CIFS <c>o</c> option). Every other literal secret is still refused.
    /// </summary>
    /// <param name="name">The key or assignment whose literal value is accepted.</param>
    /// <param name="reason">Why it is acceptable here (a test share's throwaway password).</param>
    /// <param name="filePath">Filled by the compiler: where the acceptance is, for STK0108.</param>
    /// <param name="line">Filled by the compiler.</param>
    public Network AcceptLiteralSecret(string name, string reason, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        this with { AcceptedRisks = AcceptSecret(name, reason, new SourceLocation(filePath, line)) };

    /// <summary>Sets a driver option.</summary>
    public Network WithDriverOption(string key, ComposeString value) => this with { DriverOptions = SetDriverOption(key, value) };

    /// <summary>Sets a label on the network.</summary>
    public Network WithLabel(string key, ComposeString value) => this with { Labels = SetLabel(key, value) };

    /// <summary>Fixes the network's real name (<c>name:</c>) instead of the project-prefixed one.</summary>
    public Network WithRealName(ComposeString name) => this with { ExternalName = name ?? throw new ArgumentNullException(nameof(name)) };

    /// <summary>Sets a network key the DSL does not model, or an <c>x-</c> extension.</summary>
    /// <exception cref="ArgumentException">The DSL models <paramref name="key"/>: use its method instead.</exception>
    public Network WithField(string key, YamlValue value) => this with { ExtraFields = SetExtraField(key, value, Modeled) };
}
