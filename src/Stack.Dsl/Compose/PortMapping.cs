using System.Net;
using System.Net.Sockets;
using System.Globalization;
using System.Text;
using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>A published port: <c>[host_ip:][published:]target[/protocol]</c>.</summary>
/// <param name="Target">The container port (or range).</param>
public sealed record PortMapping(PortRange Target)
{
    /// <summary>The host port (or range); unset lets Docker choose one. For a port from a variable (<see cref="FromVariable"/>), its default: what the checks judge.</summary>
    public PortRange? Published { get; init; }

    /// <summary>The variable that chooses the host port at <c>up</c> (<see cref="FromVariable"/>); <see langword="null"/> for a fixed one.</summary>
    public Variable? PublishedVariable { get; private init; }

    /// <summary>
    /// A port published on the host port <paramref name="published"/> chooses, with a default port
    /// when it is unset: <c>PortMapping.FromVariable(httpPort.OrDefault("8080"), 80)</c> writes
    /// <c>${HTTP_PORT:-8080}:80</c>. The stack's checks (clashes, interfaces, database ports) judge the default.
    /// </summary>
    /// <param name="published">The variable, with a default (<see cref="Variable.OrDefault(string, string, int)"/> or <see cref="Variable.OrDefaultIfUnset"/>) that is a port or a range.</param>
    /// <param name="target">The container port (or range).</param>
    /// <exception cref="ArgumentException">The variable has no default, or its default is not a port or a range.</exception>
    public static PortMapping FromVariable(Variable published, PortRange target)
    {
        ArgumentNullException.ThrowIfNull(published);
        var fallback = published.Form is VariableForm.DefaultIfUnsetOrEmpty or VariableForm.DefaultIfUnset && published.FallbackVariables.IsEmpty ? ParseRange(published.Fallback!) : null;
        return fallback is null
            ? throw new ArgumentException($"A host port from ${{{published.Name}}} needs a default that is a port or a range, so the stack's checks can judge it: write PortMapping.FromVariable(variable.OrDefault(\"8080\"), {target}).", nameof(published))
            : new PortMapping(target) { Published = fallback, PublishedVariable = published };
    }

    private static PortRange? ParseRange(string text) => text.Split('-') switch
    {
        [var one] when int.TryParse(one, NumberStyles.None, CultureInfo.InvariantCulture, out var port) => port,
        [var first, var last] when int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var start) && int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var end) => PortRange.Between(start, end),
        _ => null,
    };

    /// <summary>The host address to bind; unset binds every interface.</summary>
    public IPAddress? HostIp { get; init; }

    /// <summary>The protocol.</summary>
    public PortProtocol Protocol { get; init => field = EnumGuard.Defined(value, nameof(Protocol)); } = PortProtocol.Tcp;

    /// <summary>How a swarm publishes it: through its routing mesh (<c>ingress</c>) or on each node (<c>host</c>).</summary>
    public PortMode? Mode { get; init => field = EnumGuard.Defined(value, nameof(Mode)); }

    /// <summary>A name for the port (<c>name:</c>).</summary>
    public string? Name { get; init; }

    /// <summary>The application protocol (<c>app_protocol:</c>), such as <c>http</c> or <c>grpc</c>.</summary>
    public string? AppProtocol { get; init; }

    /// <summary>Whether only compose's long syntax can say it (a mode, name or application protocol).</summary>
    public bool NeedsLongSyntax => Mode is not null || Name is not null || AppProtocol is not null;

    /// <summary>The short syntax compose reads (a host port from a variable as its reference).</summary>
    public string ToShortSyntax() => ShortSyntax().ToCompose();

    /// <summary>The short syntax as compose text, its host port's variable typed.</summary>
    public ComposeString ShortSyntax()
    {
        var (before, after) = ShortSyntaxAround();
        return PublishedVariable is { } variable
            ? ComposeString.Join(string.Empty, [ComposeString.Literal(before), ComposeString.Of(variable), ComposeString.Literal(after)])
            : ComposeString.Literal(before + after);
    }

    /// <summary>The short syntax's text before and after a variable host port (with its ':'), or all of it before.</summary>
    private (string Before, string After) ShortSyntaxAround()
    {
        var text = new StringBuilder();
        if (HostIp is { } ip)
        {
            text.Append(ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString()).Append(':');
        }

        var before = string.Empty;
        if (PublishedVariable is not null)
        {
            before = text.ToString();
            text.Clear().Append(':');
        }
        else if (Published is { } published)
        {
            text.Append(published).Append(':');
        }

        text.Append(Target);
        if (Protocol != PortProtocol.Tcp)
        {
            text.Append('/').Append(Protocol.Word());
        }

        return PublishedVariable is null ? (text.ToString(), string.Empty) : (before, text.ToString());
    }
}

/// <summary>How a swarm publishes a port.</summary>
public enum PortMode
{
    /// <summary>Through the routing mesh, on every node (<c>ingress</c>).</summary>
    Ingress,

    /// <summary>Only on the node running the task (<c>host</c>).</summary>
    Host,
}
