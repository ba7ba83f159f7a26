// Shared by Stack.Dsl (runtime validation, generation) and Stack.Analyzers as a linked file.
using System;

namespace Stack.Rules;

/// <summary>
/// How Traefik v3 picks its one static config source, read from its source (traefik/traefik
/// cmd/traefik/traefik.go, pkg/cli/loader_file.go, loader_flag.go, loader_env.go; traefik/paerser
/// cli/commands.go, cli/file_finder.go). The loaders run in the order file, flags, environment,
/// and the first that loads anything wins; the rest are ignored:
/// <list type="number">
/// <item>File: the path given by <c>--configFile</c> (any case), then <c>/etc/traefik/traefik</c>,
/// <c>$XDG_CONFIG_HOME/traefik</c>, <c>$HOME/.config/traefik</c>, <c>./traefik</c>, each with
/// <c>.toml</c>, <c>.yaml</c>, <c>.yml</c> in that order; the first that exists is read. A
/// <c>--configFile</c> naming a missing file falls through to the default places, silently.</item>
/// <item>Flags: any command-line argument at all.</item>
/// <item>Environment: variables named <c>TRAEFIK_*</c>.</item>
/// </list>
/// So a file in a searched place makes Traefik ignore every static flag and <c>TRAEFIK_*</c>
/// variable, and flags make it ignore the variables. <c>traefik healthcheck</c> runs the same
/// loaders, which is why the generator mounts the file where Traefik looks without being told.
/// </summary>
internal static class TraefikStaticSources
{
    /// <summary>The file places under <c>/etc/traefik</c> (the other places depend on the container's environment), in search order.</summary>
    public static readonly string[] SearchedFiles = ["/etc/traefik/traefik.toml", "/etc/traefik/traefik.yaml", "/etc/traefik/traefik.yml"];

    /// <summary>Whether Traefik finds a YAML file at <paramref name="path"/> without <c>--configFile</c>, when nothing sits at an earlier place.</summary>
    public static bool IsSearchedYaml(string path) => path == "/etc/traefik/traefik.yaml" || path == "/etc/traefik/traefik.yml";

    /// <summary>The places Traefik searches before <paramref name="path"/>; a file mounted at one of them is read instead.</summary>
    public static string[] SearchedBefore(string path)
    {
        var index = Array.IndexOf(SearchedFiles, path);
        if (index < 0)
        {
            return SearchedFiles;
        }

        var before = new string[index];
        Array.Copy(SearchedFiles, before, index);
        return before;
    }

    /// <summary>
    /// The option a command-line argument sets, lower-cased without its dashes and value
    /// (<c>--entryPoints.web.address=:80</c> is <c>entrypoints.web.address</c>), or null for an
    /// argument that is not a flag (<c>traefik</c>).
    /// </summary>
    public static string? FlagName(string argument)
    {
        if (argument.Length < 2 || argument[0] != '-')
        {
            return null;
        }

        var name = argument.TrimStart('-');
        var equals = name.IndexOf('=');
        return (equals < 0 ? name : name.Substring(0, equals)).ToLowerInvariant();
    }

    /// <summary>Whether the argument is <c>--configFile</c> (Traefik accepts any case, and one or two dashes).</summary>
    public static bool IsConfigFileFlag(string argument) => FlagName(argument) == "configfile";

    /// <summary>Whether an environment variable is one Traefik's environment loader may read (paerser env/filter.go: <c>TRAEFIK_</c> and an option's name in capitals, compared by case).</summary>
    public static bool IsStaticVariable(string name) => name.StartsWith("TRAEFIK_", StringComparison.Ordinal);
}
