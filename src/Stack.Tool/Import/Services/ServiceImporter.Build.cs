using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary><c>build:</c> as a <c>BuildSpec</c>.</summary>
internal sealed partial class ServiceImporter
{
    /// <summary>
    /// <c>build:</c> as a <c>BuildSpec</c>: the short form (a context path), or the long one's
    /// context, dockerfile, target, args, labels, cache_from, network, shm_size, no_cache and pull;
    /// any other build key is refused at its line.
    /// </summary>
    private string Build(YamlNode value)
    {
        if (value is YamlScalarNode context)
        {
            return $".WithBuild(new BuildSpec({HostPathCode(Nodes.Scalar(context, "build"), context.Start, "build context")}))";
        }

        var entries = Nodes.Mapping(value, "build");
        var contextPath = entries.Children.TryGetValue(new YamlScalarNode("context"), out var c) ? Nodes.Scalar(c, "build context") : ".";
        var init = new List<string>();
        var calls = new List<string>();
        foreach (var (keyNode, setting) in entries.Children)
        {
            var key = Nodes.Scalar(keyNode, "a build key");
            string Plain() => CSharpCode.HasVariable(Nodes.Scalar(setting, key))
                ? throw new ImportRefusal(setting.Start, $"build {key} holds a variable, but Stack's API for it takes plain text; write the value.")
                : CSharpCode.Literal(Nodes.Scalar(setting, key));
            switch (key)
            {
                case "context":
                    break;
                case "dockerfile": init.Add($"Dockerfile = {Plain()}"); break;
                case "target": init.Add($"Target = {Plain()}"); break;
                case "network": init.Add($"Network = {Plain()}"); break;
                case "shm_size": init.Add($"ShmSize = {Size(Nodes.Scalar(setting, key), setting)}"); break;
                case "no_cache": init.Add($"NoCache = {(Nodes.Bool(setting, key) ? "true" : "false")}"); break;
                case "pull": init.Add($"Pull = {(Nodes.Bool(setting, key) ? "true" : "false")}"); break;
                case "cache_from": init.Add($"CacheFrom = [{Words(setting, "build cache_from")}]"); break;
                case "args":
                    calls.AddRange(Nodes.Pairs(setting, "build args").Select(p => $".WithArg({CSharpCode.Literal(p.Key)}, {code.ComposeText(p.Value ?? string.Empty)})"));
                    break;
                case "labels":
                    calls.AddRange(Nodes.Pairs(setting, "build labels").Select(p => $".WithLabel({CSharpCode.Literal(p.Key)}, {code.ComposeText(p.Value ?? string.Empty)})"));
                    break;
                default:
                    throw new ImportRefusal(keyNode.Start, $"the build key '{key}' is not translated by the importer yet (it translates context, dockerfile, target, args, labels, cache_from, network, shm_size, no_cache and pull).");
            }
        }

        var spec = $"new BuildSpec({HostPathCode(contextPath, value.Start, "build context")}){(init.Count > 0 ? " { " + string.Join(", ", init) + " }" : string.Empty)}";
        return $".WithBuild({spec}{string.Concat(calls)})";
    }
}
