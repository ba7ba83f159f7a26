using System.Collections.Immutable;
using System.Net;

namespace Stack.Dsl.Compose;

/// <summary>How the container resolves names: DNS servers, search domains, resolver options.</summary>
public sealed partial record Service
{
    /// <summary>DNS servers, in order of preference (<c>dns:</c>).</summary>
    public ImmutableArray<IPAddress> Dns { get; init; } = [];

    /// <summary>Search domains, in order (<c>dns_search:</c>).</summary>
    public ImmutableArray<string> DnsSearch { get; init; } = [];

    /// <summary>Resolver options such as <c>ndots:2</c> (<c>dns_opt:</c>).</summary>
    public ImmutableArray<string> DnsOptions { get; init; } = [];

    /// <summary>The container's domain name (<c>domainname:</c>).</summary>
    public string? DomainName { get; init; }

    /// <summary>Uses <paramref name="servers"/> instead of the engine's resolver.</summary>
    public Service WithDns(params IEnumerable<IPAddress> servers) => this with { Dns = Dns.AddRange(servers) };

    /// <summary>Adds search domains for short host names.</summary>
    public Service WithDnsSearch(params IEnumerable<string> domains) => this with { DnsSearch = DnsSearch.AddRange(domains) };

    /// <summary>Adds resolver options (<c>ndots:2</c>, <c>timeout:1</c>).</summary>
    public Service WithDnsOptions(params IEnumerable<string> options) => this with { DnsOptions = DnsOptions.AddRange(options) };

    /// <summary>Sets the container's domain name.</summary>
    public Service WithDomainName(string domainName) => this with { DomainName = domainName ?? throw new ArgumentNullException(nameof(domainName)) };
}
