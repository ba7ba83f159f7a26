using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Validation.Text;

/// <summary>What a text may hold, by where it is written.</summary>
internal enum TextKind
{
    /// <summary>A key or a word (environment and label keys, capabilities, aliases, profiles): no space, no control character.</summary>
    Key,

    /// <summary>One line (images, paths, host names, commands run by the backup, .env.example lines): no line break or control character.</summary>
    Line,

    /// <summary>Free text (environment and label values, commands): line breaks allowed, other control characters not.</summary>
    Text,
}

/// <summary>One text a definition controls, with where it is written and the C# line that set it.</summary>
/// <param name="Owner">What holds it, as a user reads it ("Service 'web'").</param>
/// <param name="Field">Which field ("environment key", "bind target").</param>
/// <param name="Value">The text (a <see cref="ComposeString"/>'s literal parts; variable names are checked where they are declared).</param>
/// <param name="Kind">What it may hold.</param>
/// <param name="Location">The C# line to report.</param>
internal sealed record TextField(string Owner, string Field, string Value, TextKind Kind, SourceLocation Location)
{
    /// <summary>The variable, key or option the text is the value of (<c>DB_PASSWORD</c>, a label's key, a config's name), or null: what STK0100 judges a secret by.</summary>
    public string? Key { get; init; }
}

/// <summary>
/// Every text a stack writes into its files, each with the kind its place allows: the one list
/// <see cref="TextRules"/> checks, so a new field is covered by adding it here.
/// </summary>
internal static partial class TextInventory
{
    public static IEnumerable<TextField> Of(ComposeStack stack)
    {
        var project = $"Stack '{stack.Name}'";
        foreach (var service in stack.Services)
        {
            foreach (var field in Of(service))
            {
                yield return field;
            }
        }

        foreach (var variable in stack.Variables)
        {
            var owner = $"Variable {variable.Name}";
            yield return new(owner, "description", variable.Description ?? string.Empty, TextKind.Line, variable.Location.Or(stack.Location));
            yield return new(owner, "default", variable.Default ?? string.Empty, TextKind.Line, variable.Location.Or(stack.Location));
        }

        // Each extension at the WithExtension call that set it.
        // Loops, not SelectMany over the key-value pairs: its generic code is compiled at start-up.
        foreach (var (key, value) in stack.Extensions)
        {
            foreach (var field in Entry(project, "extension", key, value, stack.ExtensionSites.Of(key, value) ?? stack.Location))
            {
                yield return field;
            }
        }

        foreach (var resource in StackResourcesOf.Networks(stack).Cast<ComposeResource>().Concat(StackResourcesOf.Volumes(stack)))
        {
            var owner = $"{resource.GetType().Name} '{resource.Name}'";
            yield return new(owner, "driver", resource.Driver ?? string.Empty, TextKind.Key, resource.Location);
            foreach (var field in Map(owner, "driver option", resource.DriverOptions, resource.Location).Concat(ResourceFields(owner, resource)))
            {
                yield return field;
            }

            if (resource is Volume { Backup: { } backup })
            {
                foreach (var field in Of(owner, backup, resource.Location))
                {
                    yield return field;
                }
            }
        }

        foreach (var config in stack.Configs)
        {
            // Content under a secret's name (a config 'db_password') is a secret's value.
            yield return new($"Config '{config.Name}'", "content", config.Content is { } content ? Literal(content) : string.Empty, TextKind.Text, config.Location) { Key = config.Name };
        }

        foreach (var field in SecretAndConfigFields(stack))
        {
            yield return field;
        }

        if (stack.Backups is { } plan)
        {
            var owner = "The backup plan";
            foreach (var pattern in plan.ExcludePatterns)
            {
                yield return new(owner, "exclude pattern", pattern, TextKind.Line, plan.Location);
            }

            yield return new(owner, "volumes path", plan.VolumesPath, TextKind.Line, plan.Location);
            yield return new(owner, "excludes file", plan.ExcludesFile, TextKind.Line, plan.Location);
            yield return new(owner, "pre-commands variable", plan.PreCommandsVariable, TextKind.Key, plan.Location);
            yield return new(owner, "wait-for tool", plan.WaitForTool, TextKind.Line, plan.Location);
        }

        if (stack.Traefik is { } proxy)
        {
            foreach (var field in Of(proxy, stack))
            {
                yield return field;
            }
        }
    }

    private static IEnumerable<TextField> Of(Service service)
    {
        var owner = $"Service '{service.Name}'";
        var at = service.Location;
        TextField F(string field, string value, TextKind kind, SourceLocation? location = null) => new(owner, field, value, kind, location ?? at);

        if (service.Image is { } image)
        {
            yield return F("image", Literal(image), TextKind.Line);
        }

        // A literal container name is a name (STK0201); one built from variables is text.
        if (service.ContainerName is { IsLiteral: false } containerName)
        {
            yield return F("container name", Literal(containerName), TextKind.Line);
        }

        if (service.Hostname is { } hostname)
        {
            yield return F("hostname", Literal(hostname), TextKind.Line);
        }

        if (service.User is { } user)
        {
            yield return F("user", Literal(user), TextKind.Line);
        }

        if (service.NetworkMode is { } networkMode)
        {
            yield return F("network_mode", networkMode.Value, TextKind.Key);
        }

        if (service.WorkingDir is { } workingDir)
        {
            yield return F("working_dir", workingDir, TextKind.Line);
        }

        foreach (var (key, value) in service.Environment)
        {
            yield return F("environment key", key, TextKind.Key);
            if (value is TextEnvironmentValue text)
            {
                yield return F($"environment {key}", Literal(text.Value), TextKind.Text) with { Key = key };
            }
            else if (value is NumberEnvironmentValue number)
            {
                // Written unquoted, but a number under DB_PASSWORD is a secret's value all the same.
                yield return F($"environment {key}", number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), TextKind.Key) with { Key = key };
            }
        }

        foreach (var (key, value) in service.Labels)
        {
            yield return F("label key", key, TextKind.Key);
            yield return F($"label {key}", Literal(value), TextKind.Text) with { Key = key };
        }

        foreach (var file in service.EnvFiles)
        {
            yield return F("env_file", HostPathText(file), TextKind.Line);
        }

        foreach (var mount in service.Volumes)
        {
            yield return F(mount is BindMount ? "bind target" : "volume target", mount.Target, TextKind.Line, mount.Location);
            if (mount is BindMount bind)
            {
                yield return F("bind source", HostPathText(bind.Source), TextKind.Line, mount.Location);
            }
        }

        foreach (var tmpfs in service.Tmpfs)
        {
            yield return F("tmpfs target", tmpfs.Target, TextKind.Line);
            foreach (var option in tmpfs.Options)
            {
                yield return F("tmpfs option", option, TextKind.Key);
            }
        }

        foreach (var host in service.ExtraHosts)
        {
            yield return F("extra_hosts name", host.HostName, TextKind.Key);
            yield return F("extra_hosts address", host.Address, TextKind.Key);
        }

        // A value built apart and set by one call (a healthcheck, a command line, logging) is reported at that call.
        SourceLocation SetAt(string name, object? value) => service.At(service.Sites.Field(name, value));
        foreach (var field in Command(owner, "command", service.Command, SetAt(nameof(Service.Command), service.Command)).Concat(Command(owner, "entrypoint", service.Entrypoint, SetAt(nameof(Service.Entrypoint), service.Entrypoint))))
        {
            yield return field;
        }

        switch (service.Healthcheck?.Test)
        {
            case ShellHealthcheckTest shell:
                yield return F("healthcheck test", Literal(shell.Command), TextKind.Text, SetAt(nameof(Service.Healthcheck), service.Healthcheck));
                break;
            case ExecHealthcheckTest exec:
                foreach (var argument in exec.Arguments)
                {
                    yield return F("healthcheck argument", Literal(argument), TextKind.Text, SetAt(nameof(Service.Healthcheck), service.Healthcheck));
                }

                break;
        }

        if (service.Logging is { } logging)
        {
            var loggingAt = SetAt(nameof(Service.Logging), logging);
            yield return F("logging driver", logging.Driver, TextKind.Key, loggingAt);
            foreach (var field in Map(owner, "logging option", logging.Options, loggingAt))
            {
                yield return field;
            }
        }

        foreach (var capability in service.CapAdd.Concat(service.CapDrop))
        {
            yield return F("capability", capability, TextKind.Key);
        }

        foreach (var option in service.SecurityOpt)
        {
            yield return F("security_opt", option, TextKind.Line);
        }

        foreach (var profile in service.Profiles)
        {
            yield return F("profile", profile, TextKind.Key);
        }

        foreach (var attachment in service.Networks)
        {
            foreach (var alias in attachment.Aliases)
            {
                yield return F($"alias on network {attachment.Network.Name}", alias, TextKind.Key);
            }
        }

        foreach (var grant in service.Secrets.Concat(service.Configs))
        {
            yield return F($"target of {grant.Name}", grant.Target ?? string.Empty, TextKind.Line);
            yield return F($"uid of {grant.Name}", grant.Uid ?? string.Empty, TextKind.Key);
            yield return F($"gid of {grant.Name}", grant.Gid ?? string.Empty, TextKind.Key);
        }

        foreach (var tcp in service.TcpRouters)
        {
            yield return F($"HostSNI of TCP router '{tcp.Name}'", tcp.HostSni, TextKind.Key, tcp.Location);
        }

        foreach (var router in service.Routers)
        {
            if (router.Rule is { } rule)
            {
                yield return F($"rule of router '{router.Name}'", Literal(rule.Expression), TextKind.Line, router.Location);
            }

            yield return F($"TLS options of router '{router.Name}'", router.TlsOptions ?? string.Empty, TextKind.Key, router.Location);

            // Written into STACK.md beside the route it opens.
            yield return F($"public-access reason of router '{router.Name}'", router.PublicAccessReason ?? string.Empty, TextKind.Text, router.Location);
            yield return F($"service scheme of router '{router.Name}'", router.Service?.Scheme ?? string.Empty, TextKind.Key, router.Location);
            foreach (var url in router.Service?.Urls ?? [])
            {
                yield return F($"server URL of router '{router.Name}'", url, TextKind.Line, router.Location);
            }
            yield return F($"health-check path of router '{router.Name}'", router.Service?.HealthCheckPath ?? string.Empty, TextKind.Key, router.Location);
            yield return F($"sticky cookie of router '{router.Name}'", router.Service?.StickyCookie ?? string.Empty, TextKind.Key, router.Location);
            foreach (var domain in router.TlsDomains.SelectMany(d => d.Sans.Prepend(d.Main)))
            {
                yield return F($"TLS domain of router '{router.Name}'", domain, TextKind.Key, router.Location);
            }
        }

        foreach (var (key, value) in service.ExtraFields)
        {
            foreach (var field in Entry(owner, "field", key, value, service.At(service.FieldSites.Of(key, value))))
            {
                yield return field;
            }
        }

        foreach (var field in SpecFields(owner, service).Concat(Middlewares(service.DefinedMiddlewares, at)))
        {
            yield return field;
        }
    }

    private static IEnumerable<TextField> Of(string owner, VolumeBackup backup, SourceLocation at)
    {
        if (backup.PreBackupCommand is { } command)
        {
            yield return new(owner, "backup command", command.Command, TextKind.Line, at);
        }

        switch (backup)
        {
            case DumpBackup dump:
                yield return new(owner, "restore command", dump.Restore, TextKind.Line, at);
                break;
            case NoBackup never:
                yield return new(owner, "reason for no backup", never.Reason, TextKind.Text, at);
                break;
        }
    }

    private static IEnumerable<TextField> Of(TraefikProxy proxy, ComposeStack stack)
    {
        var owner = "The Traefik proxy";
        var at = proxy.Location;
        yield return new(owner, "log level", proxy.LogLevel, TextKind.Key, at);
        yield return new(owner, "log format", proxy.LogFormat, TextKind.Key, at);
        yield return new(owner, "log file", proxy.LogFilePath ?? string.Empty, TextKind.Line, at);
        yield return new(owner, "access log file", proxy.AccessLogFilePath ?? string.Empty, TextKind.Line, at);
        yield return new(owner, "docker endpoint", proxy.DockerEndpoint ?? string.Empty, TextKind.Line, at);
        yield return new(owner, "static config path", proxy.StaticConfigPath, TextKind.Line, at);
        yield return new(owner, "dynamic config path", proxy.DynamicConfigPath, TextKind.Line, at);
        foreach (var entryPoint in proxy.EntryPoints)
        {
            foreach (var forwarder in entryPoint.TrustedForwarders.Concat(entryPoint.ProxyProtocolTrustedIps))
            {
                yield return new(owner, $"trusted forwarder of {entryPoint.Name}", forwarder, TextKind.Key, entryPoint.Location.Or(at));
            }
        }

        foreach (var resolver in proxy.CertResolvers)
        {
            var written = resolver.Location.Or(at);
            yield return new(owner, $"storage of resolver {resolver.Name}", resolver.Storage, TextKind.Line, written);
            yield return new(owner, $"CA server of resolver {resolver.Name}", resolver.CaServer ?? string.Empty, TextKind.Line, written);
            yield return new(owner, $"email of resolver {resolver.Name}", resolver.Email ?? string.Empty, TextKind.Line, written);
            yield return new(owner, $"DNS provider of resolver {resolver.Name}", resolver.DnsChallengeProvider ?? string.Empty, TextKind.Key, written);
            foreach (var dns in resolver.DnsResolvers)
            {
                yield return new(owner, $"DNS resolver of resolver {resolver.Name}", dns, TextKind.Key, written);
            }
        }

        foreach (var field in Middlewares(Generation.Traefik.TraefikWiring.UsedMiddlewares(stack, proxy), at))
        {
            yield return field;
        }
    }

    /// <summary>
    /// Every text of a middleware, read from its definition (the one both providers write), so a
    /// new middleware or option is covered without a line here. Options are one line each.
    /// </summary>
    private static IEnumerable<TextField> Middlewares(IEnumerable<Middleware> middlewares, SourceLocation at)
    {
        // A string key, not a (name, provider) tuple: generic code over tuples is not precompiled.
        foreach (var middleware in middlewares.DistinctBy(m => m.Name + "@" + m.Provider, StringComparer.Ordinal))
        {
            if (middleware.Definition(MiddlewareText.Labels) is not { } definition)
            {
                continue;
            }

            foreach (var field in Entries($"Middleware '{middleware.Name}'", "option", definition.Options, middleware.Location.Or(at)))
            {
                yield return field with { Kind = field.Kind == TextKind.Text ? TextKind.Line : field.Kind, Value = field.Value };
            }
        }
    }

    private static IEnumerable<TextField> Command(string owner, string field, CommandLine? command, SourceLocation at) => command switch
    {
        ShellCommandLine shell => [new(owner, field, Literal(shell.Command), TextKind.Text, at)],
        ExecCommandLine exec => exec.Arguments.Select(a => new TextField(owner, $"{field} argument", Literal(a), TextKind.Text, at)),
        _ => [],
    };

    /// <summary>Keys and scalars of escape-hatch YAML (fields, extensions).</summary>
    private static IEnumerable<TextField> Yaml(string owner, string field, IEnumerable<KeyValuePair<string, YamlValue>> entries, SourceLocation at)
    {
        foreach (var (key, value) in entries)
        {
            foreach (var text in Entry(owner, field, key, value, at))
            {
                yield return text;
            }
        }
    }

    /// <summary>Keys and scalars of a YAML mapping (loops, not a LINQ projection to key-value pairs: generic code over them is compiled at start-up).</summary>
    private static IEnumerable<TextField> Entries(string owner, string field, YamlMapping mapping, SourceLocation at)
    {
        foreach (var entry in mapping.Entries)
        {
            foreach (var text in Entry(owner, field, entry.Key, entry.Value, at))
            {
                yield return text;
            }
        }
    }

    private static IEnumerable<TextField> Entry(string owner, string field, string key, YamlValue value, SourceLocation at) =>
        [new(owner, $"{field} key", key, TextKind.Key, at), .. Keyed(Yaml(owner, $"{field} {key}", value, at), key)];

    /// <summary>The texts under <paramref name="key"/>, each keeping the innermost key it is the value of.</summary>
    private static IEnumerable<TextField> Keyed(IEnumerable<TextField> fields, string key)
    {
        foreach (var field in fields)
        {
            yield return field.Key is null ? field with { Key = key } : field;
        }
    }

    private static IEnumerable<TextField> Yaml(string owner, string field, YamlValue value, SourceLocation at) => value switch
    {
        YamlScalar scalar => [new(owner, field, scalar.Value, TextKind.Text, at)],
        YamlSequence sequence => sequence.Items.SelectMany(item => Yaml(owner, field, item, at)),
        YamlMapping mapping => Entries(owner, field, mapping, at),
        _ => [],
    };

    private static string HostPathText(HostPath path) => path switch
    {
        AbsoluteHostPath absolute => Literal(absolute.Path),
        ProjectHostPath project => project.RelativePath,
        OutputHostPath output => output.FileName,
        HomeHostPath home => home.RelativePath,
        VariableHostPath variable => variable.RelativePath,
        _ => string.Empty,
    };

    /// <summary>A compose string's literal text; each variable stands as <c>${NAME}</c>, a name checked where it is declared.</summary>
    internal static string Literal(ComposeString value) =>
        string.Concat(value.Parts.Select(p => p.Variable is { } variable ? variable.Reference : p.Text));
}
