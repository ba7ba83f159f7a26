using YamlDotNet.RepresentationModel;

namespace Stack.Testing;

/// <summary>
/// Which static config Traefik v3 would load in a compose service, decided as Traefik decides,
/// written from its source apart from the generator's own code: cmd/traefik/traefik.go runs the
/// loaders file, flags, environment, and paerser's cli/commands.go stops at the first that loads;
/// pkg/cli/loader_file.go tries the --configFile path, then /etc/traefik/traefik,
/// $XDG_CONFIG_HOME/traefik, $HOME/.config/traefik, ./traefik with .toml, .yaml, .yml (paerser
/// cli/file_finder.go: the first that exists), and decodes it by its extension (file/file_node.go);
/// loader_flag.go loads when there is any argument; loader_env.go when a TRAEFIK_ variable is set.
/// The official image's entrypoint runs <c>traefik "$@"</c> when the first argument is a flag or
/// the word traefik. The container's HOME is /root, XDG_CONFIG_HOME is unset, the working dir /.
/// </summary>
internal static class TraefikLoader
{
    private static readonly string[] BasePaths = ["/etc/traefik/traefik", "/root/.config/traefik", "/traefik"];
    private static readonly string[] Extensions = ["toml", "yaml", "yml"];

    /// <summary>What Traefik would do.</summary>
    /// <param name="Source">file, flags, environment or defaults.</param>
    /// <param name="FilePath">The file it reads, in the container.</param>
    /// <param name="HostFile">The output file mounted there (its name), when it is one.</param>
    /// <param name="Ignored">Flags and TRAEFIK_ variables that the chosen source makes Traefik ignore.</param>
    /// <param name="Readable">Whether the file's extension is one Traefik decodes YAML for.</param>
    public sealed record Outcome(string Source, string? FilePath, string? HostFile, IReadOnlyList<string> Ignored, bool Readable);

    /// <summary>Decides for a service (a compose mapping whose bind sources are relative to the output folder).</summary>
    /// <param name="service">The service's mapping in the compose file.</param>
    /// <param name="outputFiles">The output folder's files by name.</param>
    public static Outcome Load(YamlMappingNode service, IReadOnlyDictionary<string, string> outputFiles)
    {
        var args = Arguments(service);

        var flags = Flags(args);
        var variables = Environment(service).Where(v => v.StartsWith("TRAEFIK_", StringComparison.Ordinal)).ToList();
        var mounts = Mounts(service);
        var candidates = new List<string>();
        if (flags.TryGetValue("configfile", out var configFile) && configFile.Trim().Length > 0)
        {
            candidates.Add(configFile);
        }

        candidates.AddRange(BasePaths.SelectMany(b => Extensions.Select(e => $"{b}.{e}")));
        foreach (var candidate in candidates)
        {
            if (Exists(candidate, mounts, outputFiles, out var hostFile))
            {
                var readable = candidate.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || candidate.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
                return new Outcome("file", candidate, hostFile, [.. flags.Keys.Where(k => k != "configfile").Select(k => "--" + k), .. variables], readable);
            }
        }

        return args.Count > 0 ? new Outcome("flags", null, null, variables, false)
            : variables.Count > 0 ? new Outcome("environment", null, null, [], false)
            : new Outcome("defaults", null, null, [], false);
    }

    /// <summary>
    /// Why Traefik in <paramref name="service"/> would not run on <paramref name="staticFile"/>
    /// (an output file) as written: another source, an ignored flag or variable, an undecodable
    /// extension, or ACME storage that no writable named volume or bind mount holds. Empty: it would.
    /// </summary>
    public static List<string> Problems(YamlMappingNode service, IReadOnlyDictionary<string, string> outputFiles, string staticFile)
    {
        var problems = new List<string>();
        var outcome = Load(service, outputFiles);
        if (outcome.Source != "file" || outcome.HostFile != staticFile)
        {
            problems.Add($"Traefik reads {outcome.Source} {outcome.FilePath} ({outcome.HostFile}), not {staticFile}");
            return problems;
        }

        if (!outcome.Readable)
        {
            problems.Add($"{outcome.FilePath} is not decoded as YAML");
        }

        problems.AddRange(outcome.Ignored.Select(i => $"ignored: {i}"));
        if (ConfigFile(service) is { } named && named != outcome.FilePath)
        {
            // Not mounted, so read here as missing; the image could hold it, and then Traefik reads that.
            problems.Add($"--configFile names {named}, which Traefik reads instead if the image has it");
        }

        var config = new YamlStream();
        config.Load(new StringReader(outputFiles[staticFile]));
        var root = (YamlMappingNode)config.Documents[0].RootNode;
        if (root.Children.TryGetValue(new YamlScalarNode("certificatesResolvers"), out var resolvers))
        {
            foreach (var (name, resolver) in ((YamlMappingNode)resolvers).Children)
            {
                var acme = (YamlMappingNode)((YamlMappingNode)resolver).Children[new YamlScalarNode("acme")];
                var storage = ((YamlScalarNode)acme.Children[new YamlScalarNode("storage")]).Value!;
                var holder = MountHolding(service, storage);
                if (holder is not { Source: { } source, ReadOnly: false } || source == "<anonymous>")
                {
                    problems.Add($"resolver {name}: storage {storage} is on {holder?.Target ?? "the container's own file system"} ({holder?.Source ?? "tmpfs"}{(holder?.ReadOnly == true ? ", read-only" : string.Empty)})");
                }
            }
        }

        return problems;
    }

    /// <summary>The path --configFile names, if the command passes it (the last one, as paerser keeps).</summary>
    public static string? ConfigFile(YamlMappingNode service) =>
        Flags(Arguments(service)).TryGetValue("configfile", out var named) ? named : null;

    /// <summary>The mount holding <paramref name="path"/> (the deepest), as (target, source, read-only); source is null for a tmpfs.</summary>
    public static (string Target, string? Source, bool ReadOnly)? MountHolding(YamlMappingNode service, string path) =>
        Mounts(service).Where(m => path == m.Target || path.StartsWith(m.Target.TrimEnd('/') + "/", StringComparison.Ordinal))
            .OrderByDescending(m => m.Target.Length).Cast<(string, string?, bool)?>().FirstOrDefault();

    private static bool Exists(string path, List<(string Target, string? Source, bool ReadOnly)> mounts, IReadOnlyDictionary<string, string> outputFiles, out string? hostFile)
    {
        hostFile = null;
        foreach (var (target, source, _) in mounts.OrderByDescending(m => m.Target.Length))
        {
            if (source is null || !source.StartsWith("./", StringComparison.Ordinal))
            {
                if (target == path)
                {
                    return true; // a volume or a host path: something is there
                }

                continue;
            }

            var name = source[2..];
            if (target == path)
            {
                hostFile = name;
                return outputFiles.ContainsKey(name);
            }

            if (path.StartsWith(target.TrimEnd('/') + "/", StringComparison.Ordinal))
            {
                var inside = name.TrimEnd('/') + "/" + path[(target.TrimEnd('/').Length + 1)..];
                if (outputFiles.ContainsKey(inside))
                {
                    hostFile = inside;
                    return true;
                }

                return false;
            }
        }

        return false;
    }

    /// <summary>Traefik's arguments: the command, without the word traefik the entrypoint would run it with.</summary>
    private static List<string> Arguments(YamlMappingNode service)
    {
        var args = Command(service);
        if (args.Count > 0 && args[0] == "traefik")
        {
            args.RemoveAt(0);
        }

        return args;
    }

    private static List<string> Command(YamlMappingNode service) =>
        service.Children.TryGetValue(new YamlScalarNode("command"), out var command)
            ? command switch
            {
                YamlSequenceNode list => [.. list.Children.Cast<YamlScalarNode>().Select(s => s.Value!)],
                YamlScalarNode text => [.. text.Value!.Split(' ', StringSplitOptions.RemoveEmptyEntries)],
                _ => [],
            }
            : [];

    /// <summary>paerser flag/flagparser.go: one or two dashes, the value after '=' or in the next argument; names without case.</summary>
    private static Dictionary<string, string> Flags(List<string> args)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.Length < 2 || arg[0] != '-')
            {
                break; // the first non-flag ends the flags
            }

            var name = arg.TrimStart('-');
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            string value;
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else
            {
                value = i + 1 < args.Count && !args[i + 1].StartsWith('-') ? args[++i] : "true";
            }

            flags[name.ToLowerInvariant()] = value;
        }

        return flags;
    }

    private static IEnumerable<string> Environment(YamlMappingNode service) =>
        service.Children.TryGetValue(new YamlScalarNode("environment"), out var environment)
            ? environment switch
            {
                YamlMappingNode map => map.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!),
                YamlSequenceNode list => list.Children.Cast<YamlScalarNode>().Select(s => s.Value!.Split('=')[0]),
                _ => [],
            }
            : [];

    private static List<(string Target, string? Source, bool ReadOnly)> Mounts(YamlMappingNode service)
    {
        var mounts = new List<(string Target, string? Source, bool ReadOnly)>();
        if (service.Children.TryGetValue(new YamlScalarNode("volumes"), out var volumes) && volumes is YamlSequenceNode list)
        {
            foreach (var item in list.Children)
            {
                if (item is YamlScalarNode { Value: { } shortForm })
                {
                    var parts = shortForm.Split(':');
                    mounts.Add(parts.Length == 1 ? (parts[0], "<anonymous>", false) : (parts[1], parts[0], parts.Length > 2 && parts[2].Split(',').Contains("ro")));
                }
                else if (item is YamlMappingNode longForm)
                {
                    string? Field(string key) => longForm.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;
                    mounts.Add((Field("target")!, Field("type") == "tmpfs" ? null : Field("source") ?? "<anonymous>", Field("read_only") == "true"));
                }
            }
        }

        if (service.Children.TryGetValue(new YamlScalarNode("tmpfs"), out var tmpfs))
        {
            foreach (var item in tmpfs is YamlSequenceNode t ? t.Children.Cast<YamlScalarNode>() : [(YamlScalarNode)tmpfs])
            {
                mounts.Add((item.Value!.Split(':')[0], null, false));
            }
        }

        return mounts;
    }
}
