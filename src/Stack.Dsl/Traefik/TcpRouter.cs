using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Traefik;

/// <summary>
/// A Traefik TCP router (<c>traefik.tcp.routers.NAME</c>): raw TCP to the container's port, chosen
/// by the TLS server name (<c>HostSNI</c>) or taking every connection on its entrypoints.
/// </summary>
public sealed record TcpRouter
{
    /// <summary>Creates a TCP router to <paramref name="port"/> on the container.</summary>
    public TcpRouter(string name, int port, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Port = port;
        Location = new SourceLocation(filePath, line);
    }

    /// <summary>The router's name (also its load balancer's).</summary>
    public string Name { get; }

    /// <summary>The container port.</summary>
    public int Port { get; }

    /// <summary>Where it was created, for error messages.</summary>
    public SourceLocation Location { get; }

    /// <summary>The TLS server name it matches; <c>*</c> (the default) takes every connection, which plain TCP needs.</summary>
    public string HostSni { get; init; } = "*";

    /// <summary>The entrypoints it listens on.</summary>
    public ImmutableArray<EntryPoint> EntryPoints { get; init; } = [];

    /// <summary>Whether TLS goes through to the container untouched (<c>tls.passthrough</c>): it keeps its own certificate.</summary>
    public bool Passthrough { get; init; }

    /// <summary>The resolver of the certificate Traefik terminates TLS with.</summary>
    public CertResolver? CertResolver { get; init; }

    /// <summary>Matches connections whose TLS server name is <paramref name="host"/>.</summary>
    public TcpRouter ForHost(string host) => this with { HostSni = host ?? throw new ArgumentNullException(nameof(host)) };

    /// <summary>Listens on <paramref name="entryPoints"/>.</summary>
    public TcpRouter WithEntryPoints(params IEnumerable<EntryPoint> entryPoints) => this with { EntryPoints = EntryPoints.AddRange(entryPoints) };

    /// <summary>Passes TLS through to the container.</summary>
    public TcpRouter WithTlsPassthrough() => this with { Passthrough = true };

    /// <summary>Terminates TLS with a certificate from <paramref name="resolver"/>.</summary>
    public TcpRouter WithTls(CertResolver resolver) => this with { CertResolver = resolver ?? throw new ArgumentNullException(nameof(resolver)) };

    /// <summary>The rule label's value.</summary>
    public string Rule => $"HostSNI(`{HostSni}`)";
}

/// <summary>A Traefik UDP router (<c>traefik.udp.routers.NAME</c>): every datagram on its entrypoints to the container's port.</summary>
public sealed record UdpRouter
{
    /// <summary>Creates a UDP router to <paramref name="port"/> on the container.</summary>
    public UdpRouter(string name, int port, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Port = port;
        Location = new SourceLocation(filePath, line);
    }

    /// <summary>The router's name (also its load balancer's).</summary>
    public string Name { get; }

    /// <summary>The container port.</summary>
    public int Port { get; }

    /// <summary>Where it was created, for error messages.</summary>
    public SourceLocation Location { get; }

    /// <summary>The UDP entrypoints it listens on.</summary>
    public ImmutableArray<EntryPoint> EntryPoints { get; init; } = [];

    /// <summary>Listens on <paramref name="entryPoints"/> (UDP ones: <see cref="EntryPoint.Udp"/>).</summary>
    public UdpRouter WithEntryPoints(params IEnumerable<EntryPoint> entryPoints) => this with { EntryPoints = EntryPoints.AddRange(entryPoints) };
}
