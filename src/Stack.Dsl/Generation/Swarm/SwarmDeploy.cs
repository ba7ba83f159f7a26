using Stack.Dsl.Compose;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Yaml.YamlValue;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// The service's <c>deploy:</c>: the model's deployment as compose writes it, with the restart
/// policy Swarm reads (Swarm ignores <c>restart:</c> and restarts every task forever by default,
/// so <c>restart: "no"</c> must become <c>condition: none</c>), Traefik's labels, and the proxy
/// placed on a manager (Traefik's swarm provider reads the Swarm API through the socket, which
/// only a manager serves).
/// </summary>
internal static class SwarmDeploy
{
    private static readonly string[] Order = ["mode", "replicas", "endpoint_mode", "labels", "placement", "resources", "restart_policy", "update_config", "rollback_config"];

    public const string ManagerConstraint = "node.role == manager";

    public static YamlMapping Build(Service service, YamlMapping? composeDeploy, IReadOnlyList<YamlEntry> traefikLabels, bool isProxy, SwarmContext context)
    {
        var entries = (composeDeploy?.Entries ?? []).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        if (traefikLabels.Count > 0)
        {
            var existing = entries.TryGetValue("labels", out var labels) ? ((YamlMapping)labels).Entries : [];
            entries["labels"] = new YamlMapping([.. existing.Concat(traefikLabels.Where(l => !existing.Any(e => e.Key == l.Key))).OrderBy(e => e.Key, StringComparer.Ordinal)]);
        }

        if (!entries.ContainsKey("restart_policy"))
        {
            var policy = new List<YamlEntry> { new("condition", Text(Condition(service))) };
            if (service.Restart?.Value is { } value && value.StartsWith("on-failure:", StringComparison.Ordinal) && !service.IsOneShot)
            {
                policy.Add(new("max_attempts", Number(long.Parse(value["on-failure:".Length..], System.Globalization.CultureInfo.InvariantCulture))));
            }

            entries["restart_policy"] = new YamlMapping([.. policy]);
        }

        if (isProxy)
        {
            entries["placement"] = OnManager(entries.TryGetValue("placement", out var placement) ? (YamlMapping)placement : null);
        }

        if (entries.TryGetValue("resources", out var resources))
        {
            foreach (var (kind, value) in ((YamlMapping)resources).Entries)
            {
                foreach (var key in ((YamlMapping)value).Entries.Select(e => e.Key).Where(k => !SwarmSchema.ResourceKeys.Contains(k)))
                {
                    context.Refuse(service.Location, $"Service '{service.Name}' sets resources.{kind}.{key}, which the v3 schema docker stack deploy reads does not have (only cpus and memory). Remove it, or deploy the stack with Compose only: .WithTargets(DeployTarget.Compose).");
                }
            }
        }

        return new YamlMapping([.. Order.Where(entries.ContainsKey).Select(k => new YamlEntry(k, entries[k]))]);
    }

    /// <summary>Compose's restart policy as Swarm's condition; unset is compose's default, no restart.</summary>
    private static string Condition(Service service) => service.Restart?.Value switch
    {
        _ when service.IsOneShot => "none",
        null or "no" => "none",
        "always" or "unless-stopped" => "any",
        _ => "on-failure",
    };

    private static YamlMapping OnManager(YamlMapping? placement)
    {
        var entries = (placement?.Entries ?? []).ToList();
        var index = entries.FindIndex(e => e.Key == "constraints");
        var constraints = index >= 0 ? ((YamlSequence)entries[index].Value).Items : [];
        if (constraints.OfType<YamlScalar>().Any(c => c.Value.Contains("node.role", StringComparison.Ordinal)))
        {
            return placement!;
        }

        var entry = new YamlEntry("constraints", new YamlSequence([.. constraints, Text(ManagerConstraint)]));
        if (index >= 0)
        {
            entries[index] = entry;
        }
        else
        {
            entries.Insert(0, entry);
        }

        return new YamlMapping([.. entries]);
    }
}
