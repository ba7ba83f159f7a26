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
        VariableHostPath variable => variable.RelativePath.Length == 0 ? ComposeString.Of(variable.Folder) : $"{variable.Folder}/{variable.RelativePath}",
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "Unknown host path kind."),
    };

    private static ComposeString Relative(string projectFromOutput, string relativePath)
    {
        var joined = projectFromOutput is "" or "." ? relativePath : $"{projectFromOutput.TrimEnd('/')}/{relativePath}";

        // Compose treats a source that does not start with '.' or '/' as a volume name.
        // A literal path: ComposeString escapes any '$' in it.
        return joined.StartsWith('.') || joined.StartsWith('/') ? joined : "./" + joined;
    }
}
