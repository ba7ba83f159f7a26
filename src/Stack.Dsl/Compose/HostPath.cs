using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>A path on the Docker host: absolute, or a file kept in the definition's project.</summary>
public abstract record HostPath
{
    private protected HostPath()
    {
    }

    /// <summary>
    /// An absolute host path such as <c>/var/run/docker.sock</c>; it may use variables
    /// (<c>$"{DataDir}/media"</c>).
    /// </summary>
    public static HostPath Absolute(ComposeString path) => new AbsoluteHostPath(path);

    /// <summary>
    /// A file or folder inside the definition project, relative to the project folder
    /// (<c>"Services/Blog/config.json"</c>). The generator writes it relative to the output
    /// folder, so the emitted YAML does not depend on where the repository is checked out.
    /// </summary>
    public static HostPath InProject(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        if (Path.IsPathRooted(relativePath) || relativePath.Split('/', '\\').Contains(".."))
        {
            throw new ArgumentException(
                $"'{relativePath}' must be a path inside the definition project, relative to its folder and without '..'; use HostPath.Absolute for paths elsewhere on the host.",
                nameof(relativePath));
        }

        return new ProjectHostPath(relativePath.Replace('\\', '/'));
    }

    /// <summary>A path under the home folder of the user who runs compose (<c>~/x</c>); no <c>..</c>.</summary>
    public static HostPath InHome(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        return Path.IsPathRooted(relativePath) || relativePath.StartsWith('~') || relativePath.Split('/', '\\').Contains("..")
            ? throw new ArgumentException($"'{relativePath}' must be a path inside the home folder, relative to it and without '..'.", nameof(relativePath))
            : new HomeHostPath(relativePath.Replace('\\', '/'));
    }

    /// <summary>
    /// A path under a folder the server names in a variable (<c>${DATA_DIR}/db</c>): its value must be
    /// an absolute path; <paramref name="relativePath"/> (optional) stays inside it. A default that is
    /// a project folder (<c>DataDir.OrDefault("./data")</c>) is written from the output folder, as
    /// <see cref="InProject"/> is, so compose finds the same folder.
    /// </summary>
    public static HostPath FromVariable(Variable folder, string relativePath = "")
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(relativePath);
        return Path.IsPathRooted(relativePath) || relativePath.Split('/', '\\').Contains("..")
            ? throw new ArgumentException($"'{relativePath}' must be relative to the variable's folder and without '..'.", nameof(relativePath))
            : new VariableHostPath(folder, relativePath.Replace('\\', '/').Trim('/'));
    }

    /// <summary>
    /// A file the generator writes beside the compose file (for example Traefik's configs), so
    /// it is written as <c>./NAME</c>.
    /// </summary>
    public static HostPath InOutput(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return fileName.Contains('/', StringComparison.Ordinal) || fileName.Contains('\\', StringComparison.Ordinal) || fileName is "." or ".."
            ? throw new ArgumentException($"'{fileName}' must be a file name in the output folder, without folders.", nameof(fileName))
            : new OutputHostPath(fileName);
    }
}

/// <summary>An absolute path on the host.</summary>
/// <param name="Path">The path.</param>
public sealed record AbsoluteHostPath(ComposeString Path) : HostPath;

/// <summary>A path relative to the definition project's folder.</summary>
/// <param name="RelativePath">The path, with forward slashes.</param>
public sealed record ProjectHostPath(string RelativePath) : HostPath;

/// <summary>A file in the output folder, beside the compose file.</summary>
/// <param name="FileName">The file's name.</param>
public sealed record OutputHostPath(string FileName) : HostPath;

/// <summary>A path under the home folder of the user who runs compose.</summary>
/// <param name="RelativePath">The path below <c>~</c>.</param>
public sealed record HomeHostPath(string RelativePath) : HostPath;

/// <summary>A path under a folder named by a variable.</summary>
/// <param name="Folder">The variable holding the folder.</param>
/// <param name="RelativePath">The path below it; empty for the folder itself.</param>
public sealed record VariableHostPath(Variable Folder, string RelativePath) : HostPath;
