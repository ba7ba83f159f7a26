using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>What reading Traefik's static config gave: the proxy (or why not), and the mount Stack now writes.</summary>
/// <param name="Proxy">The typed proxy; null when the file stays a mounted file.</param>
/// <param name="Mount">The service and target of the file's bind mount, which the generated config replaces; null when it stays.</param>
/// <param name="Todo">A TODO for the service when the file stays: which service, and the line.</param>
internal sealed record StaticImport(ImportedProxy? Proxy, (string Service, string Target)? Mount, (string Service, string Text)? Todo);

/// <summary>
/// Finds the service that bind-mounts a Traefik static config given with <c>-f</c>, and reads the
/// file into a <c>TraefikProxy</c> for the stack; when the file says what Stack does not type,
/// the service keeps mounting it, under a TODO that says why.
/// </summary>
internal static class TraefikStatic
{
    public static StaticImport? Import(
        IReadOnlyList<(string File, YamlMappingNode Root)> configs, YamlMappingNode services, Dictionary<string, string> origin, YamlMappingNode root,
        string project, IReadOnlyList<Declared> networks, IReadOnlyDictionary<string, string> serviceIdentifiers, CSharpCode code, List<ImportError> errors)
    {
        if (configs.Count == 0)
        {
            return null;
        }

        if (configs.Count > 1)
        {
            errors.Add(new ImportError(configs[1].File, configs[1].Root.Start, "a second Traefik static config: Traefik reads one."));
            return null;
        }

        var (file, config) = configs[0];
        var mounts = services.Children
            .SelectMany(e => Binds(Nodes.Scalar(e.Key, "a service"), e.Value, origin))
            .Where(m => string.Equals(m.HostPath, Path.GetFullPath(file), StringComparison.Ordinal))
            .ToList();
        if (mounts.Count != 1)
        {
            errors.Add(new ImportError(file, config.Start, mounts.Count == 0
                ? "this Traefik static config is mounted by no service: Stack needs to know which service is Traefik."
                : $"this Traefik static config is mounted by {mounts.Count} mounts ({string.Join(", ", mounts.Select(m => m.Service))}); Traefik reads one."));
            return null;
        }

        var (service, target, _) = mounts[0];
        try
        {
            var proxy = StaticConfigImporter.Translate(config, serviceIdentifiers[service], target, NetworksByRealName(root, project, networks), code);
            return new StaticImport(proxy, (service, target), null);
        }
        catch (NotTyped why)
        {
            return new StaticImport(null, null, (service, CSharpCode.Comment($"TODO(import): {Path.GetFileName(file)} stays a file this service mounts, not a typed TraefikProxy: {why.Message}.")));
        }
    }

    /// <summary>Where a mount puts its source in the container.</summary>
    public static string? MountTarget(YamlNode mount) => mount switch
    {
        YamlScalarNode { Value: { } text } when ComposeReferences.Split(text, ':') is { Length: >= 2 } parts => parts[1],
        YamlMappingNode longSyntax => longSyntax.Children.TryGetValue(new YamlScalarNode("target"), out var t) && t is YamlScalarNode { Value: { } target } ? target : null,
        _ => null,
    };

    /// <summary>Each bind mount of a service with its host path made absolute against its compose file's folder.</summary>
    private static IEnumerable<(string Service, string Target, string HostPath)> Binds(string service, YamlNode definition, Dictionary<string, string> origin)
    {
        if (definition is not YamlMappingNode settings || !settings.Children.TryGetValue(new YamlScalarNode("volumes"), out var volumes) || volumes is not YamlSequenceNode list)
        {
            yield break;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(origin.GetValueOrDefault($"services/{service}", "."))) ?? ".";
        foreach (var mount in list.Children)
        {
            var source = mount switch
            {
                YamlScalarNode { Value: { } text } when ComposeReferences.Split(text, ':') is { Length: >= 2 } parts => parts[0],
                YamlMappingNode longSyntax when longSyntax.Children.TryGetValue(new YamlScalarNode("source"), out var s) && s is YamlScalarNode { Value: { } path } => path,
                _ => null,
            };
            if (source is not null && MountTarget(mount) is { } target && (source.StartsWith('.') || source.StartsWith('/')))
            {
                yield return (service, target, Path.GetFullPath(Path.Combine(folder, source)));
            }
        }
    }

    /// <summary>Each declared network by the name Docker gives it: its name: when set, its own when external, else PROJECT_NAME.</summary>
    private static Dictionary<string, string> NetworksByRealName(YamlMappingNode root, string project, IReadOnlyList<Declared> networks)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        var section = root.Children.TryGetValue(new YamlScalarNode("networks"), out var n) ? n as YamlMappingNode : null;
        foreach (var network in networks)
        {
            var settings = section?.Children.TryGetValue(new YamlScalarNode(network.Name), out var s) == true ? s as YamlMappingNode : null;
            var realName = settings?.Children.TryGetValue(new YamlScalarNode("name"), out var nameNode) == true && nameNode is YamlScalarNode { Value: { } explicitName }
                ? explicitName
                : settings?.Children.TryGetValue(new YamlScalarNode("external"), out var external) == true && external is YamlScalarNode { Value: "true" }
                    ? network.Name
                    : $"{project}_{network.Name}";
            byName[realName] = network.Identifier;
        }

        return byName;
    }
}
