using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>
/// A compose file as a single-file C# definition (<c>stack.cs</c>): variables declared once, then
/// networks, volumes and services as the DSL writes them. Every problem is collected and reported
/// at its line; with any, nothing is returned.
/// </summary>
internal static partial class ComposeImporter
{
    private static readonly HashSet<string> TopLevel = new(StringComparer.Ordinal) { "version", "name", "services", "networks", "volumes", "secrets", "configs" };

    /// <summary>The C# for one file, or the errors.</summary>
    public static (string? Code, IReadOnlyList<ImportError> Errors) Import(string file, string yaml, string packageVersion, string fallbackName) =>
        Import([(file, yaml)], packageVersion, fallbackName);

    /// <summary>
    /// The C# for several files read together (a single stack.cs), as compose reads <c>-f a.yml -f b.yml</c>
    /// when each adds its own services (a stack split by service group); an override file becomes an
    /// environment. Networks and volumes declared alike in several files are one.
    /// </summary>
    /// <param name="files">The compose files and their text.</param>
    /// <param name="packageVersion">The Stack.Dsl version the file asks for.</param>
    /// <param name="fallbackName">The stack's name when no file gives one.</param>
    /// <param name="fileName">The C# file's name, as its header says how to run it.</param>
    public static (string? Code, IReadOnlyList<ImportError> Errors) Import(IReadOnlyList<(string File, string Yaml)> files, string packageVersion, string fallbackName, string fileName = "stack.cs")
    {
        var (imported, errors) = Translate(files, ImportLayout.SingleFile, fallbackName);
        return imported is null ? (null, errors) : (SingleFileWriter.Write(imported, packageVersion, fileName), []);
    }

    /// <summary>The same import as a project: its files by path relative to the project's folder, or the errors.</summary>
    public static (IReadOnlyDictionary<string, string>? Files, IReadOnlyList<ImportError> Errors) ImportProject(IReadOnlyList<(string File, string Yaml)> files, string packageVersion, string fallbackName)
    {
        var (imported, errors) = Translate(files, ImportLayout.Project, fallbackName);
        return imported is null ? (null, errors) : (ProjectWriter.Write(imported, packageVersion), []);
    }

    private static (ImportedCode? Code, IReadOnlyList<ImportError> Errors) Translate(IReadOnlyList<(string File, string Yaml)> files, ImportLayout layout, string fallbackName)
    {
        var errors = new List<ImportError>();
        var roots = new List<(string File, YamlMappingNode Root)>();
        var staticConfigs = new List<(string File, YamlMappingNode Root)>();
        foreach (var (file, yaml) in files)
        {
            try
            {
                AliasBudget.CheckText(yaml);
                var stream = Parse(yaml);
                foreach (var document in stream.Documents)
                {
                    AliasBudget.Check(document.RootNode);
                    ComposeTags.RefuseShapes(document.RootNode);
                    MergeKeys.Expand(document.RootNode);
                }

                if (stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode traefik && StaticConfigImporter.IsStaticConfig(traefik))
                {
                    staticConfigs.Add((file, traefik));
                    continue;
                }

                if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping || !mapping.Children.ContainsKey(new YamlScalarNode("services")))
                {
                    var at = stream.Documents.Count > 0 ? stream.Documents[0].RootNode.Start : Mark.Empty;
                    errors.Add(new ImportError(file, at, "this is not a compose file: a compose file is one YAML mapping with a services: key."));
                    continue;
                }

                roots.Add((file, mapping));
            }
            catch (YamlException invalid)
            {
                errors.Add(new ImportError(file, invalid.Start, $"the YAML does not parse: {invalid.Message}"));
            }
            catch (ImportRefusal refusal)
            {
                errors.Add(new ImportError(file, refusal.At, refusal.Message));
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var (bases, environments) = Environments(roots, errors);
        var (root, origin) = Merge(bases, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return Write(root, origin, environments, bases[0].File, new Naming(layout), fallbackName, staticConfigs);
    }

    /// <summary>
    /// Which files are environments, applied one at a time over the others (the base): a
    /// <c>dc.ENV.yml</c>, or a <c>docker-compose.ENV.yml</c> that overrides a service the files
    /// before it define (docker-compose.override.yml among them). The rest add services to the base.
    /// </summary>
    private static (List<(string File, YamlMappingNode Root)> Bases, List<ImportedEnvironment> Environments) Environments(List<(string File, YamlMappingNode Root)> roots, List<ImportError> errors)
    {
        var bases = new List<(string File, YamlMappingNode Root)>();
        var environments = new List<ImportedEnvironment>();
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, root) in roots)
        {
            var services = ServiceNames(root).ToList();
            var named = EnvironmentFile().Match(Path.GetFileName(file));
            var overrides = named.Success && (named.Groups["prefix"].Value == "dc" || services.Any(defined.Contains));
            if (!overrides)
            {
                bases.Add((file, root));
                defined.UnionWith(services);
                continue;
            }

            var name = named.Groups["name"].Value;
            if (environments.Any(e => e.Name == name))
            {
                errors.Add(new ImportError(file, root.Start, $"a second file for environment '{name}'; give each environment one override file."));
            }

            environments.Add(new ImportedEnvironment(name, file, root));
        }

        if (bases.Count == 0)
        {
            errors.Add(new ImportError(roots[0].File, roots[0].Root.Start, "every file is an environment's override; give the base file too (-f docker-compose.yml -f dc.ENV.yml)."));
        }

        return (bases, environments);
    }

    /// <summary>
    /// The YAML, or a YamlException: YamlDotNet answers some malformed input with other
    /// exceptions (an unexpected parser event), which are parse errors too.
    /// </summary>
    private static YamlStream Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (Exception malformed) when (malformed is InvalidOperationException or ArgumentException)
        {
            throw new YamlException(new Mark(0, 1, 1), new Mark(0, 1, 1), $"it is malformed ({malformed.Message})", malformed);
        }

        return stream;
    }

    private static IEnumerable<string> ServiceNames(YamlMappingNode root) =>
        root.Children.TryGetValue(new YamlScalarNode("services"), out var services) && services is YamlMappingNode mapping
            ? mapping.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!)
            : [];

    /// <summary>An override file's name: dc.ENV.yml or docker-compose.ENV.yml, ENV a valid environment name.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<prefix>dc|docker-compose)\.(?<name>[a-z0-9][a-z0-9_-]*)\.ya?ml\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex EnvironmentFile();

    /// <summary>An override file, applied over the base as one environment.</summary>
    private sealed record ImportedEnvironment(string Name, string File, YamlMappingNode Root);

    /// <summary>One root holding every file's entries, and which file each entry came from ("services/web").</summary>
    private static (YamlMappingNode Root, Dictionary<string, string> Origin) Merge(List<(string File, YamlMappingNode Root)> roots, List<ImportError> errors)
    {
        var merged = new YamlMappingNode();
        var origin = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, root) in roots)
        {
            foreach (var (keyNode, value) in root.Children)
            {
                var key = keyNode is YamlScalarNode { Value: { } k } ? k : string.Empty;
                if (key is not ("services" or "networks" or "volumes" or "secrets" or "configs"))
                {
                    if (!merged.Children.ContainsKey(keyNode))
                    {
                        merged.Children.Add(keyNode, value);
                        origin[key] = file;
                    }

                    continue;
                }

                if (!merged.Children.TryGetValue(keyNode, out var section))
                {
                    section = new YamlMappingNode();
                    merged.Children.Add(new YamlScalarNode(key), section);
                }

                if (value is not YamlMappingNode && !(value is YamlScalarNode empty && Nodes.IsNull(empty)))
                {
                    errors.Add(new ImportError(file, value.Start, $"{key} must be a mapping (name: settings)."));
                    continue;
                }

                foreach (var (nameNode, entry) in value as YamlMappingNode ?? new YamlMappingNode())
                {
                    var name = ((YamlScalarNode)nameNode).Value!;
                    var target = (YamlMappingNode)section;
                    if (!target.Children.TryGetValue(nameNode, out var existing))
                    {
                        target.Children.Add(nameNode, entry);
                        origin[$"{key}/{name}"] = file;
                    }
                    else if (key == "services" || Text(existing) != Text(entry))
                    {
                        errors.Add(new ImportError(file, nameNode.Start, key == "services"
                            ? $"the service '{name}' is also in {Path.GetFileName(origin[$"{key}/{name}"])}: to import an override as an environment, name its file dc.ENV.yml (or docker-compose.ENV.yml)."
                            : $"the {key[..^1]} '{name}' is declared differently in {Path.GetFileName(origin[$"{key}/{name}"])}; declare it alike in both, or in one."));
                    }
                }
            }
        }

        return (merged, origin);
    }

    private static string Text(YamlNode node)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static (ImportedCode? Code, IReadOnlyList<ImportError> Errors) Write(
        YamlMappingNode root, Dictionary<string, string> origin, IReadOnlyList<ImportedEnvironment> environments, string firstFile, Naming naming, string fallbackName,
        IReadOnlyList<(string File, YamlMappingNode Root)> staticConfigs)
    {
        var errors = new List<ImportError>();
        var code = new CSharpCode(naming);
        void Guard(string file, Action write)
        {
            try
            {
                write();
            }
            catch (ImportRefusal refusal)
            {
                errors.Add(new ImportError(file, refusal.At, refusal.Message));
            }
        }

        foreach (var (key, _) in root.Children)
        {
            var name = key is YamlScalarNode { Value: { } k } ? k : string.Empty;
            if (!TopLevel.Contains(name) && !name.StartsWith("x-", StringComparison.Ordinal))
            {
                errors.Add(new ImportError(origin.GetValueOrDefault(name, firstFile), key.Start, $"the top-level key '{name}' is not translated by the importer yet (it reads name, services, networks, volumes, secrets and configs)."));
            }
        }

        var stackName = root.Children.TryGetValue(new YamlScalarNode("name"), out var nameNode) && nameNode is YamlScalarNode { Value: { } n } ? n : fallbackName;
        var networks = Declare(root, "networks", "Network", origin, code, Guard);
        var volumes = Declare(root, "volumes", "Volume", origin, code, Guard);
        var secrets = FileSources.Declare(root, "secrets", origin, code, Guard);
        var configs = FileSources.Declare(root, "configs", origin, code, Guard);
        var services = Nodes.Mapping(root.Children[new YamlScalarNode("services")], "services").Children
            .ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => naming.Service(((YamlScalarNode)e.Key).Value!), StringComparer.Ordinal);
        var baseServices = services.Values.ToList();

        // Services only an environment adds are declared with the others, and added by it.
        var allServices = new YamlMappingNode(Nodes.Mapping(root.Children[new YamlScalarNode("services")], "services").Children);
        foreach (var environment in environments)
        {
            foreach (var (key, value) in EnvironmentServices(environment).Where(e => !services.ContainsKey(((YamlScalarNode)e.Key).Value!)))
            {
                var name = ((YamlScalarNode)key).Value!;
                services[name] = naming.Service(name);
                origin[$"services/{name}"] = environment.File;
                allServices.Add(key, value);
            }
        }

        var proxy = TraefikStatic.Import(staticConfigs, allServices, origin, root, stackName, networks, services, code, errors);
        var middlewares = TypedMiddlewares(allServices, code);
        var importer = new ServiceImporter(
            code, networks.ToDictionary(d => d.Name, d => d.Identifier, StringComparer.Ordinal), volumes.ToDictionary(d => d.Name, d => d.Identifier, StringComparer.Ordinal), services, middlewares)
        {
            Secrets = secrets.ToDictionary(d => d.Name, d => d.Identifier, StringComparer.Ordinal),
            Configs = configs.ToDictionary(d => d.Name, d => d.Identifier, StringComparer.Ordinal),
            ReplacedMount = proxy?.Mount,
            TraefikNetworks = TraefikNetworks.Of(root, stackName, networks.ToDictionary(d => d.Name, d => d.Identifier, StringComparer.Ordinal)),
            Todos = proxy?.Todo is { } todo ? new Dictionary<string, string>(StringComparer.Ordinal) { [todo.Service] = todo.Text } : new Dictionary<string, string>(),
        };
        var declaredServices = new List<Declared>();
        foreach (var (key, value) in InDependencyOrder(allServices))
        {
            var name = ((YamlScalarNode)key).Value!;
            Guard(origin[$"services/{name}"], () => declaredServices.Add(new Declared(name, services[name], [.. importer.Chain(name, Nodes.Mapping(value, $"service {name}"))])));
        }

        var environmentCode = new List<(string Name, string Code)>();
        foreach (var environment in environments)
        {
            Guard(environment.File, () => environmentCode.Add((environment.Name, Environment(environment, root, services, baseServices, importer))));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ImportedCode(stackName, [.. origin.Values.Distinct().Select(f => Path.GetFileName(f))], code.Variables, networks, volumes, declaredServices, baseServices, environmentCode)
            {
                Secrets = secrets,
                Configs = configs,

                // Top-level x- keys (often anchors whose merges are already expanded above) are kept as written.
                Extensions = [.. root.Children
                    .Where(e => e.Key is YamlScalarNode { Value: { } k } && k.StartsWith("x-", StringComparison.Ordinal))
                    .Select(e => $".WithExtension({CSharpCode.Literal(((YamlScalarNode)e.Key).Value!)}, {YamlValueCode.Of(e.Value, code)})")],
                Middlewares = [.. middlewares.Values.OrderBy(m => m.IsChain).ThenBy(m => m.Name, StringComparer.Ordinal).Select(m => new Declared(m.Name, naming.Middleware(m.Name), [m.Code]))],
                Traefik = proxy?.Proxy?.Expression,
                EntryPoints = [.. (proxy?.Proxy?.EntryPoints ?? []).Select(e => new Declared(e.Name, code.EntryPoint(e.Name), [e.Code])),
                    .. code.EntryPoints.Where(e => proxy?.Proxy?.EntryPoints.Any(p => p.Name == e.Key) != true)
                        .Select(e => new Declared(e.Key, e.Value, [CSharpCode.EntryPointCode(e.Key)]) { Todo = CSharpCode.EntryPointTodo(e.Key) })],
            }, []);
    }

    /// <summary>
    /// The middlewares the services' labels define that the importer types, kept only where the
    /// defining service's Traefik labels type as a whole (the proof): a middleware left as labels
    /// must not be named as a typed one by another service's router.
    /// </summary>
    private static Dictionary<string, MiddlewareLabelImporter.ImportedMiddleware> TypedMiddlewares(YamlMappingNode services, CSharpCode code)
    {
        var labels = services.Children.Select(e => (Service: ((YamlScalarNode)e.Key).Value!, Labels: LabelsOf(e.Value))).ToList();
        var middlewares = MiddlewareLabelImporter.Candidates(labels, code);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var owner in middlewares.Values.Select(m => m.Owner).Distinct(StringComparer.Ordinal).ToList())
            {
                var kept = TraefikLabelImporter.Translate(labels.First(l => l.Service == owner).Labels, code, middlewares, owner).Kept.Keys;
                if (kept.Any(k => MiddlewareLabelImporter.IsDefinition(k) && middlewares.TryGetValue(MiddlewareLabelImporter.NameIn(k), out var m) && m.Owner == owner))
                {
                    foreach (var name in middlewares.Where(m => m.Value.Owner == owner).Select(m => m.Key).ToList())
                    {
                        middlewares.Remove(name);
                    }

                    changed = true;
                }
            }
        }

        return middlewares;
    }

    private static IReadOnlyList<(string Key, string Value)> LabelsOf(YamlNode service)
    {
        try
        {
            return service is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode("labels"), out var labels)
                ? [.. Nodes.Pairs(labels, "labels").Select(p => (p.Key, p.Value ?? string.Empty))]
                : [];
        }
        catch (ImportRefusal)
        {
            return []; // Reported where the service's labels are translated.
        }
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> EnvironmentServices(ImportedEnvironment environment) =>
        environment.Root.Children.TryGetValue(new YamlScalarNode("services"), out var services) ? Nodes.Mapping(services, "services").Children : [];

    /// <summary>
    /// An override file as a <c>StackEnvironment</c> holding exactly its differences: each base
    /// service it changes through <c>MapService</c>, each service it adds through <c>WithServices</c>.
    /// Networks and volumes it declares must be the base's.
    /// </summary>
    private static string Environment(ImportedEnvironment environment, YamlMappingNode root, Dictionary<string, string> services, List<string> baseServices, ServiceImporter importer)
    {
        foreach (var (keyNode, value) in environment.Root.Children)
        {
            var key = Nodes.Scalar(keyNode, "a top-level key");
            var same = key is "version" or "services" || key == "name" && root.Children.TryGetValue(keyNode, out var baseName) && Text(baseName) == Text(value);
            if (key is "networks" or "volumes")
            {
                var declared = root.Children.TryGetValue(keyNode, out var section) ? Nodes.Mapping(section, key) : new YamlMappingNode();
                same = Nodes.Mapping(value, key).Children.All(e => declared.Children.TryGetValue(e.Key, out var there) && Text(there) == Text(e.Value));
            }

            if (!same)
            {
                throw new ImportRefusal(keyNode.Start, $"environment '{environment.Name}' changes the top-level '{key}', which the importer does not translate into an environment yet; it translates changes to services.");
            }
        }

        var changes = new StringBuilder();
        var added = new List<string>();
        foreach (var (key, value) in EnvironmentServices(environment))
        {
            var name = ((YamlScalarNode)key).Value!;
            if (!baseServices.Contains(services[name], StringComparer.Ordinal))
            {
                added.Add(services[name]);
                continue;
            }

            var (resets, calls) = importer.Override(name, Nodes.Mapping(value, $"service {name}"));
            changes.Append("\n                .MapService(").Append(services[name]).Append(", service => ")
                .Append(resets.Count == 0 ? "service" : $"(service with {{ {string.Join(", ", resets)} }})");
            foreach (var line in calls)
            {
                changes.Append("\n                    ").Append(line);
            }

            changes.Append(')');
        }

        if (added.Count > 0)
        {
            changes.Append("\n                .WithServices(").Append(string.Join(", ", added)).Append(')');
        }

        return $"new StackEnvironment({CSharpCode.Literal(environment.Name)}, stack => stack{changes})";
    }

    /// <summary>
    /// Services in file order, except that each comes after the services it names (depends_on,
    /// network_mode, pid, ipc: service:NAME), as C# locals must be declared before they are used.
    /// A cycle keeps file order; validation reports it (STK0206).
    /// </summary>
    private static List<KeyValuePair<YamlNode, YamlNode>> InDependencyOrder(YamlMappingNode services)
    {
        var byName = services.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => e, StringComparer.Ordinal);
        var ordered = new List<KeyValuePair<YamlNode, YamlNode>>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        void Visit(string name)
        {
            if (state.ContainsKey(name) || !byName.TryGetValue(name, out var entry))
            {
                return;
            }

            state[name] = false;
            foreach (var target in Targets(entry.Value))
            {
                Visit(target);
            }

            state[name] = true;
            ordered.Add(entry);
        }

        foreach (var name in byName.Keys)
        {
            Visit(name);
        }

        return ordered;
    }

    private static IEnumerable<string> Targets(YamlNode service)
    {
        if (service is not YamlMappingNode mapping)
        {
            yield break;
        }

        foreach (var (key, value) in mapping.Children)
        {
            switch ((key as YamlScalarNode)?.Value)
            {
                case "depends_on" when value is YamlSequenceNode list:
                    foreach (var item in list.Children.OfType<YamlScalarNode>())
                    {
                        yield return item.Value!;
                    }

                    break;
                case "depends_on" when value is YamlMappingNode map:
                    foreach (var item in map.Children.Keys.OfType<YamlScalarNode>())
                    {
                        yield return item.Value!;
                    }

                    break;
                case "network_mode" or "pid" or "ipc" when value is YamlScalarNode { Value: { } mode } && mode.StartsWith("service:", StringComparison.Ordinal):
                    yield return mode["service:".Length..];
                    break;
            }
        }
    }

    /// <summary>Each top-level network or volume: its name, how the code names it, and the C# that makes it.</summary>
    private static List<Declared> Declare(
        YamlMappingNode root, string section, string type, Dictionary<string, string> origin, CSharpCode code, Action<string, Action> guard)
    {
        var declared = new List<Declared>();
        if (!root.Children.TryGetValue(new YamlScalarNode(section), out var node))
        {
            return declared;
        }

        foreach (var (key, value) in Nodes.Mapping(node, section).Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            var identifier = type == "Network" ? code.Naming.Network(name) : code.Naming.Volume(name);
            guard(origin[$"{section}/{name}"], () =>
            {
                var chain = new StringBuilder($"new {type}({CSharpCode.Literal(name)})");
                if (value is YamlMappingNode settings)
                {
                    foreach (var (settingKey, setting) in settings.Children)
                    {
                        chain.Append(Setting(type, Nodes.Scalar(settingKey, "a setting"), setting, settingKey, code));
                    }
                }

                declared.Add(new Declared(name, identifier, [chain.ToString()]));
            });
        }

        return declared;
    }

    private static string Ipam(YamlMappingNode ipam, CSharpCode code)
    {
        var settings = new List<string>();
        foreach (var (keyNode, value) in ipam.Children)
        {
            switch (Nodes.Scalar(keyNode, "an ipam key"))
            {
                case "driver":
                    settings.Add($"Driver = {CSharpCode.Literal(Nodes.Scalar(value, "driver"))}");
                    break;
                case "config":
                    var pools = ((value as YamlSequenceNode) ?? throw new ImportRefusal(value.Start, "ipam config must be a list.")).Children.Select(pool =>
                    {
                        var entries = Nodes.Mapping(pool, "an ipam pool").Children.ToDictionary(e => Nodes.Scalar(e.Key, "a pool key"), e => e.Value, StringComparer.Ordinal);
                        var init = new List<string>();
                        foreach (var (key, node) in entries.Where(e => e.Key != "subnet"))
                        {
                            init.Add(key switch
                            {
                                "ip_range" => $"IpRange = {CSharpCode.Range(Nodes.Scalar(node, key), node.Start)}",
                                "gateway" => $"Gateway = {CSharpCode.Address(Nodes.Scalar(node, key), node.Start)}",
                                "aux_addresses" => $"AuxAddresses = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [{string.Join(", ", Nodes.Pairs(node, key).Select(p => $"KeyValuePair.Create({CSharpCode.Literal(p.Key)}, {CSharpCode.Address(p.Value ?? string.Empty, p.At)})"))}])",
                                _ => throw new ImportRefusal(node.Start, $"the ipam pool key '{key}' is not translated by the importer yet."),
                            });
                        }

                        var subnet = entries.TryGetValue("subnet", out var s) ? Nodes.Scalar(s, "subnet") : throw new ImportRefusal(pool.Start, "an ipam pool without a subnet is not translated by the importer yet.");
                        return $"new IpamPool({CSharpCode.Range(subnet, s.Start)}){(init.Count > 0 ? " { " + string.Join(", ", init) + " }" : string.Empty)}";
                    });
                    settings.Add($"Pools = [{string.Join(", ", pools)}]");
                    break;
                case "options":
                    settings.Add($"Options = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [{string.Join(", ", Nodes.Pairs(value, "options").Select(p => $"KeyValuePair.Create({CSharpCode.Literal(p.Key)}, (ComposeString){code.ComposeText(p.Value ?? string.Empty)})"))}])");
                    break;
                case var other:
                    throw new ImportRefusal(keyNode.Start, $"the ipam key '{other}' is not translated by the importer yet.");
            }
        }

        return $".WithIpam(new NetworkIpam {{ {string.Join(", ", settings)} }})";
    }

    private static string Setting(string type, string key, YamlNode value, YamlNode keyNode, CSharpCode code) => key switch
    {
        "external" when Nodes.Bool(value, key) => ".AsExternal()",
        "external" => string.Empty,
        "internal" when type == "Network" && Nodes.Bool(value, key) => ".AsInternal()",
        "attachable" when type == "Network" && Nodes.Bool(value, key) => ".AsAttachable()",
        "internal" or "attachable" when type == "Network" => string.Empty,
        "enable_ipv6" when type == "Network" => $".WithIpv6({(Nodes.Bool(value, key) ? "true" : "false")})",
        "ipam" when type == "Network" => Ipam(Nodes.Mapping(value, key), code),
        "name" => $".WithRealName({code.ComposeText(Nodes.Scalar(value, key))})",
        "driver" => $".WithDriver({CSharpCode.Literal(Nodes.Scalar(value, key))})",
        "driver_opts" => string.Concat(Nodes.Pairs(value, key).Select(p => $".WithDriverOption({CSharpCode.Literal(p.Key)}, {code.ComposeText(p.Value ?? string.Empty)})")),
        "labels" => string.Concat(Nodes.Pairs(value, key).Select(p => $".WithLabel({CSharpCode.Literal(p.Key)}, {code.ComposeText(p.Value ?? string.Empty)})")),
        _ when key.StartsWith("x-", StringComparison.Ordinal) => $".WithField({CSharpCode.Literal(key)}, {YamlValueCode.Of(value, code)})",
        _ => throw new ImportRefusal(keyNode.Start, $"the {type.ToLowerInvariant()} setting '{key}' is not translated by the importer yet."),
    };
}
