using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>
/// STK0205: project files the stack refers to must exist. A missing bind-mount source is the
/// worst case: Docker silently creates an empty folder in its place on the server.
/// </summary>
internal static class ProjectFileRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack, string projectDirectory)
    {
        foreach (var service in stack.Services)
        {
            foreach (var mount in service.Volumes.OfType<BindMount>())
            {
                if (Missing(mount.Source, projectDirectory) is { } path)
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
