using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>
/// The relative paths of a compose file read from another folder (an <c>include:</c>d file, a
/// service another file <c>extends</c>), rebased onto the importing file's folder: Compose reads
/// each relative path from the folder of the file that holds it.
/// </summary>
internal static class RelativePaths
{
    /// <summary>Rebases every relative path of <paramref name="root"/>'s services, secrets and configs by <paramref name="folder"/> ("apps/a"), in place.</summary>
    public static void Rebase(YamlMappingNode root, string folder)
    {
        if (folder.Length == 0)
        {
            return;
        }

        if (root.Children.TryGetValue(new YamlScalarNode("services"), out var services) && services is YamlMappingNode serviceMap)
        {
            foreach (var service in serviceMap.Children.Values.OfType<YamlMappingNode>())
            {
                RebaseService(service, folder);
            }
        }

        foreach (var section in new[] { "secrets", "configs" })
        {
            if (root.Children.TryGetValue(new YamlScalarNode(section), out var entries) && entries is YamlMappingNode map)
            {
                foreach (var entry in map.Children.Values.OfType<YamlMappingNode>())
                {
                    Replace(entry, "file", path => IsLocal(path) ? Join(folder, path) : path);
                }
            }
        }
    }

    /// <summary>Rebases one service's paths: bind sources, the build context, env_file, and an extends file.</summary>
    public static void RebaseService(YamlMappingNode service, string folder)
    {
        if (folder.Length == 0)
        {
            return;
        }

        if (service.Children.TryGetValue(new YamlScalarNode("volumes"), out var volumes) && volumes is YamlSequenceNode list)
        {
            for (var i = 0; i < list.Children.Count; i++)
            {
                switch (list.Children[i])
                {
                    // Short syntax: a source is a path when it starts with '.' (else a volume name, or absolute).
                    case YamlScalarNode { Value: { } text } scalar when text.StartsWith('.'):
                        var parts = ComposeReferences.Split(text, ':');
                        list.Children[i] = Copy(scalar, string.Join(':', parts.Skip(1).Prepend(Join(folder, parts[0]))));
                        break;
                    case YamlMappingNode mount when mount.Children.TryGetValue(new YamlScalarNode("type"), out var type) && type is YamlScalarNode { Value: "bind" }:
                        Replace(mount, "source", path => IsLocal(path) ? Join(folder, path) : path);
                        break;
                }
            }
        }

        switch (service.Children.TryGetValue(new YamlScalarNode("build"), out var build) ? build : null)
        {
            case YamlScalarNode:
                Replace(service, "build", path => IsLocal(path) && !IsRemote(path) ? Join(folder, path) : path);
                break;
            case YamlMappingNode buildMap:
                Replace(buildMap, "context", path => IsLocal(path) && !IsRemote(path) ? Join(folder, path) : path);
                break;
        }

        switch (service.Children.TryGetValue(new YamlScalarNode("env_file"), out var envFile) ? envFile : null)
        {
            case YamlScalarNode:
                Replace(service, "env_file", path => IsLocal(path) ? Join(folder, path) : path);
                break;
            case YamlSequenceNode files:
                for (var i = 0; i < files.Children.Count; i++)
                {
                    if (files.Children[i] is YamlScalarNode { Value: { } path } scalar && IsLocal(path))
                    {
                        files.Children[i] = Copy(scalar, Join(folder, path));
                    }
                    else if (files.Children[i] is YamlMappingNode entry)
                    {
                        Replace(entry, "path", p => IsLocal(p) ? Join(folder, p) : p);
                    }
                }

                break;
        }

        if (service.Children.TryGetValue(new YamlScalarNode("extends"), out var extends) && extends is YamlMappingNode extendsMap)
        {
            Replace(extendsMap, "file", path => IsLocal(path) ? Join(folder, path) : path);
        }
    }

    /// <summary><paramref name="path"/> (relative to <paramref name="folder"/>) relative to the importing file's folder, as <c>./a/b</c> (or <c>../x</c> when it climbs out).</summary>
    public static string Join(string folder, string path)
    {
        var parts = new List<string>();
        foreach (var part in (folder + "/" + path).Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return parts.Count == 0 ? "." : parts[0] == ".." ? string.Join('/', parts) : "./" + string.Join('/', parts);
    }

    /// <summary>The folder of <paramref name="file"/> relative to <paramref name="from"/>'s folder, with '/' ("" when the same).</summary>
    public static string FolderOf(string file, string from)
    {
        var relative = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(from))!, Path.GetDirectoryName(Path.GetFullPath(file))!).Replace('\\', '/');
        return relative == "." ? string.Empty : relative;
    }

    private static bool IsLocal(string path) => path.Length > 0 && !path.StartsWith('/') && !path.StartsWith('~') && !path.StartsWith('$');

    private static bool IsRemote(string path) => path.Contains("://", StringComparison.Ordinal) || path.StartsWith("git@", StringComparison.Ordinal) || path.StartsWith("github.com/", StringComparison.Ordinal);

    private static void Replace(YamlMappingNode mapping, string key, Func<string, string> change)
    {
        if (mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } text } scalar)
        {
            Copy(scalar, change(text));
        }
    }

    /// <summary>The scalar with new text, changed in place so it keeps its line (for messages) and style.</summary>
    private static YamlScalarNode Copy(YamlScalarNode scalar, string text)
    {
        scalar.Value = text;
        return scalar;
    }
}
