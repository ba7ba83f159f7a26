using System.Text.RegularExpressions;
using Stack.Rules;
using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>
/// The risks an environment's override file adds to a service (STK0100-STK0107), read from its
/// YAML with the rules' own classifiers and accepted with the import's reason. The base stack's
/// risks are not read here: the rules themselves find them in the imported model
/// (<see cref="RiskProbe"/>, ComposeImporter.CarryRisks).
/// </summary>
internal sealed partial class ServiceImporter
{
    private static readonly string[] HostNamespaces = ["pid", "ipc", "uts", "userns_mode"];

    /// <summary>Each risk carried over, as "service: what", in the order written.</summary>
    public List<string> CarriedRisks { get; } = [];

    private IEnumerable<string> AcceptCarriedRisks(string name, YamlMappingNode service)
    {
        var keys = service.Children.Where(e => e.Key is YamlScalarNode { Value: not null }).ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => e.Value, StringComparer.Ordinal);
        var risks = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var secrets = new SortedSet<string>(StringComparer.Ordinal);
        string? Scalar(string key) => keys.TryGetValue(key, out var node) && node is YamlScalarNode { Value: { } text } ? text : null;

        var image = Scalar("image");
        var reference = image is not null && !CSharpCode.HasVariable(image) && image.Length > 0 ? ImageReference.Parse(image) : null;
        if (reference is { IsUnpinned: true } && !keys.ContainsKey("build"))
        {
            risks["UnpinnedImage"] = $"image {image}";
        }

        var published = Published(keys.GetValueOrDefault("ports")).ToList();
        if (published.Count > 0 && reference is not null && HostRisks.IsDatabaseImage(reference))
        {
            risks["DatabasePortPublished"] = $"database port {published[0].Text}";
        }

        if (published.FirstOrDefault(p => p.AllInterfaces) is { Text: { } open })
        {
            risks["PortOnAllInterfaces"] = $"port {open}";
        }

        foreach (var (source, readOnly) in Binds(keys.GetValueOrDefault("volumes")))
        {
            if (HostRisks.IsDockerSocket(source) && !readOnly)
            {
                risks["WritableDockerSocket"] = $"writable {source}";
            }
            else if (HostRisks.IsDaemonSocket(source))
            {
                risks["DaemonSocket"] = source;
            }
        }

        if (Scalar("use_api_socket") == "true")
        {
            risks["WritableDockerSocket"] = "use_api_socket";
        }

        var privileges = (Scalar("privileged") == "true" ? ["privileged: true"] : Array.Empty<string>())
            .Concat(HostNamespaces.Prepend("network_mode").Where(k => Scalar(k) == "host").Select(k => $"{k}: host"))
            .Concat(keys.TryGetValue("security_opt", out var options) && options is YamlSequenceNode optionList
                ? optionList.Children.OfType<YamlScalarNode>().Select(o => o.Value).OfType<string>().Where(o => IsolationOptions.SwitchedOff(o) is not null).Select(o => $"security_opt {o}")
                : []).ToList();
        if (privileges.Count > 0)
        {
            risks["HostPrivilege"] = string.Join(", ", privileges);
        }

        if (keys.TryGetValue("cap_add", out var capabilities) && capabilities is YamlSequenceNode list
            && list.Children.OfType<YamlScalarNode>().FirstOrDefault(c => c.Value is { } cap && HostRisks.IsDangerousCapability(cap)) is { Value: { } dangerous })
        {
            risks["DangerousCapability"] = $"cap_add {dangerous}";
        }

        foreach (var section in new[] { "environment", "labels" })
        {
            if (keys.TryGetValue(section, out var pairs))
            {
                foreach (var (key, value, _) in SafePairs(pairs))
                {
                    if (value is null)
                    {
                        continue;
                    }

                    // The rule's own decision (SecretText), so the first run accepts exactly what it would refuse.
                    foreach (var holding in SecretText.Find(key, value))
                    {
                        secrets.Add(holding.Subject.Length > 0 ? holding.Subject : key);
                    }
                }
            }
        }

        // NAME=x, --password=x or --password x in a command, entrypoint or healthcheck test: the rule names the variable or flag.
        foreach (var (field, text) in CommandText("command", keys.GetValueOrDefault("command")).Concat(CommandText("entrypoint", keys.GetValueOrDefault("entrypoint")))
            .Concat(CommandText("healthcheck", keys.GetValueOrDefault("healthcheck") is YamlMappingNode health && health.Children.TryGetValue(new YamlScalarNode("test"), out var test) ? test : null)))
        {
            foreach (var holding in SecretText.Find(null, text))
            {
                // A URL's password in a command has no key: the rule names the field, as the inventory does.
                secrets.Add(holding.Subject.Length > 0 ? holding.Subject : field);
            }
        }

        foreach (var (risk, what) in risks)
        {
            CarriedRisks.Add($"{name}: {what} (SecurityRisk.{risk})");
            yield return $".AcceptRisk(SecurityRisk.{risk}, {CSharpCode.Literal(SecurityPolicy.ImportedReason)})";
        }

        foreach (var secret in secrets)
        {
            CarriedRisks.Add($"{name}: literal secret {secret}");
            yield return $".AcceptLiteralSecret({CSharpCode.Literal(secret)}, {CSharpCode.Literal(SecurityPolicy.ImportedReason)})";
        }
    }

    /// <summary>
    /// A command as the rule reads it, with the field the text inventory names it by: a string as
    /// written, a list's items joined (an item with a space quoted). A healthcheck's shell test is
    /// the inventory's "healthcheck test", its exec test "healthcheck".
    /// </summary>
    private static IEnumerable<(string Field, string Text)> CommandText(string field, YamlNode? command)
    {
        switch (command)
        {
            case YamlScalarNode { Value: { } text }:
                yield return (field == "healthcheck" ? "healthcheck test" : field, text);
                break;
            case YamlSequenceNode list:
                var items = list.Children.OfType<YamlScalarNode>().Select(i => i.Value ?? string.Empty).ToList();
                yield return items is ["CMD-SHELL", var shell]
                    ? (field == "healthcheck" ? "healthcheck test" : field, shell)
                    : (field, string.Join(' ', items.Select(i => i.Contains(' ', StringComparison.Ordinal) ? $"\"{i}\"" : i)));
                break;
        }
    }

    /// <summary>Published ports: their text, and whether they answer on every host interface.</summary>
    private static IEnumerable<(string Text, bool AllInterfaces)> Published(YamlNode? ports)
    {
        foreach (var port in (ports as YamlSequenceNode)?.Children ?? [])
        {
            if (port is YamlScalarNode { Value: { } text })
            {
                // A host port from a variable (${HTTP_PORT:-8080}:80) is judged on its default, as the rules judge it.
                var match = PortPattern().Match(DefaultedVariable().Replace(text, v => v.Groups["default"].Value));
                if (match.Success && match.Groups["published"].Success)
                {
                    yield return (text, !match.Groups["ip"].Success || match.Groups["ip"].Value is "0.0.0.0" or "[::]");
                }
            }
            else if (port is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode("published"), out var published) && published is YamlScalarNode { Value: { } number })
            {
                var ip = mapping.Children.TryGetValue(new YamlScalarNode("host_ip"), out var h) && h is YamlScalarNode { Value: { } address } ? address : null;
                yield return (DefaultedVariable().Replace(number, v => v.Groups["default"].Value), ip is null or "0.0.0.0" or "::");
            }
        }
    }

    /// <summary>Bind mounts with a literal absolute source, and whether each is read-only.</summary>
    private static IEnumerable<(string Source, bool ReadOnly)> Binds(YamlNode? volumes)
    {
        foreach (var volume in (volumes as YamlSequenceNode)?.Children ?? [])
        {
            if (volume is YamlScalarNode { Value: { } text })
            {
                var parts = ComposeReferences.Split(text, ':');
                if (parts.Length >= 2 && parts[0].StartsWith('/'))
                {
                    yield return (parts[0], parts.Length == 3 && parts[2].Split(',').Contains("ro"));
                }
            }
            else if (volume is YamlMappingNode mapping
                && mapping.Children.TryGetValue(new YamlScalarNode("type"), out var type) && type is YamlScalarNode { Value: "bind" }
                && mapping.Children.TryGetValue(new YamlScalarNode("source"), out var source) && source is YamlScalarNode { Value: { } path } && path.StartsWith('/'))
            {
                yield return (path, mapping.Children.TryGetValue(new YamlScalarNode("read_only"), out var ro) && ro is YamlScalarNode { Value: "true" });
            }
        }
    }

    /// <summary>The pairs, or none where their shape is wrong (reported where they are translated).</summary>
    private static IEnumerable<(string Key, string? Value, YamlDotNet.Core.Mark At)> SafePairs(YamlNode pairs)
    {
        try
        {
            return [.. Nodes.Pairs(pairs, "pairs")];
        }
        catch (ImportRefusal)
        {
            return [];
        }
    }

    /// <summary><c>${NAME:-default}</c> or <c>${NAME-default}</c>: a default is a literal in the file.</summary>
    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*):?-(?<default>[^}$]*)\}")]
    private static partial Regex DefaultedVariable();
}
