using System.Globalization;
using Stack.Dsl.Compose;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Yaml.YamlValue;

namespace Stack.Dsl.Generation;

/// <summary>Writes one service as a YAML mapping, keys in dclint's <c>service-keys-order</c>.</summary>
internal static class ServiceYaml
{
    public static YamlMapping Build(Service service, GenerationOptions options)
    {
        var fields = new List<YamlEntry>();
        void Add(string key, YamlValue? value)
        {
            if (value is not null)
            {
                fields.Add(new(key, value));
            }
        }

        Add("image", service.Image is { } image ? Text(image) : null);
        Add("build", service.Build is { } build ? Build(build, options) : null);
        Add("container_name", service.ContainerName is { } containerName ? Text(containerName) : null);
        Add("depends_on", NonEmpty(service.Dependencies, DependsOn));
        // Mount order carries no meaning (Docker mounts parents before children itself): sort by target.
        Add("volumes", NonEmpty(service.Volumes, v => Sequence(v.OrderBy(m => m.Target, StringComparer.Ordinal).Select(m => MountFormat.Format(m, options)))));
        Add("volumes_from", NonEmpty(service.VolumesFrom, sources => Sequence(sources.Select(s => s.ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(s => (YamlValue)Text(s)))));
        Add("configs", NonEmpty(service.Configs, FileGrants));
        Add("secrets", NonEmpty(service.Secrets, FileGrants));
        // Environment and build args are sorted maps already: no Mapping(...) sort needed.
        Add("environment", service.Environment.IsEmpty ? null : new YamlMapping([.. service.Environment.Select(e => Entry(e.Key, EnvironmentValue(e.Value)))]));
        Add("env_file", NonEmpty(service.EnvFiles, files => Sequence(files.Select(f => Text(HostPathFormat.Format(f, options))))));
        Add("ports", NonEmpty(service.Ports, Ports));
        Add("networks", NonEmpty(service.Networks, Networks));
        Add("network_mode", service.NetworkMode is { } mode ? Text(mode.Value) : null);
        Add("extra_hosts", NonEmpty(service.ExtraHosts, hosts => Mapping(hosts.Select(h => Entry(h.HostName, Text(h.Address))))));
        Add("command", service.Command is { } command ? Command(command) : null);
        Add("entrypoint", service.Entrypoint is { } entrypoint ? Command(entrypoint) : null);
        Add("working_dir", service.WorkingDir is { } workingDir ? Text(workingDir) : null);
        Add("restart", service.Restart is { } restart ? Text(restart.Compose) : null);
        Add("healthcheck", service.Healthcheck is { } healthcheck ? Healthcheck(healthcheck) : null);
        Add("logging", service.Logging is { } logging ? Logging(logging) : null);
        Add("labels", Labels(service));
        Add("user", service.User is { } user ? Text(user) : null);
        Add("cap_add", NonEmpty(service.CapAdd, Strings));
        Add("cap_drop", NonEmpty(service.CapDrop, Strings));
        Add("deploy", Deploy(service));
        Add("expose", NonEmpty(service.Expose, ports => Sequence(ports.Distinct().OrderBy(p => p.Ports.Start).ThenBy(p => p.Ports.End).ThenBy(p => p.Protocol).Select(p => (YamlValue)new YamlScalar(ScalarKind.Text, p.ToString(), AlwaysQuoted: true)))));
        Add("hostname", service.Hostname is { } hostname ? Text(hostname) : null);
        Add("init", service.Init is { } init ? Boolean(init) : null);
        Add("profiles", NonEmpty(service.Profiles, Strings));
        Add("pull_policy", service.PullPolicy is { } pull ? Text(pull.ToString().ToLowerInvariant()) : null);
        Add("read_only", service.ReadOnly is { } readOnly ? Boolean(readOnly) : null);
        Add("security_opt", NonEmpty(service.SecurityOpt, Strings));
        Add("stop_grace_period", service.StopGracePeriod is { } grace ? Text(DurationFormat.Format(grace)) : null);
        Add("tmpfs", NonEmpty(service.Tmpfs, t => Sequence(t.OrderBy(x => x.Target, StringComparer.Ordinal).Select(x => (YamlValue)Text(x.ToString())))));
        ProcessYaml.Add(service, Add);
        fields.AddRange(service.ExtraFields.Select(f => new YamlEntry(f.Key, f.Value)));
        fields.Sort((a, b) => ServiceFieldNames.Compare(a.Key, b.Key));

        return new YamlMapping([.. fields]);
    }

    private static YamlEntry Entry(string key, YamlValue value) => new(key, value);

    private static YamlValue? NonEmpty<T>(System.Collections.Immutable.ImmutableArray<T> items, Func<System.Collections.Immutable.ImmutableArray<T>, YamlValue> build) =>
        items.IsDefaultOrEmpty ? null : build(items);

    /// <summary>A set of strings (capabilities, profiles, aliases): no meaningful order, so sorted and distinct.</summary>
    private static YamlSequence Strings(System.Collections.Immutable.ImmutableArray<string> items) =>
        Sequence(items.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(i => (YamlValue)Text(i)));

    private static YamlMapping Build(BuildSpec build, GenerationOptions options) => BuildYaml.Build(build, options);

    private static YamlMapping DependsOn(System.Collections.Immutable.ImmutableArray<Dependency> dependencies) =>
        Mapping(dependencies.Select(d =>
        {
            var entries = new List<YamlEntry> { Entry("condition", Text(ConditionName(d.Condition))) };
            if (d.Restart is { } restart)
            {
                entries.Add(Entry("restart", Boolean(restart)));
            }

            if (d.Required is { } required)
            {
                entries.Add(Entry("required", Boolean(required)));
            }

            return Entry(d.Target.Name, Mapping(entries));
        }));

    private static string ConditionName(DependencyCondition condition) => condition switch
    {
        DependencyCondition.ServiceStarted => "service_started",
        DependencyCondition.ServiceHealthy => "service_healthy",
        DependencyCondition.ServiceCompletedSuccessfully => "service_completed_successfully",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Unknown dependency condition."),
    };

    private static YamlSequence FileGrants(System.Collections.Immutable.ImmutableArray<FileGrant> grants) =>
        Sequence(grants.OrderBy(g => g.Name, StringComparer.Ordinal).ThenBy(g => g.Target, StringComparer.Ordinal).Select(g =>
        {
            if (!g.HasSettings)
            {
                return (YamlValue)Text(g.Name);
            }

            var entries = new List<YamlEntry> { Entry("source", Text(g.Name)) };
            if (g.Target is { } target)
            {
                entries.Add(Entry("target", Text(target)));
            }

            if (g.Uid is { } uid)
            {
                entries.Add(Entry("uid", Text(uid)));
            }

            if (g.Gid is { } gid)
            {
                entries.Add(Entry("gid", Text(gid)));
            }

            if (g.Mode is { } mode)
            {
                entries.Add(Entry("mode", Number(mode)));
            }

            return Mapping(entries);
        }));

    private static YamlScalar EnvironmentValue(EnvironmentValue value) => value switch
    {
        TextEnvironmentValue text => Text(text.Value),
        NumberEnvironmentValue number => Number(number.Value),
        PassThroughEnvironmentValue => Null,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown environment value."),
    };

    private static YamlSequence Ports(System.Collections.Immutable.ImmutableArray<PortMapping> ports) =>
        Sequence(ports
            // dclint's service-ports-alphabetical-order: by published (else target) port, numerically.
            .OrderBy(p => (p.Published ?? p.Target).Start)
            .ThenBy(p => p.ToShortSyntax(), StringComparer.Ordinal)
            .Select(p => p.NeedsLongSyntax ? LongPort(p) : (YamlValue)(Text(p.ShortSyntax()) with { AlwaysQuoted = true })));

    /// <summary>Compose's long syntax, for what the short one cannot say (mode, name, app_protocol).</summary>
    private static YamlMapping LongPort(PortMapping port)
    {
        var entries = new List<YamlEntry>();
        if (port.Name is { } name)
        {
            entries.Add(Entry("name", Text(name)));
        }

        entries.Add(Entry("target", Number(port.Target.Start)));
        if (port.HostIp is { } ip)
        {
            entries.Add(Entry("host_ip", Text(ip.ToString())));
        }

        if (port.PublishedVariable is { } variable)
        {
            entries.Add(Entry("published", Text(ComposeString.Of(variable)) with { AlwaysQuoted = true }));
        }
        else if (port.Published is { } published)
        {
            // A number for one port (what every compose reads), text for a range.
            entries.Add(Entry("published", published.IsRange ? new YamlScalar(ScalarKind.Text, published.ToString(), AlwaysQuoted: true) : Number(published.Start)));
        }

        entries.Add(Entry("protocol", Text(port.Protocol.Word())));
        if (port.AppProtocol is { } appProtocol)
        {
            entries.Add(Entry("app_protocol", Text(appProtocol)));
        }

        if (port.Mode is { } mode)
        {
            entries.Add(Entry("mode", Text(mode.Word())));
        }

        return new YamlMapping([.. entries]);
    }

    /// <summary>Always the mapping form (<c>public: {}</c>), so adding an alias never changes the shape.</summary>
    private static YamlMapping Networks(System.Collections.Immutable.ImmutableArray<NetworkAttachment> attachments) =>
        Mapping(attachments.Select(a =>
        {
            var entries = new List<YamlEntry>();
            if (!a.Aliases.IsDefaultOrEmpty)
            {
                entries.Add(Entry("aliases", Strings(a.Aliases)));
            }

            if (a.Ipv4Address is { } v4)
            {
                entries.Add(Entry("ipv4_address", Text(v4.ToString())));
            }

            if (a.Ipv6Address is { } v6)
            {
                entries.Add(Entry("ipv6_address", Text(v6.ToString())));
            }

            return Entry(a.Network.Name, new YamlMapping([.. entries]));
        }));

    private static YamlValue Command(CommandLine command) => command switch
    {
        ExecCommandLine exec => Sequence(exec.Arguments.Select(a => (YamlValue)Text(a))),
        ShellCommandLine shell => Text(shell.Command),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown command form."),
    };

    private static YamlMapping Healthcheck(Healthcheck healthcheck)
    {
        if (healthcheck.Test is NoHealthcheckTest)
        {
            return new YamlMapping([Entry("disable", Boolean(true))]);
        }

        // Compose's documented order: test, then timings.
        var entries = new List<YamlEntry>
        {
            Entry("test", healthcheck.Test switch
            {
                ShellHealthcheckTest shell => Text(shell.Command),
                ExecHealthcheckTest exec => Sequence([Text("CMD"), .. exec.Arguments.Select(a => (YamlValue)Text(a))]),
                _ => throw new ArgumentOutOfRangeException(nameof(healthcheck), healthcheck.Test, "Unknown healthcheck test."),
            }),
        };
        AddDuration(entries, "interval", healthcheck.Interval);
        AddDuration(entries, "timeout", healthcheck.Timeout);
        if (healthcheck.Retries is { } retries)
        {
            entries.Add(Entry("retries", Number(retries)));
        }

        AddDuration(entries, "start_period", healthcheck.StartPeriod);
        AddDuration(entries, "start_interval", healthcheck.StartInterval);
        return new YamlMapping([.. entries]);
    }

    private static void AddDuration(List<YamlEntry> entries, string key, TimeSpan? value)
    {
        if (value is { } duration)
        {
            entries.Add(Entry(key, Text(DurationFormat.Format(duration))));
        }
    }

    private static YamlMapping Logging(Logging logging)
    {
        var entries = new List<YamlEntry> { Entry("driver", Text(logging.Driver)) };
        if (!logging.Options.IsEmpty)
        {
            entries.Add(Entry("options", Mapping(logging.Options.Select(o => Entry(o.Key, Text(o.Value))))));
        }

        return new YamlMapping([.. entries]);
    }

    private static YamlMapping? Labels(Service service)
    {
        // Hand-written labels win a clash here; validation (STK0204) has already refused real conflicts.
        var routerLabels = TraefikLabels.For(service).Where(l => !service.Labels.ContainsKey(l.Key));
        var labels = service.Labels.Select(l => new ServiceLabel(l.Key, l.Value)).Concat(routerLabels).OrderBy(l => l.Key, StringComparer.Ordinal).ToArray();
        return labels.Length == 0 ? null : new YamlMapping([.. labels.Select(l => Entry(l.Key, Text(l.Value)))]);
    }

    private static YamlMapping? Deploy(Service service)
    {
        var resources = new List<YamlEntry>();
        if (Resources(service.ResourceLimits) is { } limits)
        {
            resources.Add(Entry("limits", limits));
        }

        if (DeployYaml.Reservations(Resources(service.ResourceReservations), service.DeviceRequests) is { } reservations)
        {
            resources.Add(Entry("reservations", reservations));
        }

        return DeployYaml.Build(service.Deployment, resources);
    }

    private static YamlMapping? Resources(ResourceLimits? resources)
    {
        if (resources is null)
        {
            return null;
        }

        var entries = new List<YamlEntry>();
        if (resources.Cpus is { } cpus)
        {
            entries.Add(Entry("cpus", Text(cpus.ToString(CultureInfo.InvariantCulture))));
        }

        if (resources.Memory is { } memory)
        {
            entries.Add(Entry("memory", Text(memory.ToString())));
        }

        if (resources.Pids is { } pids)
        {
            entries.Add(Entry("pids", Number(pids)));
        }

        return entries.Count == 0 ? null : new YamlMapping([.. entries]);
    }
}
