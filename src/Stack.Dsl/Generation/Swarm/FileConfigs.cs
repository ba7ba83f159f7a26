using Stack.Dsl.Compose;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// Bind-mounted files Stack knows (the definition project's files, the files Stack writes) become
/// Swarm configs: a bind mount needs the file on whichever node runs the task, a config is carried
/// by the swarm to every node. A project folder becomes one config per file in it.
/// </summary>
internal static class FileConfigs
{
    /// <summary>The service without those bind mounts, and the configs that replace them.</summary>
    public static (Service Service, IReadOnlyList<FileConfig> Configs) Convert(Service service, string stackName, SwarmContext context)
    {
        var configs = new List<FileConfig>();
        var kept = new List<Mount>();
        foreach (var mount in service.Volumes)
        {
            if (mount is not BindMount { Source: ProjectHostPath or OutputHostPath } bind)
            {
                kept.Add(mount);
                continue;
            }

            if (!bind.ReadOnly)
            {
                context.Refuse(
                    service.At(bind.Location),
                    $"Service '{service.Name}' bind-mounts the project file '{Describe(bind.Source)}' at '{bind.Target}' writable. On Swarm it becomes a config, which is read-only, and a write would reach no file on the other nodes. Mount it read-only: .WithBind(..., \"{bind.Target}\", readOnly: true), or keep what the service writes in a volume.");
                continue;
            }

            var found = new List<FileConfig>();
            Files(service, bind, stackName, context, found);
            foreach (var config in found)
            {
                ObjectSize.Check(
                    $"The project file service '{service.Name}' sees at '{config.Target}' (a config on Swarm)",
                    config.Content.Length,
                    "Give it content or move it out of the mounted folder (an empty .gitkeep, say); a file of 500 KiB or more belongs in the image or a volume; or keep the stack on Compose: .WithTargets(DeployTarget.Compose).",
                    service.At(bind.Location),
                    context);
                configs.Add(config);
            }
        }

        return (service with { Volumes = [.. kept] }, Distinct(service, configs, stackName));
    }

    /// <summary>
    /// Files mounted at paths with the same file name (a folder's <c>a/default.conf</c> and
    /// <c>b/default.conf</c>) would share a key: those are keyed by their whole target path instead.
    /// </summary>
    private static List<FileConfig> Distinct(Service service, List<FileConfig> configs, string stackName)
    {
        // Loops, not GroupBy: LINQ over the writer's own records loads a dozen generic types on first use.
        var firstTarget = new Dictionary<string, string>(StringComparer.Ordinal);
        var shared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var config in configs)
        {
            if (!firstTarget.TryAdd(config.Key, config.Target) && firstTarget[config.Key] != config.Target)
            {
                shared.Add(config.Key);
            }
        }

        for (var i = 0; i < configs.Count && shared.Count > 0; i++)
        {
            if (shared.Contains(configs[i].Key))
            {
                var config = configs[i];
                configs[i] = Config(service, config.Target, config.File, config.Content, config.Executable, stackName, wholePath: true);
            }
        }

        return configs;
    }

    private static void Files(Service service, BindMount bind, string stackName, SwarmContext context, List<FileConfig> found)
    {
        switch (bind.Source)
        {
            case OutputHostPath output when context.SwarmFiles.TryGetValue(output.FileName, out var local):
                found.Add(Config(service, bind.Target, "./" + output.FileName, System.Text.Encoding.UTF8.GetBytes(local), executable: local.StartsWith("#!", StringComparison.Ordinal), stackName));
                break;
            case OutputHostPath output when context.OutputFiles.TryGetValue(output.FileName, out var written):
                found.Add(Config(service, bind.Target, "../" + output.FileName, System.Text.Encoding.UTF8.GetBytes(written), executable: written.StartsWith("#!", StringComparison.Ordinal), stackName));
                break;
            case OutputHostPath output:
                context.Refuse(service.At(bind.Location), $"Service '{service.Name}' bind-mounts '{output.FileName}' from the output folder, which Stack does not write, so the Swarm file cannot carry it as a config. Mount a file of the project instead: .WithBind(HostPath.InProject(\"...\"), \"{bind.Target}\", readOnly: true).");
                break;
            case ProjectHostPath project:
                ProjectFiles(service, bind, project, stackName, context, found);
                break;
        }
    }

    private static void ProjectFiles(Service service, BindMount bind, ProjectHostPath project, string stackName, SwarmContext context, List<FileConfig> found)
    {
        var path = $"{context.Options.ProjectDirectoryFromOutput}/{project.RelativePath}";
        if (context.ProjectDirectory is not { } root)
        {
            // No folder to read (a library call without one): the path stands in for the content.
            found.Add(Config(service, bind.Target, path, System.Text.Encoding.UTF8.GetBytes(path), executable: false, stackName));
            return;
        }

        var full = Path.Combine(root, project.RelativePath);
        if (context.ProjectFiles.File(full) is { } file)
        {
            found.Add(Config(service, bind.Target, path, file.Content, file.Executable, stackName));
            return;
        }

        // A folder: one config per file, at the same place under the target. None: STK0205 reports it.
        foreach (var relative in context.ProjectFiles.Folder(full) ?? [])
        {
            if (context.ProjectFiles.File(Path.Combine(full, relative)) is { } inFolder)
            {
                found.Add(Config(service, $"{bind.Target.TrimEnd('/')}/{relative}", $"{path}/{relative}", inFolder.Content, inFolder.Executable, stackName));
            }
        }
    }

    private static FileConfig Config(Service service, string target, string file, byte[] content, bool executable, string stackName, bool wholePath = false)
    {
        var key = ContentName.KeyFrom(service.Name, target, wholePath);
        return new FileConfig(key, ContentName.Of($"{stackName}_{key}", content), file, target, executable) { Content = content };
    }

    private static string Describe(HostPath path) => path switch
    {
        ProjectHostPath project => project.RelativePath,
        OutputHostPath output => output.FileName,
        _ => path.ToString(),
    };
}

/// <summary>A file the swarm carries to the task as a config.</summary>
/// <param name="Key">The key under the file's top-level <c>configs:</c>.</param>
/// <param name="Name">The config's name on the swarm, which changes with the content.</param>
/// <param name="File">The file, relative to swarm/.</param>
/// <param name="Target">Where the task sees it.</param>
/// <param name="Executable">Whether it is mounted executable (0555) rather than 0444.</param>
internal sealed record FileConfig(string Key, string Name, string File, string Target, bool Executable)
{
    /// <summary>The file's bytes, kept to name it again under another key.</summary>
    public required byte[] Content { get; init; }
}
