using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation.Backups;
using Stack.Dsl.Generation.Traefik;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Yaml.YamlValue;

namespace Stack.Dsl.Generation;

/// <summary>
/// Builds the whole compose document: <c>x-</c> extensions, <c>name</c>, then services,
/// networks, volumes, secrets and configs (dclint's <c>top-level-properties-order</c>), each
/// sorted by name.
/// </summary>
internal static class ComposeDocument
{
    public static YamlMapping Build(ComposeStack stack, GenerationOptions options, TraefikFileNames? traefikFiles = null)
    {
        var top = new List<YamlEntry>();
        top.AddRange(stack.Extensions.Select(e => new YamlEntry(e.Key, e.Value)));
        top.Add(new("name", Text(stack.Name)));

        var services = stack.Services.Select(s => AsEmitted(s, stack, traefikFiles ?? TraefikFileNames.Default)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        // Each service is built when the writer reaches it: memory stays flat however large the stack.
        top.Add(new("services", new YamlMapping([.. services.Select(s => new YamlEntry(s.Name, new DeferredYamlValue(() => ServiceYaml.Build(s, options))))])));

        var networks = StackResources.Networks(stack);
        if (networks.Count > 0)
        {
            top.Add(new("networks", new YamlMapping([.. networks.Select(n => new YamlEntry(n.Name, TopLevelYaml.Network(n)))])));
        }

        var volumes = StackResources.Volumes(stack);
        if (volumes.Count > 0)
        {
            top.Add(new("volumes", new YamlMapping([.. volumes.Select(v => new YamlEntry(v.Name, TopLevelYaml.Volume(v)))])));
        }

        if (!stack.Secrets.IsEmpty)
        {
            top.Add(new("secrets", new YamlMapping([.. stack.Secrets.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new YamlEntry(s.Name, TopLevelYaml.Secret(s, options)))])));
        }

        if (!stack.Configs.IsEmpty)
        {
            top.Add(new("configs", new YamlMapping([.. stack.Configs.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new YamlEntry(c.Name, TopLevelYaml.Config(c, options)))])));
        }

        return new YamlMapping([.. top]);
    }

    /// <summary>
    /// A service with what the stack adds to it: the Traefik proxy's config files, the network
    /// label of a routed service, the backup runner's excludes file and pre-backup commands.
    /// </summary>
    /// <param name="service">The service as modeled.</param>
    /// <param name="stack">The stack it belongs to.</param>
    /// <param name="traefikFiles">The names of Traefik's files.</param>
    /// <param name="onSwarm">Whether for the Swarm file: the pre-backup commands then find a task's container by its label.</param>
    internal static Service AsEmitted(Service service, ComposeStack stack, TraefikFileNames traefikFiles, bool onSwarm = false)
    {
        if (service.TraefikNetwork is { } network)
        {
            service = service.WithLabel("traefik.docker.network", StackResources.RealName(network, stack.Name));
        }

        if (stack.Traefik is { } proxy && proxy.Service.Name == service.Name)
        {
            var middlewares = TraefikWiring.FileMiddlewares(stack, proxy);
            service = TraefikWiring.Wire(service, proxy, stack.Name, traefikFiles, TraefikWiring.DynamicVariables(middlewares), TraefikWiring.SecretsTraefikReads(stack, proxy));
        }

        if (stack.Backups is { } plan && plan.Runner.Name == service.Name)
        {
            service = service.WithBind(HostPath.InOutput(BackupPlan.ExcludesFileName), plan.ExcludesFile, readOnly: true);
            var commands = BackupInventory.Of(stack, plan).PreCommands(onSwarm);
            if (commands.Count > 0)
            {
                service = service.WithEnvironment(plan.PreCommandsVariable, string.Join('\n', commands));
            }
        }

        return service;
    }
}
