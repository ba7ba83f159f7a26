using System.Globalization;
using System.Text.Json;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Values;
using Stack.Engine.Tests.Infrastructure;

namespace Stack.Engine.Tests.Swarm;

/// <summary>
/// One service as facts, field by field: what the C# model says it is on Swarm, and what
/// <c>docker service inspect</c> says the swarm holds. Written from the model and from Swarm's
/// documented meaning, not from the generator's YAML, so a mapping bug shows as a difference.
/// </summary>
internal static class SwarmFacts
{
    /// <summary>The model's facts about <paramref name="service"/> (as the stack emits it: proxy wiring, backup runner).</summary>
    public static Dictionary<string, HashSet<string>> Expected(Service service, ComposeStack stack, bool isProxy, string projectDirectory, IReadOnlyDictionary<string, string> values)
    {
        var facts = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string field, string fact)
        {
            if (!facts.TryGetValue(field, out var set))
            {
                facts[field] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(fact);
        }

        foreach (var label in TraefikLabels.For(service))
        {
            Add("labels", $"{label.Key}={Resolve(label.Value, values).Replace("@docker", "@swarm", StringComparison.Ordinal)}");
        }

        foreach (var label in service.Deployment?.Labels.ToList() ?? [])
        {
            Add("labels", $"{label.Key}={Resolve(label.Value, values)}");
        }

        // restart: "no" (and compose's default, unset) must not restart; Swarm's default would.
        Add("restart", service.IsOneShot || service.Restart is null || service.Restart == RestartPolicy.No ? "none"
            : service.Restart.Value.StartsWith("on-failure", StringComparison.Ordinal) ? "on-failure" : "any");
        foreach (var attachment in service.Networks)
        {
            Add("networks", StackResources.RealName(attachment.Network, stack.Name));
        }

        foreach (var mount in service.Volumes)
        {
            switch (mount)
            {
                case BindMount { Source: ProjectHostPath project } bind:
                    var path = Path.Combine(projectDirectory, project.RelativePath);
                    var files = File.Exists(path) ? [(bind.Target, path)] : Directory.GetFiles(path, "*", SearchOption.AllDirectories).Select(f => ($"{bind.Target}/{Path.GetRelativePath(path, f)}", f));
                    foreach (var (target, file) in files)
                    {
                        Add("configs", $"{target} mode {(!OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0 ? "0555" : "0444")}");
                    }

                    break;
                case BindMount { Source: OutputHostPath } bind:
                    Add("configs", $"{bind.Target} mode 0444");
                    break;
                case BindMount { Source: AbsoluteHostPath absolute } bind:
                    Add("mounts", $"bind {Resolve(absolute.Path, values)} {bind.Target}{(bind.ReadOnly ? " ro" : string.Empty)}");
                    break;
                case VolumeMount volume:
                    Add("mounts", $"volume {StackResources.RealName(volume.Volume, stack.Name)} {volume.Target}{(volume.ReadOnly ? " ro" : string.Empty)}");
                    break;
            }
        }

        foreach (var grant in service.Secrets)
        {
            Add("secrets", grant.Target is { } target && target.StartsWith('/') ? target : $"/run/secrets/{grant.Target ?? grant.Name}");
        }

        foreach (var port in service.Ports)
        {
            Add("ports", $"{port.Target.Start}/{port.Protocol.ToString().ToLowerInvariant()} on {port.Published?.Start} {(isProxy ? "host" : (port.Mode ?? PortMode.Ingress).ToString().ToLowerInvariant())}");
        }

        if (service.ResourceLimits is { } limits)
        {
            Add("resources", $"cpus {limits.Cpus} memory {limits.Memory?.Bytes}");
        }

        foreach (var constraint in service.Deployment?.Placement?.Constraints ?? [])
        {
            Add("placement", constraint);
        }

        if (isProxy)
        {
            Add("placement", "node.role == manager"); // Traefik reads the Swarm API: managers only
        }

        if (service.Healthcheck is { Test: not NoHealthcheckTest } health)
        {
            var test = health.Test switch
            {
                ShellHealthcheckTest shell => $"CMD-SHELL {Resolve(shell.Command, values)}",
                ExecHealthcheckTest exec => "CMD " + string.Join(' ', exec.Arguments.Select(a => Resolve(a, values))),
                _ => string.Empty,
            };
            Add("healthcheck", $"{test} every {health.Interval?.TotalSeconds} timeout {health.Timeout?.TotalSeconds} retries {health.Retries} start {health.StartPeriod?.TotalSeconds}");
        }

        if (service.Deployment?.UpdateConfig is { } update)
        {
            Add("update", $"parallelism {update.Parallelism} order {update.Order switch { RolloutOrder.StartFirst => "start-first", RolloutOrder.StopFirst => "stop-first", _ => null }}");
        }

        if (service.Deployment?.Replicas is { } replicas)
        {
            Add("replicas", replicas.ToString(CultureInfo.InvariantCulture));
        }

        // Every service has a scheduling mode and an endpoint mode: unset means replicated and a virtual IP.
        Add("mode", service.Deployment?.Mode == DeploymentMode.Global ? "global" : "replicated");
        Add("endpoint", service.Deployment?.EndpointMode == EndpointMode.Dnsrr ? "dnsrr" : "vip");
        return facts;
    }

    /// <summary>The same fields, read from <c>docker service inspect</c>'s spec.</summary>
    public static Dictionary<string, HashSet<string>> Actual(JsonElement spec, IEnumerable<string> fields)
    {
        var facts = fields.ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var task = spec.GetProperty("TaskTemplate");
        var container = task.GetProperty("ContainerSpec");
        foreach (var field in facts.Keys)
        {
            var set = facts[field];
            switch (field)
            {
                case "labels":
                    foreach (var label in Properties(spec, "Labels").Where(l => !l.Name.StartsWith("com.docker.stack.", StringComparison.Ordinal) && !l.Name.Contains("swarm-placeholder", StringComparison.Ordinal)))
                    {
                        set.Add($"{label.Name}={label.Value.GetString()}");
                    }

                    break;
                case "restart":
                    set.Add(task.TryGetProperty("RestartPolicy", out var restart) ? restart.GetProperty("Condition").GetString()! : "any");
                    break;
                case "networks":
                    foreach (var network in Items(task, "Networks"))
                    {
                        set.Add(DockerEngine.Inspect(network.GetProperty("Target").GetString()!).GetProperty("Name").GetString()!);
                    }

                    break;
                case "configs":
                    foreach (var config in Items(container, "Configs"))
                    {
                        var file = config.GetProperty("File");
                        set.Add($"{file.GetProperty("Name").GetString()} mode 0{Convert.ToString(file.GetProperty("Mode").GetInt32(), 8)}");
                    }

                    break;
                case "mounts":
                    foreach (var mount in Items(container, "Mounts"))
                    {
                        var readOnly = mount.TryGetProperty("ReadOnly", out var ro) && ro.GetBoolean();
                        set.Add($"{mount.GetProperty("Type").GetString()} {mount.GetProperty("Source").GetString()} {mount.GetProperty("Target").GetString()}{(readOnly ? " ro" : string.Empty)}");
                    }

                    break;
                case "secrets":
                    foreach (var secret in Items(container, "Secrets"))
                    {
                        var name = secret.GetProperty("File").GetProperty("Name").GetString()!;
                        set.Add(name.StartsWith('/') ? name : $"/run/secrets/{name}");
                    }

                    break;
                case "ports":
                    foreach (var port in spec.TryGetProperty("EndpointSpec", out var endpoint) ? Items(endpoint, "Ports") : [])
                    {
                        set.Add($"{port.GetProperty("TargetPort").GetInt32()}/{port.GetProperty("Protocol").GetString()} on {(port.TryGetProperty("PublishedPort", out var published) ? published.GetInt32() : null)} {port.GetProperty("PublishMode").GetString()}");
                    }

                    break;
                case "resources":
                    var limits = task.GetProperty("Resources").GetProperty("Limits");
                    var cpus = limits.TryGetProperty("NanoCPUs", out var nano) ? (decimal?)(nano.GetInt64() / 1_000_000_000m) : null;
                    set.Add($"cpus {cpus} memory {(limits.TryGetProperty("MemoryBytes", out var memory) ? memory.GetInt64() : null)}");
                    break;
                case "placement":
                    foreach (var constraint in task.TryGetProperty("Placement", out var placement) ? Items(placement, "Constraints") : [])
                    {
                        set.Add(constraint.GetString()!);
                    }

                    break;
                case "healthcheck":
                    var health = container.GetProperty("Healthcheck");
                    var test = health.GetProperty("Test").EnumerateArray().Select(t => t.GetString()!).ToList();
                    set.Add($"{string.Join(' ', test)} every {Seconds(health, "Interval")} timeout {Seconds(health, "Timeout")} retries {(health.TryGetProperty("Retries", out var retries) ? retries.GetInt32() : null)} start {Seconds(health, "StartPeriod")}");
                    break;
                case "update":
                    var rollout = spec.GetProperty("UpdateConfig");
                    set.Add($"parallelism {rollout.GetProperty("Parallelism").GetInt32()} order {rollout.GetProperty("Order").GetString()}");
                    break;
                case "mode":
                    set.Add(spec.GetProperty("Mode").TryGetProperty("Global", out _) ? "global" : "replicated");
                    break;
                case "endpoint":
                    set.Add(spec.TryGetProperty("EndpointSpec", out var endpointSpec) && endpointSpec.TryGetProperty("Mode", out var endpointMode) ? endpointMode.GetString()! : "vip");
                    break;
                case "replicas":
                    set.Add(spec.GetProperty("Mode").GetProperty("Replicated").GetProperty("Replicas").GetInt32().ToString(CultureInfo.InvariantCulture));
                    break;
            }
        }

        return facts;
    }

    /// <summary>A text with the test's value for every variable (what deploy.sh would export).</summary>
    public static string Resolve(ComposeString text, IReadOnlyDictionary<string, string> values) =>
        string.Concat(text.Parts.Select(p => p.Variable is { } v ? values[v.Name] : p.Text));

    private static double? Seconds(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetInt64() / 1e9 : null;

    private static List<JsonProperty> Properties(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? [.. value.EnumerateObject()] : [];

    private static List<JsonElement> Items(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];
}
