using Stack.Dsl.Compose;
using Stack.Dsl.Generation.Traefik;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Yaml.YamlValue;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// One environment's whole Swarm file: <c>version</c>, services, networks (overlay), volumes,
/// secrets and configs (named by their content), every plain variable required.
/// </summary>
internal static class SwarmDocument
{
    public static YamlMapping Build(ComposeStack stack, TraefikFileNames traefikFiles, SwarmContext context)
    {
        var configs = new List<FileConfig>();
        var services = new List<YamlEntry>();
        var names = new SwarmNames(context);
        foreach (var service in stack.Services.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var emitted = ComposeDocument.AsEmitted(service, stack, traefikFiles, onSwarm: true);
            var isProxy = stack.Traefik?.Service.Name == service.Name;
            names.Check("Service", service.Name, $"{stack.Name}_{service.Name}", prefixed: true, service.Location);
            services.Add(new(service.Name, SwarmService.Build(emitted, isProxy, stack.Name, context, configs)));
        }

        var top = new List<YamlEntry>
        {
            new("version", new YamlScalar(ScalarKind.Text, SwarmSchema.Version, AlwaysQuoted: true)),
            new("services", new YamlMapping([.. services])),
        };

        var networks = StackResources.Networks(stack);
        if (networks.Count > 0)
        {
            var attachable = AttachableNetworks(stack);
            var written = new List<YamlEntry>(networks.Count);
            foreach (var network in networks)
            {
                written.Add(new(network.Name, Network(network, attachable.Contains(network.Name), stack.Name, names, context)));
            }

            top.Add(new("networks", new YamlMapping([.. written])));
        }

        var volumes = StackResources.Volumes(stack);
        if (volumes.Count > 0)
        {
            var written = new List<YamlEntry>(volumes.Count);
            foreach (var volume in volumes)
            {
                written.Add(new(volume.Name, Checked(TopLevelYaml.Volume(volume), SwarmSchema.VolumeKeys, $"volume '{volume.Name}'", volume.Location, context)));
            }

            top.Add(new("volumes", new YamlMapping([.. written])));
        }

        if (!stack.Secrets.IsEmpty)
        {
            var secrets = new List<YamlEntry>();
            foreach (var secret in stack.Secrets.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                var written = SwarmObjects.Secret(secret, stack.Name, context);
                names.CheckObject("Secret", secret.Name, written, secret.Location);
                secrets.Add(new(secret.Name, written));
            }

            top.Add(new("secrets", new YamlMapping([.. secrets])));
        }

        // The stack's configs, then the project files that became configs (each once); loops, not
        // LINQ, over the writer's records (see SwarmFiles.Targets).
        var allConfigs = new List<YamlEntry>();
        foreach (var config in stack.Configs.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            allConfigs.Add(new(config.Name, SwarmObjects.Config(config, stack.Name, context)));
        }

        var carried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in configs)
        {
            if (carried.Add(file.Key + "\n" + file.Name))
            {
                allConfigs.Add(new(file.Key, new YamlMapping([new("name", Text(file.Name)), new("file", Text(file.File))])));
            }
        }

        // Each clash once, in the order the keys first appear.
        var count = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var config in allConfigs)
        {
            count[config.Key] = count.TryGetValue(config.Key, out var seen) ? seen + 1 : 1;
        }

        foreach (var config in allConfigs)
        {
            if (count[config.Key] > 1)
            {
                count[config.Key] = 0;
                var declared = Declared(stack, config.Key);
                context.Refuse(declared?.Location ?? stack.Location, $"Two configs would both be called '{config.Key}' in the Swarm file: a config of the stack, and a project file a service mounts (keyed by the service and the file's name or path). Rename the config: Config.{(declared?.Content is null ? "FromFile" : "FromContent")}(\"{config.Key}-2\", ...).");
            }
        }

        // A literal content is written to swarm/config.KEY: keys differing only in case are one file on macOS and Windows.
        var configsOfStack = stack.Configs;
        var firstAt = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var secondAt = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < configsOfStack.Length; i++)
        {
            if (configsOfStack[i] is { Content: not null, External: false } literal && !firstAt.TryAdd(literal.Name, i))
            {
                secondAt.TryAdd(literal.Name, i);
            }
        }

        for (var i = 0; i < configsOfStack.Length; i++)
        {
            var name = configsOfStack[i].Name;
            if (firstAt.TryGetValue(name, out var first) && first == i && secondAt.TryGetValue(name, out var second))
            {
                var (one, other) = (configsOfStack[first], configsOfStack[second]);
                context.Refuse(other.Location, $"Configs '{one.Name}' and '{other.Name}' are written to swarm/config.{one.Name} and swarm/config.{other.Name}, one file on a file system that ignores case (macOS, Windows): one content would be deployed under the other's name. Rename one: Config.FromContent(\"{other.Name}-2\", ...).");
            }
        }

        foreach (var config in allConfigs)
        {
            // A config mounted from a project file is the stack's (no call of its own to point at).
            names.CheckObject("Config", config.Key, config.Value, Declared(stack, config.Key)?.Location ?? stack.Location);
        }

        if (allConfigs.Count > 0)
        {
            top.Add(new("configs", new YamlMapping([.. allConfigs.OrderBy(c => c.Key, StringComparer.Ordinal)])));
        }

        return (YamlMapping)RequiredVariables.Rewrite(new YamlMapping([.. top]));
    }

    /// <summary>
    /// Networks a one-off container must join: those of one-shot services and of the backup
    /// runner (its dumps and the restore procedure run containers beside the databases). A Swarm
    /// service joins any overlay; a plain <c>docker run</c> only an attachable one.
    /// </summary>
    private static HashSet<string> AttachableNetworks(ComposeStack stack)
    {
        var attachable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in stack.Services)
        {
            if (service.IsOneShot || service.Name == stack.Backups?.Runner.Name)
            {
                foreach (var attachment in service.Networks)
                {
                    attachable.Add(attachment.Network.Name);
                }
            }
        }

        return attachable;
    }

    private static YamlMapping Network(Network network, bool attachable, string stackName, SwarmNames names, SwarmContext context)
    {
        var written = Checked(TopLevelYaml.Network(network), SwarmSchema.NetworkKeys, $"network '{network.Name}'", network.Location, context);
        if (network.External)
        {
            return written;
        }

        if (network.ExternalName is { IsLiteral: true } own)
        {
            names.Check("Network", network.Name, own.ToCompose(), prefixed: false, network.Location);
        }
        else if (network.ExternalName is null)
        {
            names.Check("Network", network.Name, $"{stackName}_{network.Name}", prefixed: true, network.Location);
        }

        var entries = new List<YamlEntry>(written.Entries);
        if (written.ValueOf("driver") is null)
        {
            entries.Insert(0, new("driver", Text("overlay")));
        }

        if (attachable && written.ValueOf("attachable") is null)
        {
            entries.Add(new("attachable", Boolean(true)));
        }

        return new YamlMapping([.. entries]);
    }

    private static YamlMapping Checked(YamlMapping mapping, HashSet<string> allowed, string what, SourceLocation location, SwarmContext context)
    {
        var kept = new List<YamlEntry>(mapping.Entries.Length);
        foreach (var entry in mapping.Entries)
        {
            if (allowed.Contains(entry.Key))
            {
                kept.Add(entry);
            }
            else
            {
                context.Refuse(location, $"The {what} sets '{entry.Key}', which the v3 schema docker stack deploy reads does not have. Remove that setting, or deploy the stack with Compose only: .WithTargets(DeployTarget.Compose).");
            }
        }

        return new YamlMapping([.. kept]);
    }

    /// <summary>The stack's config of that name; null for a project file's.</summary>
    private static Config? Declared(ComposeStack stack, string key)
    {
        foreach (var config in stack.Configs)
        {
            if (config.Name == key)
            {
                return config;
            }
        }

        return null;
    }
}
