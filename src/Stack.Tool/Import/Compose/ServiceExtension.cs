using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>
/// <c>extends: {file: common.yml, service: base}</c> expanded as Compose does: the base service
/// (its own paths read from its file's folder) with the service's keys merged over it, so the
/// stack holds every setting typed and checked instead of naming a file generated/ does not have.
/// </summary>
internal static class ServiceExtension
{
    private const int MaxDepth = 16;

    /// <summary>Mappings merged key by key (a list of KEY=VALUE is read as one), the service's value winning.</summary>
    private static readonly HashSet<string> MergedMappings = new(StringComparer.Ordinal) { "environment", "labels", "sysctls", "annotations" };

    /// <summary>Lists whose items are added to the base's, each once.</summary>
    private static readonly HashSet<string> UnitedLists = new(StringComparer.Ordinal)
    {
        "ports", "expose", "external_links", "dns", "dns_search", "dns_opt", "env_file", "tmpfs", "cap_add", "cap_drop", "security_opt",
        "group_add", "extra_hosts", "device_cgroup_rules", "secrets", "configs",
    };

    /// <summary>Lists whose items replace the base's item for the same container path.</summary>
    private static readonly HashSet<string> ListsByTarget = new(StringComparer.Ordinal) { "volumes", "devices" };

    /// <summary>Expands, in place, every service of <paramref name="root"/> (read from <paramref name="file"/>) that extends a service of another file.</summary>
    public static void Expand(string file, YamlMappingNode root, Func<string, YamlMappingNode> read)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("services"), out var services) || services is not YamlMappingNode serviceMap)
        {
            return;
        }

        foreach (var (name, service) in serviceMap.Children.ToList())
        {
            if (service is YamlMappingNode mapping && FileOf(mapping) is not null)
            {
                serviceMap.Children[name] = Expanded(file, mapping, read, 0);
            }
        }
    }

    private static YamlScalarNode? FileOf(YamlMappingNode service) =>
        service.Children.TryGetValue(new YamlScalarNode("extends"), out var extends) && extends is YamlMappingNode map
        && map.Children.TryGetValue(new YamlScalarNode("file"), out var file) ? file as YamlScalarNode ?? throw new ImportRefusal(file.Start, "extends.file must be a path.") : null;

    /// <summary>The service with the base it extends (in <paramref name="file"/>'s folder, or in <paramref name="file"/> itself) merged under it.</summary>
    private static YamlMappingNode Expanded(string file, YamlMappingNode service, Func<string, YamlMappingNode> read, int depth)
    {
        var extends = (YamlMappingNode)service.Children[new YamlScalarNode("extends")];
        var at = extends.Start;
        if (depth > MaxDepth)
        {
            throw new ImportRefusal(at, $"extends goes more than {MaxDepth} services deep (a cycle?); compose refuses a cycle.");
        }

        var baseName = extends.Children.TryGetValue(new YamlScalarNode("service"), out var named) ? Nodes.Scalar(named, "extends.service") : throw new ImportRefusal(at, "extends needs a service: the name of the service to extend.");
        var baseFile = FileOf(service) is { Value: { } relative } ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, relative) : file;
        if (!File.Exists(baseFile))
        {
            throw new ImportRefusal(FileOf(service)!.Start, $"extends names the file {FileOf(service)!.Value}, which does not exist beside {Path.GetFileName(file)}; import from the folder compose reads it from.");
        }

        var baseRoot = read(baseFile);
        var baseServices = baseRoot.Children.TryGetValue(new YamlScalarNode("services"), out var found) && found is YamlMappingNode map ? map : new YamlMappingNode();
        if (!baseServices.Children.TryGetValue(new YamlScalarNode(baseName), out var baseNode) || baseNode is not YamlMappingNode baseService)
        {
            throw new ImportRefusal(named!.Start, $"extends names the service '{baseName}', which {Path.GetFileName(baseFile)} does not define.");
        }

        // A base that extends another (in its own file, or a third) is expanded first, from its own folder.
        if (baseService.Children.TryGetValue(new YamlScalarNode("extends"), out var further) && further is YamlMappingNode furtherMap)
        {
            if (!furtherMap.Children.ContainsKey(new YamlScalarNode("file")))
            {
                furtherMap.Children[new YamlScalarNode("file")] = new YamlScalarNode(Path.GetFileName(baseFile));
            }

            baseService = Expanded(baseFile, baseService, read, depth + 1);
        }

        foreach (var forbidden in new[] { "links", "volumes_from", "depends_on" })
        {
            if (baseService.Children.ContainsKey(new YamlScalarNode(forbidden)))
            {
                throw new ImportRefusal(named!.Start, $"the service '{baseName}' that '{baseName}' is extended from has {forbidden}, which compose refuses in an extended service; move {forbidden} to the extending service.");
            }
        }

        RelativePaths.RebaseService(baseService, RelativePaths.FolderOf(baseFile, file));
        var merged = new YamlMappingNode(baseService.Children.Where(e => !IsKey(e.Key, "extends")));
        foreach (var (key, value) in service.Children.Where(e => !IsKey(e.Key, "extends")))
        {
            var name = Nodes.Scalar(key, "a service key");
            merged.Children[key] = merged.Children.TryGetValue(key, out var under) ? Merge(name, under, value) : value;
        }

        return merged;
    }

    /// <summary>One key's base value and the service's, merged as compose merges them.</summary>
    private static YamlNode Merge(string key, YamlNode under, YamlNode over)
    {
        if (MergedMappings.Contains(key))
        {
            var result = new YamlMappingNode();
            foreach (var (k, v) in Entries(under, key).Concat(Entries(over, key)))
            {
                result.Children[new YamlScalarNode(k)] = v;
            }

            return result;
        }

        if (UnitedLists.Contains(key) && under is YamlSequenceNode or YamlScalarNode && over is YamlSequenceNode or YamlScalarNode)
        {
            var items = Items(under).Concat(Items(over)).DistinctBy(Text).ToList();
            return new YamlSequenceNode(items);
        }

        if (ListsByTarget.Contains(key) && under is YamlSequenceNode baseList && over is YamlSequenceNode overList)
        {
            var targets = overList.Children.Select(Target).ToHashSet(StringComparer.Ordinal);
            return new YamlSequenceNode(baseList.Children.Where(i => !targets.Contains(Target(i))).Concat(overList.Children));
        }

        if (key is not ("command" or "entrypoint") && under is YamlMappingNode baseMap && over is YamlMappingNode overMap)
        {
            var result = new YamlMappingNode(baseMap.Children);
            foreach (var (k, v) in overMap.Children)
            {
                result.Children[k] = result.Children.TryGetValue(k, out var inner) && inner is YamlMappingNode && v is YamlMappingNode ? Merge(Nodes.Scalar(k, key), inner, v) : v;
            }

            return result;
        }

        return over;
    }

    /// <summary>A mapping's entries as written (a plain 022 stays the number compose reads), or a KEY=VALUE list's as text.</summary>
    private static IEnumerable<(string Key, YamlNode Value)> Entries(YamlNode node, string what) => node is YamlMappingNode map
        ? map.Children.Select(e => (Nodes.Scalar(e.Key, what), e.Value))
        : Nodes.Pairs(node, what).Select(p => (p.Key, (YamlNode)(p.Value is null ? new YamlScalarNode(null) : new YamlScalarNode(p.Value) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted })));

    private static IEnumerable<YamlNode> Items(YamlNode node) => node is YamlSequenceNode list ? list.Children : [node];

    /// <summary>A volume's or device's container path: the short syntax's second field, or the long syntax's target.</summary>
    private static string Target(YamlNode item) => item switch
    {
        YamlScalarNode { Value: { } text } => ComposeReferences.Split(text, ':') is { Length: >= 2 } parts ? parts[1] : text,
        YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("target"), out var target) && target is YamlScalarNode { Value: { } path } => path,
        _ => Text(item),
    };

    private static string Text(YamlNode node) => node is YamlScalarNode { Value: var v } ? "s:" + v : node.ToString();

    private static bool IsKey(YamlNode key, string name) => key is YamlScalarNode { Value: { } k } && k == name;
}
