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
        // Loops, not LINQ, over the entries: see SwarmFiles.Targets.
        var entries = new Dictionary<string, YamlValue>(StringComparer.Ordinal);
        foreach (var (key, value) in composeDeploy?.Entries ?? [])
        {
            entries.Add(key, value);
        }

        if (traefikLabels.Count > 0)
        {
            // The model's deploy labels first: a Traefik label of the same key does not replace one.
            var labels = new List<YamlEntry>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            if (entries.TryGetValue("labels", out var existing))
            {
                foreach (var entry in ((YamlMapping)existing).Entries)
                {
                    labels.Add(entry);
                    keys.Add(entry.Key);
                }
            }

            foreach (var label in traefikLabels)
            {
                if (!keys.Contains(label.Key))
                {
                    labels.Add(label);
                }
            }

            entries["labels"] = new YamlMapping([.. labels.OrderBy(e => e.Key, StringComparer.Ordinal)]);
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
                foreach (var (key, _) in ((YamlMapping)value).Entries)
                {
                    if (SwarmSchema.ResourceKeys.Contains(key))
                    {
                        continue;
                    }

                    context.Refuse(service.Location, $"Service '{service.Name}' sets resources.{kind}.{key}, which the v3 schema docker stack deploy reads does not have (only cpus and memory). Remove it, or deploy the stack with Compose only: .WithTargets(DeployTarget.Compose).");
                }
            }
        }

        var ordered = new List<YamlEntry>(entries.Count);
        foreach (var key in Order)
        {
            if (entries.TryGetValue(key, out var value))
            {
                ordered.Add(new YamlEntry(key, value));
            }
        }

        return new YamlMapping([.. ordered]);
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
        var entries = new List<YamlEntry>(placement?.Entries ?? []);
        var index = SwarmService.IndexOf(entries, "constraints");
        var constraints = index >= 0 ? ((YamlSequence)entries[index].Value).Items : [];
        foreach (var constraint in constraints)
        {
            if (constraint is YamlScalar scalar && scalar.Value.Contains("node.role", StringComparison.Ordinal))
            {
                return placement!;
            }
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
