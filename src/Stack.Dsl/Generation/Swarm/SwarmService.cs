using Stack.Dsl.Compose;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Yaml.YamlValue;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// One service as <c>docker stack deploy</c> reads it. The compose service's YAML (one writer for
/// both targets, so values are formatted alike) is taken key by key: what Swarm reads the same is
/// kept; restart, labels, ports, tmpfs and deploy are rewritten for Swarm; anything else is
/// refused (STK0540), never dropped.
/// </summary>
internal static class SwarmService
{
    public static YamlMapping Build(Service emitted, bool isProxy, string stackName, SwarmContext context, List<FileConfig> configs)
    {
        var (service, fileConfigs) = FileConfigs.Convert(emitted, stackName, context);
        configs.AddRange(fileConfigs);
        var compose = ServiceYaml.Build(service, context.Options);
        var fields = new List<YamlEntry>();
        var tmpfsMounts = TmpfsMounts(service, context);
        YamlMapping? deploy = null;
        YamlMapping? labels = null;
        YamlSequence? granted = null;
        foreach (var (key, value) in compose.Entries)
        {
            switch (key)
            {
                case "restart" or "ports" or "tmpfs":
                    break; // written below, from the model
                case "configs":
                    granted = (YamlSequence)value;
                    break;
                case "deploy":
                    deploy = (YamlMapping)value;
                    break;
                case "labels":
                    labels = (YamlMapping)value;
                    break;
                case "healthcheck":
                    RefuseKeys(service, context, (YamlMapping)value, SwarmSchema.HealthcheckKeys, "its healthcheck sets", service.At(service.Sites.Field(nameof(Service.Healthcheck), service.Healthcheck)));
                    fields.Add(new(key, value));
                    break;
                case "volumes":
                    fields.Add(new(key, Volumes((YamlSequence)value, service, context)));
                    break;
                case var passed when SwarmSchema.PassedServiceKeys.Contains(passed):
                    fields.Add(new(key, value));
                    break;
                case var ignored when SwarmSchema.CheckedElsewhere.Contains(ignored):
                    break; // Swarm ignores it; the STK05nn checks say what replaces it.
                default:
                    context.Refuse(service.Location, $"Service '{service.Name}' sets '{key}', which docker stack deploy cannot express: the v3 schema it reads has no such key, or Swarm ignores it. Remove it from the service, or deploy the stack with Compose only: .WithTargets(DeployTarget.Compose).");
                    break;
            }
        }

        if (tmpfsMounts.Count > 0)
        {
            var volumes = IndexOf(fields, "volumes");
            var existing = volumes >= 0 ? ((YamlSequence)fields[volumes].Value).Items : [];
            var entry = new YamlEntry("volumes", new YamlSequence([.. existing, .. tmpfsMounts]));
            if (volumes >= 0)
            {
                fields[volumes] = entry;
            }
            else
            {
                fields.Add(entry);
            }
        }

        if (Configs(granted, fileConfigs) is { } grants)
        {
            fields.Add(new("configs", grants));
        }

        if (SwarmPorts.Build(service, isProxy, context) is { } ports)
        {
            fields.Add(new("ports", ports));
        }

        var (containerLabels, deployLabels) = SwarmLabels.Split(service, labels, context);
        if (containerLabels is not null)
        {
            fields.Add(new("labels", containerLabels));
        }

        fields.Add(new("deploy", SwarmDeploy.Build(service, deploy, deployLabels, isProxy, context)));
        fields.Sort((a, b) => ServiceFieldNames.Compare(a.Key, b.Key));
        return new YamlMapping([.. fields]);
    }

    /// <summary>The configs granted in the model, then the project files that became configs.</summary>
    private static YamlSequence? Configs(YamlSequence? granted, IReadOnlyList<FileConfig> files)
    {
        // Loops, not LINQ, over the writer's records: see SwarmFiles.Targets.
        var all = new List<YamlValue>();
        if (granted is not null)
        {
            all.AddRange(granted.Items);
        }

        foreach (var file in files)
        {
            var entries = new List<YamlEntry> { new("source", Text(file.Key)), new("target", Text(file.Target)) };
            if (file.Executable)
            {
                entries.Add(new("mode", Number(0b101_101_101)));
            }

            all.Add(new YamlMapping([.. entries]));
        }

        return all.Count == 0 ? null : new YamlSequence([.. all]);
    }

    /// <summary>Where the first entry under <paramref name="key"/> is in <paramref name="entries"/>; -1 when none is.</summary>
    internal static int IndexOf(List<YamlEntry> entries, string key)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Service-level tmpfs is ignored by Swarm; a tmpfs mount says the same and is honoured.</summary>
    private static List<YamlValue> TmpfsMounts(Service service, SwarmContext context)
    {
        var mounts = new List<YamlValue>();
        foreach (var tmpfs in service.Tmpfs.OrderBy(t => t.Target, StringComparer.Ordinal))
        {
            if (tmpfs.Mode is not null)
            {
                context.Refuse(service.Location, $"Service '{service.Name}' sets a mode on its tmpfs at '{tmpfs.Target}', which the v3 schema docker stack deploy reads cannot say. Remove the mode (new Tmpfs(\"{tmpfs.Target}\") {{ Size = ... }}), or deploy the stack with Compose only: .WithTargets(DeployTarget.Compose).");
                continue;
            }

            var entries = new List<YamlEntry> { new("type", Text("tmpfs")), new("target", Text(tmpfs.Target)) };
            if (tmpfs.Size is { } size)
            {
                entries.Add(new("tmpfs", new YamlMapping([new("size", Number(size.Bytes))])));
            }

            mounts.Add(new YamlMapping([.. entries]));
        }

        return mounts;
    }

    private static YamlSequence Volumes(YamlSequence volumes, Service service, SwarmContext context)
    {
        foreach (var item in volumes.Items)
        {
            if (item is not YamlMapping mount)
            {
                continue;
            }

            RefuseKeys(service, context, mount, SwarmSchema.MountKeys, "a mount sets");
            RefuseOptions(service, context, mount, "bind", SwarmSchema.BindOptionKeys);
            RefuseOptions(service, context, mount, "volume", SwarmSchema.VolumeOptionKeys);
        }

        return volumes;
    }

    private static void RefuseOptions(Service service, SwarmContext context, YamlMapping mount, string kind, HashSet<string> allowed)
    {
        if (mount.ValueOf(kind) is YamlMapping options)
        {
            RefuseKeys(service, context, options, allowed, $"a {kind} mount sets");
        }
    }

    // at: where the mapping's value was set (WithHealthcheck's call); the service when not known apart.
    private static void RefuseKeys(Service service, SwarmContext context, YamlMapping mapping, HashSet<string> allowed, string what, SourceLocation? at = null)
    {
        foreach (var (key, _) in mapping.Entries)
        {
            if (!allowed.Contains(key))
            {
                context.Refuse(at ?? service.Location, $"Service '{service.Name}': {what} '{key}', which the v3 schema docker stack deploy reads does not have. Remove that setting, or deploy the stack with Compose only: .WithTargets(DeployTarget.Compose).");
            }
        }
    }
}
