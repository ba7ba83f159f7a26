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
    /// <param name="carriedRisks">When given, receives each risk of the original the code accepts with the import's reason (STK0108).</param>
    public static (string? Code, IReadOnlyList<ImportError> Errors) Import(
        IReadOnlyList<(string File, string Yaml)> files, string packageVersion, string fallbackName, string fileName = "stack.cs", List<string>? carriedRisks = null)
    {
        var (translated, errors) = Translate(files, ImportLayout.SingleFile, fallbackName);
        var (imported, problems) = translated is null ? (null, errors) : CarryRisks(translated, files[0].File);
        carriedRisks?.AddRange(imported?.CarriedRisks ?? []);
        return imported is null ? (null, problems) : (SingleFileWriter.Write(imported, packageVersion, fileName), []);
    }

    /// <summary>The same import as a project: its files by path relative to the project's folder, or the errors.</summary>
    public static (IReadOnlyDictionary<string, string>? Files, IReadOnlyList<ImportError> Errors) ImportProject(
        IReadOnlyList<(string File, string Yaml)> files, string packageVersion, string fallbackName, List<string>? carriedRisks = null)
    {
        var (translated, errors) = Translate(files, ImportLayout.Project, fallbackName);
        var (imported, problems) = translated is null ? (null, errors) : CarryRisks(translated, files[0].File);
        carriedRisks?.AddRange(imported?.CarriedRisks ?? []);
        return imported is null ? (null, problems) : (ProjectWriter.Write(imported, packageVersion), []);
    }

    /// <summary>
    /// The stack the import judged, with the acceptances it wrote: what <see cref="RiskProbe"/> runs
    /// on the code the writers write. Tests hold it equal to what the written C#, compiled, builds.
    /// </summary>
    internal static Stack.Dsl.Compose.ComposeStack? Judged(IReadOnlyList<(string File, string Yaml)> files, string fallbackName, ImportLayout layout)
    {
        var (translated, _) = Translate(files, layout, fallbackName);
        return translated is not null && CarryRisks(translated, files[0].File).Code is { } imported ? RiskProbe.Model(imported) : null;
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

                if (stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode including && including.Children.ContainsKey(new YamlScalarNode("include")))
                {
                    // Each included file is read as Compose reads it (its paths from its own folder), beside this one's services.
                    roots.AddRange(Included(file, including, errors));
                    if (!including.Children.ContainsKey(new YamlScalarNode("services")))
                    {
                        continue;
                    }
                }

                if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping || !mapping.Children.ContainsKey(new YamlScalarNode("services")))
                {
                    var at = stream.Documents.Count > 0 ? stream.Documents[0].RootNode.Start : Mark.Empty;
                    errors.Add(new ImportError(file, at, "this is not a compose file: a compose file is one YAML mapping with a services: key."));
                    continue;
                }

                ServiceExtension.Expand(file, mapping, ReadRoot);
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

        var stackName = root.Children.TryGetValue(new YamlScalarNode("name"), out var nameNode) && nameNode is YamlScalarNode { Value: { } n } ? n : Naming.ComposeProjectName(fallbackName);
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

        DeclareNamedDefault(networks, allServices, code);

        // A Swarm stack file's Traefik labels (deploy.labels, @swarm) are typed as a compose file's are.
        var swarm = SwarmDeployLabels.Move(allServices);
        naming.OnSwarm = swarm;
        if (swarm)
        {
            SwarmDeployLabels.KeepSwarmRestart(allServices);
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

        var environmentCode = new List<EnvironmentCode>();
        foreach (var environment in environments)
        {
            Guard(environment.File, () => environmentCode.Add(Environment(environment, root, services, baseServices, importer)));
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
                Targets = swarm ? "DeployTarget.Swarm" : null,
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
}
