using System.Globalization;
using System.Text.RegularExpressions;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;

namespace Stack.Tool.Import;

/// <summary>
/// A TCP router (HostSNI, passthrough or a resolver) or a UDP router, as the DSL writes them:
/// each its own load balancer, named as the router, with the container's port.
/// </summary>
internal sealed partial class Layer4Router(string protocol, string name)
{
    private readonly List<string> _entryPoints = [];
    private string? _host;
    private bool _passthrough;
    private bool _tls;
    private string? _resolver;
    private int? _port;

    public void Set(string kind, string property, string value)
    {
        if (value.Contains('$', StringComparison.Ordinal))
        {
            throw new NotTyped($"{protocol.ToUpperInvariant()} router '{name}' holds a variable in its {property}");
        }

        switch ((kind, property))
        {
            case ("routers", "rule") when protocol == "tcp" && HostSni().Match(value) is { Success: true } sni:
                _host = sni.Groups["host"].Value;
                break;
            case ("routers", "entrypoints"):
                _entryPoints.AddRange(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                break;
            case ("routers", "tls.passthrough") when protocol == "tcp" && value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase):
                _passthrough = true;
                break;
            case ("routers", "tls") when protocol == "tcp" && value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase):
                // Any tls.* option turns TLS on in Traefik, so tls=true says again what a resolver or passthrough says (checked in Check).
                _tls = true;
                break;
            case ("routers", "tls.certresolver") when protocol == "tcp":
                _resolver = value;
                break;
            case ("routers", "service") when value == name:
                break;
            case ("services", "loadbalancer.server.port") when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port):
                _port = port;
                break;
            default:
                throw new NotTyped($"{protocol.ToUpperInvariant()} router '{name}' has {property} '{value}', which the importer does not translate");
        }
    }

    /// <summary>The DSL names the load balancer as the router and needs its port.</summary>
    public void Check()
    {
        if (_port is null)
        {
            throw new NotTyped($"{protocol.ToUpperInvariant()} router '{name}' has no load balancer port of its own name");
        }

        if (_tls && !_passthrough && _resolver is null)
        {
            throw new NotTyped($"{protocol.ToUpperInvariant()} router '{name}' has tls 'true' without a certresolver or passthrough, and the DSL's TCP router terminates TLS only with a resolver");
        }
    }

    public Service AddTo(Service service)
    {
        var entryPoints = _entryPoints.Select(e => new EntryPoint(e, CSharpCode.EntryPointPort(e) ?? 0));
        if (protocol == "udp")
        {
            return service.WithUdpRouter(new UdpRouter(name, _port!.Value).WithEntryPoints(entryPoints));
        }

        var router = new TcpRouter(name, _port!.Value).WithEntryPoints(entryPoints);
        router = _host is null ? router : router.ForHost(_host);
        router = _passthrough ? router.WithTlsPassthrough() : router;
        return service.WithTcpRouter(_resolver is null ? router : router.WithTls(new CertResolver(_resolver)));
    }

    public string Code(CSharpCode code)
    {
        var type = protocol == "udp" ? "UdpRouter" : "TcpRouter";
        var calls = new List<string> { $"new {type}({CSharpCode.Literal(name)}, {_port!.Value.ToString(CultureInfo.InvariantCulture)})" };
        if (_host is not null)
        {
            calls.Add($".ForHost({CSharpCode.Literal(_host)})");
        }

        if (_entryPoints.Count > 0)
        {
            calls.Add($".WithEntryPoints({string.Join(", ", _entryPoints.Select(code.EntryPoint))})");
        }

        if (_passthrough)
        {
            calls.Add(".WithTlsPassthrough()");
        }

        if (_resolver is not null)
        {
            calls.Add($".WithTls(new CertResolver({CSharpCode.Literal(_resolver)}))");
        }

        return $".With{type}({string.Join("\n            ", calls)})";
    }

    [GeneratedRegex(@"^HostSNI\(`(?<host>[^`]+)`\)\z", RegexOptions.CultureInvariant)]
    private static partial Regex HostSni();
}
