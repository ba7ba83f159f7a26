using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>
/// STK0205: project files the stack refers to must exist. A missing bind-mount source is the
/// worst case: Docker silently creates an empty folder in its place on the server. That is only
/// wrong where a file or existing content was meant: a writable data folder (<c>./redis:/data</c>)
/// that Docker creates on the first start is normal.
/// </summary>
internal static class ProjectFileRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack, string projectDirectory)
    {
        foreach (var service in stack.Services)
        {
            foreach (var mount in service.Volumes.OfType<BindMount>())
            {
                if (Missing(mount.Source, projectDirectory) is { } path && !IsDataFolderDockerCreates(mount))
                {
                    yield return Diagnostic($"Service '{service.Name}' bind-mounts '{path}', which does not exist in the definition project ({projectDirectory}); Docker would mount an empty folder instead. Create the file or fix the path.", mount.Location.IsKnown ? mount.Location : service.Location);
                }
            }

            foreach (var file in service.EnvFiles)
            {
                if (Missing(file, projectDirectory) is { } path)
                {
                    yield return Diagnostic($"Service '{service.Name}' reads env file '{path}', which does not exist in the definition project ({projectDirectory}). Create it or fix the path.", service.Location);
                }
            }

            if (service.Build is { } build && Missing(build.Context, projectDirectory) is { } context)
            {
                yield return Diagnostic($"Service '{service.Name}' builds from '{context}', which does not exist in the definition project ({projectDirectory}). Create it or fix the path.", service.Location);
            }
        }

        foreach (var secret in stack.Secrets)
        {
            if (secret.File is { } file && Missing(file, projectDirectory) is { } path)
            {
                yield return Diagnostic($"Secret '{secret.Name}' is read from '{path}', which does not exist in the definition project ({projectDirectory}). Create it (and keep it out of git) or fix the path.", secret.Location);
            }
        }

        foreach (var config in stack.Configs)
        {
            if (config.File is { } file && Missing(file, projectDirectory) is { } path)
            {
                yield return Diagnostic($"Config '{config.Name}' is read from '{path}', which does not exist in the definition project ({projectDirectory}). Create it or fix the path.", config.Location);
            }
        }
    }

    /// <summary>
    /// A writable bind whose source and target both name a folder (no extension: <c>./redis</c>
    /// on <c>/data</c>) and that Docker may create: a missing one is the normal first start. A
    /// file (<c>./traefik.yml</c>), a read-only mount (content the service reads) or
    /// <c>create_host_path: false</c> is still refused when missing.
    /// </summary>
    private static bool IsDataFolderDockerCreates(BindMount mount) =>
        !mount.ReadOnly && mount.CreateHostPath != false && mount.Source is ProjectHostPath project
        && !HasExtension(project.RelativePath) && !HasExtension(mount.Target);

    private static bool HasExtension(string path)
    {
        var name = path.TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..];
        return name.LastIndexOf('.') > 0;
    }

    /// <summary>The project-relative path when it names a project file that is missing; otherwise null.</summary>
    private static string? Missing(HostPath path, string projectDirectory)
    {
        if (path is not ProjectHostPath project)
        {
            return null;
        }

        var full = Path.Combine(projectDirectory, project.RelativePath);
        return File.Exists(full) || Directory.Exists(full) ? null : project.RelativePath;
    }

    private static StackDiagnostic Diagnostic(string message, SourceLocation location) => new(RuleIds.MissingProjectFile, message, location);
}
