using System.Collections.Immutable;
using Stack.Dsl.Compose;
using Stack.Dsl.Values;

namespace Stack.Dsl.Validation.Text;

/// <summary>The texts of the wider compose spec: process, devices, DNS, deploy, build, long syntax, resources.</summary>
internal static partial class TextInventory
{
    private static IEnumerable<TextField> SpecFields(string owner, Service service)
    {
        var at = service.Location;
        TextField F(string field, string value, TextKind kind) => new(owner, field, value, kind, at);

        yield return F("stop_signal", service.StopSignal ?? string.Empty, TextKind.Key);
        yield return F("runtime", service.Runtime ?? string.Empty, TextKind.Key);
        yield return F("platform", service.Platform ?? string.Empty, TextKind.Key);
        yield return F("domainname", service.DomainName ?? string.Empty, TextKind.Key);
        yield return F("cpuset", service.Cpuset ?? string.Empty, TextKind.Key);
        yield return F("cgroup_parent", service.CgroupParent ?? string.Empty, TextKind.Key);
        yield return F("mac_address", service.MacAddress ?? string.Empty, TextKind.Key);
        foreach (var field in Map(owner, "sysctl", service.Sysctls, at).Concat(Map(owner, "storage option", service.StorageOptions, at)).Concat(Map(owner, "annotation", service.Annotations, at)))
        {
            yield return field;
        }

        foreach (var (name, _) in service.Ulimits)
        {
            yield return F("ulimit name", name, TextKind.Key);
        }

        foreach (var group in service.GroupAdd)
        {
            yield return F("group_add", group, TextKind.Key);
        }

        foreach (var domain in service.DnsSearch)
        {
            yield return F("dns_search", domain, TextKind.Key);
        }

        foreach (var option in service.DnsOptions)
        {
            yield return F("dns_opt", option, TextKind.Key);
        }

        foreach (var rule in service.DeviceCgroupRules)
        {
            yield return F("device_cgroup_rule", rule, TextKind.Line);
        }

        foreach (var device in service.Devices)
        {
            yield return F("device host path", device.HostPath, TextKind.Key);
            yield return F("device container path", device.ContainerPath ?? string.Empty, TextKind.Key);
            yield return F("device permissions", device.Permissions ?? string.Empty, TextKind.Key);
        }

        foreach (var request in service.DeviceRequests)
        {
            yield return F("device driver", request.Driver ?? string.Empty, TextKind.Key);
            foreach (var word in request.Capabilities.Concat(request.DeviceIds))
            {
                yield return F("device capability or id", word, TextKind.Key);
            }

            foreach (var field in Map(owner, "device option", request.Options, at))
            {
                yield return field;
            }
        }

        foreach (var port in service.Ports)
        {
            yield return F("port name", port.Name ?? string.Empty, TextKind.Key);
            yield return F("port app_protocol", port.AppProtocol ?? string.Empty, TextKind.Key);
        }

        foreach (var mount in service.Volumes.OfType<VolumeMount>())
        {
            yield return new(owner, "volume subpath", mount.Subpath ?? string.Empty, TextKind.Line, mount.Location);
        }

        if (service.Deployment is { } deployment)
        {
            foreach (var field in Map(owner, "deploy label", deployment.Labels, at))
            {
                yield return field;
            }

            foreach (var placement in (deployment.Placement?.Constraints ?? []).Concat(deployment.Placement?.SpreadOver ?? []))
            {
                yield return F("placement", placement, TextKind.Line);
            }
        }

        if (service.Build is { } build)
        {
            foreach (var field in BuildFields(owner, build, service.At(service.Sites.Field(nameof(Service.Build), build))))
            {
                yield return field;
            }
        }
    }

    private static IEnumerable<TextField> BuildFields(string owner, BuildSpec build, SourceLocation at)
    {
        TextField F(string field, string value, TextKind kind) => new(owner, field, value, kind, at);
        yield return F("build dockerfile", build.Dockerfile ?? string.Empty, TextKind.Line);
        yield return F("build dockerfile_inline", build.DockerfileInline is { } inline ? Literal(inline) : string.Empty, TextKind.Text);
        yield return F("build target", build.Target ?? string.Empty, TextKind.Key);
        yield return F("build network", build.Network ?? string.Empty, TextKind.Key);
        foreach (var (key, value) in build.Args)
        {
            yield return F("build arg key", key, TextKind.Key);
            yield return F($"build arg {key}", Literal(value), TextKind.Text) with { Key = key };
        }

        foreach (var field in Map(owner, "build label", build.Labels, at).Concat(Map(owner, "build context", build.AdditionalContexts, at)))
        {
            yield return field;
        }

        foreach (var (field, values) in new[] { ("build cache_from", build.CacheFrom), ("build cache_to", build.CacheTo), ("build ssh", build.Ssh), ("build tag", build.Tags), ("build platform", build.Platforms) })
        {
            foreach (var value in values)
            {
                yield return F(field, value, TextKind.Key);
            }
        }

        foreach (var field in Yaml(owner, "build field", build.ExtraFields, at))
        {
            yield return field;
        }
    }

    private static IEnumerable<TextField> ResourceFields(string owner, ComposeResource resource)
    {
        var at = resource.Location;
        foreach (var field in Map(owner, "label", resource.Labels, at).Concat(Yaml(owner, "field", resource.ExtraFields, at)))
        {
            yield return field;
        }

        if (resource.ExternalName is { } name)
        {
            yield return new(owner, "name", Literal(name), TextKind.Key, at);
        }

        if (resource is Network { Ipam: { } ipam })
        {
            yield return new(owner, "ipam driver", ipam.Driver ?? string.Empty, TextKind.Key, at);
            foreach (var field in Map(owner, "ipam option", ipam.Options, at))
            {
                yield return field;
            }

            foreach (var auxName in ipam.Pools.SelectMany(p => p.AuxAddresses.Keys))
            {
                yield return new(owner, "aux address name", auxName, TextKind.Key, at);
            }
        }
    }

    private static IEnumerable<TextField> SecretAndConfigFields(ComposeStack stack)
    {
        // Loops, not LINQ over tuples: generic code over a tuple holding a struct is not precompiled.
        foreach (var secret in stack.Secrets)
        {
            foreach (var field in FileSourceFields($"Secret '{secret.Name}'", secret.Labels, secret.RealName, secret.ExtraFields, secret.Location))
            {
                yield return field;
            }
        }

        foreach (var config in stack.Configs)
        {
            foreach (var field in FileSourceFields($"Config '{config.Name}'", config.Labels, config.RealName, config.ExtraFields, config.Location))
            {
                yield return field;
            }
        }
    }

    private static IEnumerable<TextField> FileSourceFields(
        string owner, ImmutableSortedDictionary<string, ComposeString> labels, ComposeString? realName, ImmutableSortedDictionary<string, Stack.Dsl.Yaml.YamlValue> extra, SourceLocation at)
    {
        foreach (var field in Map(owner, "label", labels, at).Concat(Yaml(owner, "field", extra, at)))
        {
            yield return field;
        }

        if (realName is not null)
        {
            yield return new(owner, "name", Literal(realName), TextKind.Key, at);
        }
    }

    /// <summary>A map's keys (words) and values (one line each).</summary>
    private static IEnumerable<TextField> Map(string owner, string field, IEnumerable<KeyValuePair<string, Values.ComposeString>> map, SourceLocation at)
    {
        foreach (var (key, value) in map)
        {
            yield return new(owner, $"{field} key", key, TextKind.Key, at);
            yield return new(owner, $"{field} {key}", Literal(value), TextKind.Line, at) { Key = key };
        }
    }
}
