using System.Text;
using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>
/// Top-level secrets and configs as <c>Secret</c>/<c>Config</c> declarations: where the value comes
/// from (a file, a variable, inline content, or outside the stack), then the real name, labels and
/// x- keys; any other key is refused at its line.
/// </summary>
internal static class FileSources
{
    public static List<Declared> Declare(
        YamlMappingNode root, string section, Dictionary<string, string> origin, CSharpCode code, Action<string, Action> guard)
    {
        var declared = new List<Declared>();
        if (!root.Children.TryGetValue(new YamlScalarNode(section), out var node))
        {
            return declared;
        }

        var type = section == "secrets" ? "Secret" : "Config";
        foreach (var (key, value) in Nodes.Mapping(node, section).Children)
        {
            var name = Nodes.Scalar(key, $"a {type.ToLowerInvariant()} name");
            guard(origin[$"{section}/{name}"], () =>
            {
                var settings = Nodes.Mapping(value, $"{type.ToLowerInvariant()} {name}");
                var chain = new StringBuilder(Source(type, name, settings, code));
                foreach (var (settingKey, setting) in settings.Children)
                {
                    chain.Append(Nodes.Scalar(settingKey, "a setting") switch
                    {
                        "file" or "environment" or "content" or "external" => string.Empty,
                        "name" => $".WithRealName({code.ComposeText(Nodes.Scalar(setting, "name"))})",
                        "labels" => string.Concat(Nodes.Pairs(setting, "labels").Select(p => $".WithLabel({CSharpCode.Literal(p.Key)}, {code.ComposeText(p.Value ?? string.Empty)})")),
                        var other when other.StartsWith("x-", StringComparison.Ordinal) => $".WithField({CSharpCode.Literal(other)}, {YamlValueCode.Of(setting, code)})",
                        var other => throw new ImportRefusal(settingKey.Start, $"the {type.ToLowerInvariant()} setting '{other}' is not translated by the importer yet."),
                    });
                }

                declared.Add(new Declared(name, type == "Secret" ? code.Naming.Secret(name) : code.Naming.Config(name), [chain.ToString()]));
            });
        }

        return declared;
    }

    /// <summary>The factory call for where the value comes from: exactly one of file, environment, content (configs) or external.</summary>
    private static string Source(string type, string name, YamlMappingNode settings, CSharpCode code)
    {
        var sources = settings.Children.Where(e => Nodes.Scalar(e.Key, "a setting") is "file" or "environment" or "content" or "external").ToList();
        if (sources.Count != 1)
        {
            throw new ImportRefusal(settings.Start, $"the {type.ToLowerInvariant()} '{name}' needs exactly one of file, environment{(type == "Config" ? ", content" : string.Empty)} or external.");
        }

        var (keyNode, value) = sources[0];
        var literal = CSharpCode.Literal(name);
        return (type, Nodes.Scalar(keyNode, "a setting")) switch
        {
            (_, "file") => $"{type}.FromFile({literal}, {code.HostPath(Nodes.Scalar(value, "file"), value.Start, $"{type.ToLowerInvariant()} file")})",
            (_, "environment") => $"{type}.FromEnvironment({literal}, {code.Variable(Nodes.Scalar(value, "environment"))})",
            ("Config", "content") => $"Config.FromContent({literal}, {code.ComposeText(Nodes.Scalar(value, "content"))})",
            (_, "external") when Nodes.Bool(value, "external") => $"{type}.FromExternal({literal})",
            (_, var key) => throw new ImportRefusal(keyNode.Start, $"a {type.ToLowerInvariant()} from '{key}' is not translated by the importer yet."),
        };
    }
}
