using Stack.Dsl.Compose;
using Stack.Dsl.Values;

namespace Stack.Dsl.Generation;

/// <summary>Writes host paths as compose reads them: project files relative to the output folder.</summary>
internal static class HostPathFormat
{
    public static ComposeString Format(HostPath path, GenerationOptions options) => path switch
    {
        AbsoluteHostPath absolute => absolute.Path,
        ProjectHostPath project => Relative(options.ProjectDirectoryFromOutput, project.RelativePath),
        OutputHostPath output => "./" + output.FileName,
        HomeHostPath home => "~/" + home.RelativePath,
        VariableHostPath variable => Rebased(variable.Folder, options) is var folder && variable.RelativePath.Length == 0 ? ComposeString.Of(folder) : $"{folder}/{variable.RelativePath}",
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "Unknown host path kind."),
    };

    /// <summary>
    /// A folder variable whose default is a relative path (<c>${DATA:-./data}</c>): compose reads the
    /// default from the compose file's folder, the output, so it is written from there as a project
    /// path is (<c>${DATA:-../data}</c>). Any other default (absolute, a volume name) is kept.
    /// </summary>
    private static Variable Rebased(Variable folder, GenerationOptions options) =>
        folder is { Form: VariableForm.DefaultIfUnsetOrEmpty or VariableForm.DefaultIfUnset, Fallback: { } fallback, FallbackVariables.IsEmpty: true }
            && (fallback is "." or ".." || fallback.StartsWith("./", StringComparison.Ordinal) || fallback.StartsWith("../", StringComparison.Ordinal))
            ? folder.WithFallbackText(Relative(options.ProjectDirectoryFromOutput, fallback.StartsWith("./", StringComparison.Ordinal) ? fallback[2..] : fallback).ToCompose().Replace("$$", "$", StringComparison.Ordinal))
            : folder;

    private static ComposeString Relative(string projectFromOutput, string relativePath)
    {
        var joined = projectFromOutput is "" or "." ? relativePath : $"{projectFromOutput.TrimEnd('/')}/{relativePath}";

        // Compose treats a source that does not start with '.' or '/' as a volume name.
        // A literal path: ComposeString escapes any '$' in it.
        return joined.StartsWith('.') || joined.StartsWith('/') ? joined : "./" + joined;
    }
}
