using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>Override files as environments: which files are, and each one's differences as a <c>StackEnvironment</c>.</summary>
internal static partial class ComposeImporter
{
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

    private static IEnumerable<string> ServiceNames(YamlMappingNode root) =>
        root.Children.TryGetValue(new YamlScalarNode("services"), out var services) && services is YamlMappingNode mapping
            ? mapping.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!)
            : [];

    /// <summary>An override file's name: dc.ENV.yml or docker-compose.ENV.yml, ENV a valid environment name.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<prefix>dc|docker-compose)\.(?<name>[a-z0-9][a-z0-9_-]*)\.ya?ml\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex EnvironmentFile();

    /// <summary>An override file, applied over the base as one environment.</summary>
    private sealed record ImportedEnvironment(string Name, string File, YamlMappingNode Root);

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> EnvironmentServices(ImportedEnvironment environment) =>
        environment.Root.Children.TryGetValue(new YamlScalarNode("services"), out var services) ? Nodes.Mapping(services, "services").Children : [];

    /// <summary>
    /// An override file as a <c>StackEnvironment</c> holding exactly its differences: each base
    /// service it changes through <c>MapService</c>, each service it adds through <c>WithServices</c>.
    /// Networks and volumes it declares must be the base's.
    /// </summary>
    private static EnvironmentCode Environment(ImportedEnvironment environment, YamlMappingNode root, Dictionary<string, string> services, List<string> baseServices, ServiceImporter importer)
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

        var mapped = new List<MappedService>();
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
            mapped.Add(new MappedService(name, services[name], resets, calls));
        }

        return new EnvironmentCode(environment.Name, mapped, added);
    }
}
