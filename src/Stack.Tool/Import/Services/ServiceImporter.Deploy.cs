using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary><c>deploy:</c>: replicas, placement, restart policy, rollouts and resources.</summary>
internal sealed partial class ServiceImporter
{
    private List<string> Deploy(YamlMappingNode deploy)
    {
        var settings = new List<string>();
        var calls = new List<string>();
        foreach (var (keyNode, value) in deploy.Children)
        {
            var key = Nodes.Scalar(keyNode, "a deploy key");
            switch (key)
            {
                case "mode":
                    settings.Add($"Mode = DeploymentMode.{Member<Stack.Dsl.Compose.DeploymentMode>(value, key)}");
                    break;
                case "replicas":
                    settings.Add($"Replicas = {Int(value, key)}");
                    break;
                case "endpoint_mode":
                    settings.Add($"EndpointMode = EndpointMode.{Member<Stack.Dsl.Compose.EndpointMode>(value, key)}");
                    break;
                case "labels":
                    settings.Add($"Labels = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [{string.Join(", ", Nodes.Pairs(value, key).Select(p => $"KeyValuePair.Create({CSharpCode.Literal(p.Key)}, (ComposeString){code.ComposeText(p.Value ?? string.Empty)})"))}])");
                    break;
                case "placement":
                    settings.Add($"Placement = {Placement(Nodes.Mapping(value, key))}");
                    break;
                case "restart_policy":
                    settings.Add($"RestartPolicy = {DeployRestart(Nodes.Mapping(value, key))}");
                    break;
                case "update_config" or "rollback_config":
                    settings.Add($"{(key == "update_config" ? "UpdateConfig" : "RollbackConfig")} = {Rollout(Nodes.Mapping(value, key))}");
                    break;
                case "resources":
                    foreach (var (kind, limits) in Nodes.Mapping(value, key).Children)
                    {
                        var method = Nodes.Scalar(kind, "resources") switch
                        {
                            "limits" => "WithResourceLimits",
                            "reservations" => "WithResourceReservations",
                            var other => throw new ImportRefusal(kind.Start, $"deploy.resources.{other} is not translated by the importer yet."),
                        };
                        // GPUs and other driver devices are the service's device requests, beside the reservation's numbers.
                        var amounts = new YamlMappingNode(Nodes.Mapping(limits, "resources").Children.Where(e => !(method == "WithResourceReservations" && Nodes.Scalar(e.Key, "a resource") == "devices")));
                        if (method == "WithResourceReservations" && Nodes.Mapping(limits, "resources").Children.TryGetValue(new YamlScalarNode("devices"), out var devices))
                        {
                            calls.AddRange(Items(devices, "devices").Select(d => $".WithDeviceRequest({DeviceRequest(Nodes.Mapping(d, "a device"))})"));
                        }

                        if (amounts.Children.Count > 0)
                        {
                            calls.Add($".{method}({Resources(amounts)})");
                        }
                    }

                    break;
                default:
                    throw new ImportRefusal(keyNode.Start, $"deploy.{key} is not translated by the importer yet.");
            }
        }

        return settings.Count > 0 ? [.. calls, $".WithDeployment(new Deployment {{ {string.Join(", ", settings)} }})"] : calls;
    }

    private static string Resources(YamlMappingNode resources) => "new ResourceLimits { " + string.Join(", ", resources.Children.Select(e => Nodes.Scalar(e.Key, "a resource") switch
    {
        "cpus" => $"Cpus = {Decimal(e.Value, "cpus")}",
        "memory" => $"Memory = {Size(Nodes.Scalar(e.Value, "memory"), e.Value)}",
        "pids" => $"Pids = {Int(e.Value, "pids")}",
        var other => throw new ImportRefusal(e.Key.Start, $"deploy resources '{other}' are not translated by the importer yet."),
    })) + " }";

    /// <summary>A device reservation (<c>driver</c>, <c>count</c> or <c>device_ids</c>, <c>capabilities</c>); <c>count: all</c> is every device, as an unset count.</summary>
    private static string DeviceRequest(YamlMappingNode device)
    {
        var capabilities = device.Children.TryGetValue(new YamlScalarNode("capabilities"), out var c)
            ? Nodes.Strings(c, "capabilities").Select(s => CSharpCode.Literal(s.Value))
            : throw new ImportRefusal(device.Start, "a device reservation needs capabilities (such as [gpu]), which compose requires.");
        var init = device.Children.Where(e => Nodes.Scalar(e.Key, "a device setting") != "capabilities").Select(e => Nodes.Scalar(e.Key, "a device setting") switch
        {
            "driver" => $"Driver = {CSharpCode.Literal(Nodes.Scalar(e.Value, "driver"))}",
            "count" when Nodes.Scalar(e.Value, "count") == "all" => null,
            "count" => $"Count = {Int(e.Value, "count")}",
            "device_ids" => $"DeviceIds = [{string.Join(", ", Nodes.Strings(e.Value, "device_ids").Select(i => CSharpCode.Literal(i.Value)))}]",
            var other => throw new ImportRefusal(e.Key.Start, $"the device reservation setting '{other}' is not translated by the importer yet."),
        }).OfType<string>().ToList();
        return $"new DeviceRequest([{string.Join(", ", capabilities)}]){(init.Count > 0 ? $" {{ {string.Join(", ", init)} }}" : string.Empty)}";
    }

    private static string Placement(YamlMappingNode placement) => "new Placement { " + string.Join(", ", placement.Children.Select(e => Nodes.Scalar(e.Key, "placement") switch
    {
        "constraints" => $"Constraints = [{string.Join(", ", Nodes.Strings(e.Value, "constraints").Select(c => CSharpCode.Literal(c.Value)))}]",
        "preferences" => $"SpreadOver = [{string.Join(", ", Items(e.Value, "preferences").Select(p => CSharpCode.Literal(Nodes.Scalar(Child(Nodes.Mapping(p, "a preference"), "spread"), "spread"))))}]",
        "max_replicas_per_node" => $"MaxReplicasPerNode = {Int(e.Value, "max_replicas_per_node")}",
        var other => throw new ImportRefusal(e.Key.Start, $"placement '{other}' is not translated by the importer yet."),
    })) + " }";

    private static string DeployRestart(YamlMappingNode policy) => "new DeployRestartPolicy { " + string.Join(", ", policy.Children.Select(e => Nodes.Scalar(e.Key, "restart_policy") switch
    {
        "condition" => $"Condition = DeployRestartCondition.{Member<Stack.Dsl.Compose.DeployRestartCondition>(e.Value, "condition")}",
        "delay" => $"Delay = {Duration(Nodes.Scalar(e.Value, "delay"), e.Value)}",
        "max_attempts" => $"MaxAttempts = {Int(e.Value, "max_attempts")}",
        "window" => $"Window = {Duration(Nodes.Scalar(e.Value, "window"), e.Value)}",
        var other => throw new ImportRefusal(e.Key.Start, $"restart_policy '{other}' is not translated by the importer yet."),
    })) + " }";

    private static string Rollout(YamlMappingNode rollout) => "new RolloutConfig { " + string.Join(", ", rollout.Children.Select(e => Nodes.Scalar(e.Key, "a rollout key") switch
    {
        "parallelism" => $"Parallelism = {Int(e.Value, "parallelism")}",
        "delay" => $"Delay = {Duration(Nodes.Scalar(e.Value, "delay"), e.Value)}",
        "monitor" => $"Monitor = {Duration(Nodes.Scalar(e.Value, "monitor"), e.Value)}",
        "failure_action" => $"FailureAction = RolloutFailureAction.{Member<Stack.Dsl.Compose.RolloutFailureAction>(e.Value, "failure_action")}",
        "max_failure_ratio" => $"MaxFailureRatio = {Decimal(e.Value, "max_failure_ratio")}",
        "order" => $"Order = RolloutOrder.{Member<Stack.Dsl.Compose.RolloutOrder>(e.Value, "order")}",
        var other => throw new ImportRefusal(e.Key.Start, $"'{other}' in a rollout is not translated by the importer yet."),
    })) + " }";
}
