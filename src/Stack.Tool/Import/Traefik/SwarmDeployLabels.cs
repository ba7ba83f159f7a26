using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>
/// A Swarm stack file's Traefik labels live under <c>deploy.labels</c> (Traefik's swarm provider
/// reads the service's labels, not the container's), name the network <c>traefik.swarm.network</c>
/// and refer to label-defined objects as <c>name@swarm</c>. The model holds routers once, for
/// every target, and its Swarm target writes them back there (<c>@docker</c> references as
/// <c>@swarm</c>). So before the services are read, such labels are moved to the service's
/// labels in the docker provider's words, where the label importer types them as it types a
/// compose file's, and the stack is marked as a Swarm stack (on Compose they would mean something
/// else: Traefik's docker provider does not read <c>deploy.labels</c>).
/// </summary>
internal static partial class SwarmDeployLabels
{
    /// <summary>
    /// Moves each service's <c>deploy.labels</c> Traefik labels to its <c>labels</c>, in the docker
    /// provider's words, when its own labels hold no Traefik label (then the two sets would be read
    /// by two different providers, and they stay where they are). True when any service's moved.
    /// </summary>
    public static bool Move(YamlMappingNode services)
    {
        var moved = false;
        foreach (var service in services.Children.Values.OfType<YamlMappingNode>())
        {
            if (!service.Children.TryGetValue(new YamlScalarNode("deploy"), out var deployNode) || deployNode is not YamlMappingNode deploy
                || !deploy.Children.TryGetValue(new YamlScalarNode("labels"), out var deployLabels))
            {
                continue;
            }

            List<(string Key, string? Value)> fromDeploy, own;
            try
            {
                fromDeploy = [.. Nodes.Pairs(deployLabels, "deploy.labels").Select(p => (p.Key, p.Value))];
                own = service.Children.TryGetValue(new YamlScalarNode("labels"), out var labels) ? [.. Nodes.Pairs(labels, "labels").Select(p => (p.Key, p.Value))] : [];
            }
            catch (ImportRefusal)
            {
                continue; // Reported where the labels are translated.
            }

            if (!fromDeploy.Any(l => IsTraefik(l.Key)) || own.Any(l => IsTraefik(l.Key)))
            {
                continue;
            }

            var merged = new YamlMappingNode();
            foreach (var (key, value) in own.Concat(fromDeploy.Where(l => IsTraefik(l.Key)).Select(l => (Key: DockerKey(l.Key), Value: l.Value is null ? null : DockerValue(l.Key, l.Value)))))
            {
                merged.Add(new YamlScalarNode(key), new YamlScalarNode(value ?? string.Empty));
            }

            service.Children[new YamlScalarNode("labels")] = merged;
            var rest = fromDeploy.Where(l => !IsTraefik(l.Key)).ToList();
            if (rest.Count == 0)
            {
                deploy.Children.Remove(new YamlScalarNode("labels"));
            }
            else
            {
                var kept = new YamlMappingNode();
                foreach (var (key, value) in rest)
                {
                    kept.Add(new YamlScalarNode(key), new YamlScalarNode(value ?? string.Empty));
                }

                deploy.Children[new YamlScalarNode("labels")] = kept;
            }

            moved = true;
        }

        return moved;
    }

    /// <summary>
    /// Swarm restarts a task that stops, whatever its exit code, unless <c>deploy.restart_policy</c>
    /// says otherwise, while the model's unset restart policy is Compose's "no" (the Swarm target
    /// writes it <c>condition: none</c>). So in a Swarm stack file a service that sets neither
    /// <c>restart</c> nor <c>deploy.restart_policy</c> gets <c>restart: always</c>, which the Swarm
    /// target writes <c>condition: any</c>: the file's meaning, said in the definition.
    /// </summary>
    public static void KeepSwarmRestart(YamlMappingNode services)
    {
        foreach (var service in services.Children.Values.OfType<YamlMappingNode>())
        {
            var deployRestart = service.Children.TryGetValue(new YamlScalarNode("deploy"), out var deploy) && deploy is YamlMappingNode d
                && d.Children.ContainsKey(new YamlScalarNode("restart_policy"));
            if (!deployRestart && !service.Children.ContainsKey(new YamlScalarNode("restart")))
            {
                service.Add("restart", "always");
            }
        }
    }

    private static bool IsTraefik(string key) => key.StartsWith("traefik.", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>traefik.swarm.network</c> (and the provider's other settings) in the docker provider's words.</summary>
    private static string DockerKey(string key) =>
        key.StartsWith("traefik.swarm.", StringComparison.OrdinalIgnoreCase) ? "traefik.docker." + key["traefik.swarm.".Length..] : key;

    /// <summary>In a key that names other objects (a router's middlewares or service, a chain), each whole item <c>name@swarm</c> is <c>name@docker</c>.</summary>
    private static string DockerValue(string key, string value) =>
        ReferenceKey().IsMatch(key)
            ? string.Join(',', value.Split(',').Select(item => item.TrimEnd().EndsWith("@swarm", StringComparison.Ordinal)
                ? item.TrimEnd()[..^"@swarm".Length] + "@docker" + item[item.TrimEnd().Length..]
                : item))
            : value;

    [GeneratedRegex(@"^traefik\.(http|tcp)\.(routers\.[^.]+\.(middlewares|service)|middlewares\.[^.]+\.chain\.middlewares)$", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceKey();
}
