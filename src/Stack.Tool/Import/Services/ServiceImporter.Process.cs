using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>How the container runs: restart, command, healthcheck, logging, ulimits, namespaces, extra hosts.</summary>
internal sealed partial class ServiceImporter
{
    private static string Ulimit(string name, YamlNode value) => value switch
    {
        YamlScalarNode => $".WithUlimit({CSharpCode.Literal(name)}, Ulimit.Of({Int(value, name)}))",
        YamlMappingNode limits => $".WithUlimit({CSharpCode.Literal(name)}, new Ulimit({Int(Child(limits, "soft"), "soft")}, {Int(Child(limits, "hard"), "hard")}))",
        _ => throw new ImportRefusal(value.Start, "a ulimit is a number or soft and hard."),
    };

    private string Namespace(string mode, YamlNode at) => mode switch
    {
        "host" => "NamespaceMode.Host",
        "private" => "NamespaceMode.Private",
        "shareable" => "NamespaceMode.Shareable",
        _ when mode.StartsWith("service:", StringComparison.Ordinal) => $"NamespaceMode.OfService({Service(mode["service:".Length..], at.Start)})",
        _ => throw new ImportRefusal(at.Start, $"the namespace mode '{mode}' is not translated by the importer yet."),
    };

    private string Restart(string policy, YamlNode at) => policy switch
    {
        "no" => ".WithRestart(RestartPolicy.No)",
        "always" => ".WithRestart(RestartPolicy.Always)",
        "unless-stopped" => ".WithRestart(RestartPolicy.UnlessStopped)",
        "on-failure" => ".WithRestart(RestartPolicy.OnFailure)",
        _ when policy.StartsWith("on-failure:", StringComparison.Ordinal) && int.TryParse(policy["on-failure:".Length..], CultureInfo.InvariantCulture, out var retries) => $".WithRestart(RestartPolicy.OnFailureAtMost({retries}))",
        _ when ComposeReferences.Pattern().Match(policy) is { Success: true } whole && whole.Length == policy.Length && whole.Groups["op"].Value is ":-" or "-"
            && Stack.Dsl.Compose.RestartPolicy.Parse(whole.Groups["arg"].Value) is not null => $".WithRestart(RestartPolicy.FromVariable({code.WholeVariable(policy)}))",
        _ when CSharpCode.HasVariable(policy) => throw new ImportRefusal(at.Start, $"restart '{policy}' takes its policy from a variable without a default policy, and Stack's checks need one to judge: write it with a default, such as ${{{ComposeReferences.Pattern().Match(policy).Groups["braced"].Value}:-unless-stopped}}."),
        _ => throw new ImportRefusal(at.Start, $"restart '{policy}' is not a compose restart policy (no, always, unless-stopped, on-failure[:N])."),
    };

    private string Command(string method, YamlNode value) => value switch
    {
        YamlScalarNode scalar => $".{method}(CommandLine.Shell({code.ComposeText(Nodes.Scalar(scalar, method))}))",
        YamlSequenceNode => $".{method}({string.Join(", ", Nodes.Strings(value, method).Select(a => code.ComposeText(a.Value)))})",
        _ => throw new ImportRefusal(value.Start, "a command must be a string or a list."),
    };

    private string Healthcheck(YamlMappingNode healthcheck)
    {
        string? test = null;
        var settings = new List<string>();
        foreach (var (keyNode, value) in healthcheck.Children)
        {
            var key = Nodes.Scalar(keyNode, "a healthcheck key");
            switch (key)
            {
                case "test":
                    test = value switch
                    {
                        YamlScalarNode scalar => $"HealthcheckTest.Shell({code.ComposeText(Nodes.Scalar(scalar, "test"))})",
                        YamlSequenceNode sequence => Test(sequence),
                        _ => throw new ImportRefusal(value.Start, "a healthcheck test must be a string or a list."),
                    };
                    break;
                case "disable" when Nodes.Bool(value, "disable"):
                    return ".WithHealthcheck(Healthcheck.Disabled)";
                case "interval" or "timeout" or "start_period" or "start_interval":
                    settings.Add($"{Pascal(key)} = {Duration(Nodes.Scalar(value, key), value)}");
                    break;
                case "retries":
                    settings.Add($"Retries = {Int(value, "retries")}");
                    break;
                default:
                    throw new ImportRefusal(keyNode.Start, $"the healthcheck key '{key}' is not translated by the importer yet.");
            }
        }

        return test is null
            ? throw new ImportRefusal(healthcheck.Start, "a healthcheck without a test is not translated by the importer yet.")
            : $".WithHealthcheck(new Healthcheck({test}){(settings.Count > 0 ? " { " + string.Join(", ", settings) + " }" : string.Empty)})";
    }

    private string Test(YamlSequenceNode sequence)
    {
        var items = Nodes.Strings(sequence, "test");
        return items[0].Value switch
        {
            "NONE" => "HealthcheckTest.None",
            "CMD-SHELL" when items.Count == 2 => $"HealthcheckTest.Shell({code.ComposeText(items[1].Value)})",
            "CMD" => $"HealthcheckTest.Exec({string.Join(", ", items.Skip(1).Select(i => code.ComposeText(i.Value)))})",
            _ => throw new ImportRefusal(sequence.Start, "a healthcheck test list starts with CMD, CMD-SHELL (and one command) or NONE."),
        };
    }

    private static string ExtraHost(string host, string? address, YamlDotNet.Core.Mark at)
    {
        // The list form is "host:ip" (or "host=ip"); an IPv6 address holds ':' too.
        if (address is null)
        {
            var colon = host.IndexOf(':', StringComparison.Ordinal);
            (host, address) = colon < 0 ? throw new ImportRefusal(at, $"the extra host '{host}' has no address.") : (host[..colon], host[(colon + 1)..]);
        }

        return $".WithExtraHost(new ExtraHost({CSharpCode.Literal(host)}, {CSharpCode.Literal(address)}))";
    }

    private string Logging(YamlMappingNode logging)
    {
        var driver = logging.Children.TryGetValue(new YamlScalarNode("driver"), out var d) ? Nodes.Scalar(d, "driver") : "json-file";
        var options = logging.Children.TryGetValue(new YamlScalarNode("options"), out var o)
            ? Nodes.Pairs(o, "logging options").Select(p => $".WithOption({CSharpCode.Literal(p.Key)}, {code.ComposeText(p.Value ?? string.Empty)})")
            : [];
        return $".WithLogging(new Logging({CSharpCode.Literal(driver)}){string.Concat(options)})";
    }
}
