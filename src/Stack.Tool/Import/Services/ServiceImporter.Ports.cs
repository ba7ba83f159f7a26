using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>Ports: the short syntax, the long one, and ranges.</summary>
internal sealed partial class ServiceImporter
{
    private string LongPort(YamlMappingNode port)
    {
        var entries = port.Children.ToDictionary(e => Nodes.Scalar(e.Key, "a port key"), e => e.Value, StringComparer.Ordinal);
        var target = entries.TryGetValue("target", out var t) ? PortRange(Nodes.Scalar(t, "target"), t.Start) : throw new ImportRefusal(port.Start, "a port needs a target.");
        var init = new List<string>();
        var mapping = $"new PortMapping({target})";
        if (entries.TryGetValue("published", out var p) && Nodes.Scalar(p, "published") is var publishedText && CSharpCode.HasVariable(publishedText))
        {
            // ${HTTP_PORT:-8080}: the same checks as the short syntax's, on "published:target".
            mapping = VariablePort($"{publishedText}:{Nodes.Scalar(t!, "target")}", p.Start)[".WithPort(".Length..^1];
            entries.Remove("published");
        }

        foreach (var (key, node) in entries.Where(e => e.Key != "target"))
        {
            var text = Nodes.Scalar(node, key);
            init.Add(key switch
            {
                "published" => $"Published = {PortRange(text, node.Start)}",
                "host_ip" => $"HostIp = {CSharpCode.Address(text, node.Start)}",
                "protocol" => $"Protocol = PortProtocol.{Member<Stack.Dsl.Compose.PortProtocol>(node, key)}",
                "mode" => $"Mode = PortMode.{Member<Stack.Dsl.Compose.PortMode>(node, key)}",
                "name" => $"Name = {CSharpCode.Literal(text)}",
                "app_protocol" => $"AppProtocol = {CSharpCode.Literal(text)}",
                _ => throw new ImportRefusal(node.Start, $"the port key '{key}' is not translated by the importer yet."),
            });
        }

        return mapping.StartsWith("new ", StringComparison.Ordinal)
            ? $".WithPort({mapping}{(init.Count > 0 ? " { " + string.Join(", ", init) + " }" : string.Empty)})"
            : $".WithPort({mapping}{(init.Count > 0 ? " with { " + string.Join(", ", init) + " }" : string.Empty)})";
    }

    /// <summary>Short syntax: <c>[ip:][published:]target[/protocol]</c>.</summary>
    private string Port(string text, YamlDotNet.Core.Mark at)
    {
        if (CSharpCode.HasVariable(text))
        {
            return VariablePort(text, at);
        }

        var match = PortPattern().Match(text);
        if (!match.Success)
        {
            throw new ImportRefusal(at, $"the port '{text}' is not in compose's short syntax ([ip:][published:]target[/protocol]); the importer does not translate the long syntax yet.");
        }

        var target = PortRange(match.Groups["target"].Value, at);
        var protocol = match.Groups["protocol"].Success ? $", protocol: PortProtocol.{char.ToUpperInvariant(match.Groups["protocol"].Value[0])}{match.Groups["protocol"].Value[1..]}" : string.Empty;
        var ip = match.Groups["ip"].Success ? $", {CSharpCode.Address(match.Groups["ip"].Value.Trim('[', ']'), at)}" : string.Empty;
        return match.Groups["published"].Success
            ? $".WithPort({PortRange(match.Groups["published"].Value, at)}, {target}{(ip.Length > 0 ? ip : protocol.Length > 0 ? ", null" : string.Empty)}{protocol})"
            : $".WithPort(new PortMapping({target}){(ip.Length > 0 || protocol.Length > 0 ? " { " + string.Join(", ", new[] { ip.Length > 0 ? $"HostIp = {ip[2..]}" : null, protocol.Length > 0 ? $"Protocol = {protocol[12..]}" : null }.OfType<string>()) + " }" : string.Empty)})";
    }

    /// <summary>
    /// <c>[ip:]${HTTP_PORT:-8080}:80[/protocol]</c>: a host port from a variable with a default port,
    /// which the checks judge (<c>PortMapping.FromVariable</c>). A variable anywhere else, or without
    /// a number as its default, is refused: Stack checks ports for clashes.
    /// </summary>
    private string VariablePort(string text, YamlDotNet.Core.Mark at)
    {
        var fields = ComposeReferences.Split(text, ':');
        var published = fields.Length >= 2 ? fields[^2] : string.Empty;
        var reference = ComposeReferences.Pattern().Match(published);
        var rest = PortPattern().Match(string.Join(':', fields[..^2].Append("1").Append(fields[^1])));
        if (fields.Length >= 3 && CSharpCode.HasVariable(string.Join(':', fields[..^2])))
        {
            // ${BIND_IP:-127.0.0.1}:8080:80: the address, not the port, is what Stack cannot take from a variable.
            var address = string.Join(':', fields[..^2]);
            var given = ComposeReferences.Pattern().Match(address).Groups["arg"].Value;
            var example = System.Net.IPAddress.TryParse(given, out _) ? given : "127.0.0.1";
            throw new ImportRefusal(at, $"the port '{text}' binds the host address {address}, a variable, but Stack checks which interfaces a published port opens and takes the address as written; write the address ({example}:{published}:{fields[^1]}), and give an environment its own with MapService.");
        }

        if (!reference.Success || reference.Length != published.Length || reference.Groups["op"].Value is not (":-" or "-") || !rest.Success
            || !int.TryParse(reference.Groups["arg"].Value.Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out _) || CSharpCode.HasVariable(string.Join(':', fields[..^2].Append(fields[^1]))))
        {
            throw new ImportRefusal(at, $"the port '{text}' holds a variable other than a host port with a default port ([ip:]${{PORT:-8080}}:80), and Stack checks ports for clashes; write the numbers, or the host port as ${{PORT:-8080}}.");
        }

        var init = new List<string>();
        if (rest.Groups["ip"].Success)
        {
            init.Add($"HostIp = {CSharpCode.Address(rest.Groups["ip"].Value.Trim('[', ']'), at)}");
        }

        if (rest.Groups["protocol"].Success && rest.Groups["protocol"].Value != "tcp")
        {
            init.Add($"Protocol = PortProtocol.{char.ToUpperInvariant(rest.Groups["protocol"].Value[0])}{rest.Groups["protocol"].Value[1..]}");
        }

        var mapping = $"PortMapping.FromVariable({code.WholeVariable(published)}, {PortRange(rest.Groups["target"].Value, at)})";
        return $".WithPort({mapping}{(init.Count > 0 ? " with { " + string.Join(", ", init) + " }" : string.Empty)})";
    }

    private static string PortRange(string text, YamlDotNet.Core.Mark at)
    {
        var parts = text.Split('-');
        return parts.Length switch
        {
            1 when int.TryParse(parts[0], CultureInfo.InvariantCulture, out var port) => CSharpCode.Number(port),
            2 when int.TryParse(parts[0], CultureInfo.InvariantCulture, out var start) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var end) => $"PortRange.Between({start}, {end})",
            _ => throw new ImportRefusal(at, $"'{text}' is not a port or a range of ports."),
        };
    }

    [GeneratedRegex(@"^(?:(?<ip>\[[0-9a-fA-F:.]+\]|[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}):)?(?:(?<published>[0-9]+(?:-[0-9]+)?):)?(?<target>[0-9]+(?:-[0-9]+)?)(?:/(?<protocol>tcp|udp|sctp))?$")]
    private static partial Regex PortPattern();
}
