using Stack.Dsl.Compose;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Yaml.YamlValue;

namespace Stack.Dsl.Generation;

/// <summary>Writes <c>deploy:</c>: the deployment's settings around the resources ServiceYaml builds.</summary>
internal static class DeployYaml
{
    public static YamlMapping? Build(Deployment? deployment, List<YamlEntry> resources)
    {
        var entries = new List<YamlEntry>();
        if (deployment is not null)
        {
            Add(entries, "mode", deployment.Mode?.ToString().ToLowerInvariant());
            AddNumber(entries, "replicas", deployment.Replicas);
            Add(entries, "endpoint_mode", deployment.EndpointMode?.ToString().ToLowerInvariant());
            if (!deployment.Labels.IsEmpty)
            {
                entries.Add(new("labels", new YamlMapping([.. deployment.Labels.Select(l => new YamlEntry(l.Key, Text(l.Value)))])));
            }

            if (deployment.Placement is { } placement && Placement(placement) is { } placed)
            {
                entries.Add(new("placement", placed));
            }
        }

        if (resources.Count > 0)
        {
            entries.Add(new("resources", new YamlMapping([.. resources])));
        }

        if (deployment?.RestartPolicy is { } restart)
        {
            var policy = new List<YamlEntry>();
            Add(policy, "condition", restart.Condition switch
            {
                DeployRestartCondition.None => "none",
                DeployRestartCondition.OnFailure => "on-failure",
                DeployRestartCondition.Any => "any",
                _ => null,
            });
            AddDuration(policy, "delay", restart.Delay);
            AddNumber(policy, "max_attempts", restart.MaxAttempts);
            AddDuration(policy, "window", restart.Window);
            entries.Add(new("restart_policy", new YamlMapping([.. policy])));
        }

        AddRollout(entries, "update_config", deployment?.UpdateConfig);
        AddRollout(entries, "rollback_config", deployment?.RollbackConfig);
        return entries.Count == 0 ? null : new YamlMapping([.. entries]);
    }

    /// <summary>Reservations with the device requests (GPUs) compose reads beside CPU and memory.</summary>
    public static YamlMapping? Reservations(YamlMapping? resources, System.Collections.Immutable.ImmutableArray<DeviceRequest> devices)
    {
        if (devices.IsDefaultOrEmpty)
        {
            return resources;
        }

        var entries = new List<YamlEntry>(resources?.Entries ?? []) { new("devices", new YamlSequence([.. devices.Select(Device)])) };
        return new YamlMapping([.. entries]);
    }

    private static YamlValue Device(DeviceRequest request)
    {
        var entries = new List<YamlEntry> { new("capabilities", Sequence(request.Capabilities.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(c => (YamlValue)Text(c)))) };
        Add(entries, "driver", request.Driver);
        if (request.Count is { } count)
        {
            entries.Add(new("count", Number(count)));
        }
        else if (request.DeviceIds.IsDefaultOrEmpty)
        {
            entries.Add(new("count", Text("all")));
        }

        if (!request.DeviceIds.IsDefaultOrEmpty)
        {
            entries.Add(new("device_ids", Sequence(request.DeviceIds.Select(i => (YamlValue)new YamlScalar(ScalarKind.Text, i, AlwaysQuoted: true)))));
        }

        if (!request.Options.IsEmpty)
        {
            entries.Add(new("options", new YamlMapping([.. request.Options.Select(o => new YamlEntry(o.Key, Text(o.Value)))])));
        }

        return new YamlMapping([.. entries]);
    }

    private static YamlMapping? Placement(Placement placement)
    {
        var entries = new List<YamlEntry>();
        if (!placement.Constraints.IsDefaultOrEmpty)
        {
            entries.Add(new("constraints", Sequence(placement.Constraints.Select(c => (YamlValue)Text(c)))));
        }

        if (!placement.SpreadOver.IsDefaultOrEmpty)
        {
            entries.Add(new("preferences", Sequence(placement.SpreadOver.Select(s => (YamlValue)new YamlMapping([new("spread", Text(s))])))));
        }

        AddNumber(entries, "max_replicas_per_node", placement.MaxReplicasPerNode);
        return entries.Count == 0 ? null : new YamlMapping([.. entries]);
    }

    private static void AddRollout(List<YamlEntry> entries, string key, RolloutConfig? rollout)
    {
        if (rollout is null)
        {
            return;
        }

        var settings = new List<YamlEntry>();
        AddNumber(settings, "parallelism", rollout.Parallelism);
        AddDuration(settings, "delay", rollout.Delay);
        Add(settings, "failure_action", rollout.FailureAction?.ToString().ToLowerInvariant());
        AddDuration(settings, "monitor", rollout.Monitor);
        if (rollout.MaxFailureRatio is { } ratio)
        {
            settings.Add(new("max_failure_ratio", Number(ratio)));
        }

        Add(settings, "order", rollout.Order switch
        {
            RolloutOrder.StopFirst => "stop-first",
            RolloutOrder.StartFirst => "start-first",
            _ => null,
        });
        entries.Add(new(key, new YamlMapping([.. settings])));
    }

    private static void Add(List<YamlEntry> entries, string key, string? value)
    {
        if (value is not null)
        {
            entries.Add(new(key, Text(value)));
        }
    }

    private static void AddNumber(List<YamlEntry> entries, string key, int? value)
    {
        if (value is { } number)
        {
            entries.Add(new(key, Number(number)));
        }
    }

    private static void AddDuration(List<YamlEntry> entries, string key, TimeSpan? value)
    {
        if (value is { } duration)
        {
            entries.Add(new(key, Text(DurationFormat.Format(duration))));
        }
    }
}
