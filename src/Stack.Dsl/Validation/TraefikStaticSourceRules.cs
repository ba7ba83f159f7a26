using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>
/// Traefik reads the static config the generator writes, and keeps its certificates.
/// STK0406: Traefik reads one static source, the first of file, flags, TRAEFIK_ variables that
/// has anything (<see cref="TraefikStaticSources"/>), so anything the service adds beside the
/// generated source is ignored, or replaces it. STK0407: ACME storage outside every volume and
/// bind mount is lost when the container is recreated.
/// </summary>
internal static class TraefikStaticSourceRules
{
    public static IEnumerable<StackDiagnostic> Check(TraefikProxy proxy, Service service) =>
        (proxy.StaticConfigForm == TraefikConfigForm.File ? FileForm(proxy, service) : FlagForm(proxy, service))
            .Concat(AcmeStorage(proxy, service));

    private static IEnumerable<StackDiagnostic> FileForm(TraefikProxy proxy, Service service)
    {
        var path = proxy.StaticConfigPath;
        var told = false;
        if (!ReadAsYaml(path))
        {
            yield return Ignored(proxy, $"The TraefikProxy's StaticConfigPath '{path}' does not end in .yml or .yaml: Traefik picks a config file's format by its extension, so it would not read the YAML Stack writes there. Leave StaticConfigPath at its default, '{TraefikProxy.DefaultStaticConfigPath}'.");
        }

        if (service.Command is ShellCommandLine)
        {
            yield return Ignored(proxy, $"The Traefik service '{service.Name}' has a shell-form command, so Stack cannot tell whether Traefik would read the static config it writes to '{path}'. Give the command as arguments (.WithCommand(\"--arg\", ...)), or remove it.");
        }

        foreach (var (flag, value) in Flags(service))
        {
            if (flag != "configfile")
            {
                yield return Ignored(proxy, $"The Traefik service '{service.Name}' passes the static option --{flag} on its command, which Traefik ignores: it reads its static config from the file at '{path}' (a file wins over flags). Set it on the TraefikProxy instead, or write the whole static config as flags with TraefikProxy.WithStaticConfigAsFlags().");
            }
            else if (value != path)
            {
                yield return Ignored(proxy, $"The Traefik service '{service.Name}' passes --configFile={value} on its command, so Traefik would read that file (or, if it is missing, search its default places) instead of the static config Stack writes to '{path}'. Remove --configFile from the command: the generator mounts the file where Traefik finds it.");
            }
            else
            {
                told = true;
            }
        }

        foreach (var name in StaticVariables(service))
        {
            yield return Ignored(proxy, $"The Traefik service '{service.Name}' sets {name}, a static option Traefik ignores: it reads its static config from the file at '{path}' (a file wins over TRAEFIK_ variables). Set it on the TraefikProxy instead, and remove the variable.");
        }

        // Without --configFile, Traefik takes the first of /etc/traefik/traefik.toml, .yaml, .yml that exists.
        if (!told && TraefikStaticSources.IsSearchedYaml(path))
        {
            foreach (var mount in service.Volumes.Where(m => TraefikStaticSources.SearchedBefore(path).Contains(m.Target)))
            {
                yield return Ignored(proxy, $"The Traefik service '{service.Name}' mounts something at '{mount.Target}', which Traefik reads before the static config Stack writes to '{path}', so the generated one would be ignored. Remove that mount, and set the static config on the TraefikProxy.");
            }
        }
    }

    private static IEnumerable<StackDiagnostic> FlagForm(TraefikProxy proxy, Service service)
    {
        foreach (var (flag, value) in Flags(service).Where(f => f.Name == "configfile"))
        {
            yield return Ignored(proxy, $"The Traefik service '{service.Name}' passes --configFile={value}, but its static config is written as flags (WithStaticConfigAsFlags): Traefik reads a file first and then ignores every flag. Remove --configFile from the command.");
        }

        foreach (var mount in service.Volumes.Where(m => TraefikStaticSources.SearchedFiles.Contains(m.Target)))
        {
            yield return Ignored(proxy, $"The Traefik service '{service.Name}' mounts a file at '{mount.Target}', where Traefik looks for its static config, but its static config is written as flags (WithStaticConfigAsFlags): Traefik would read the file and ignore every flag. Remove that mount.");
        }

        foreach (var name in StaticVariables(service))
        {
            yield return Ignored(proxy, $"The Traefik service '{service.Name}' sets {name}, a static option Traefik ignores when it has flags (WithStaticConfigAsFlags: flags win over TRAEFIK_ variables). Set it on the TraefikProxy instead, and remove the variable.");
        }
    }

    private static IEnumerable<StackDiagnostic> AcmeStorage(TraefikProxy proxy, Service service)
    {
        foreach (var resolver in proxy.CertResolvers)
        {
            var storage = resolver.Storage;
            var fix = $"Mount a volume at its folder (.WithVolume(new Volume(\"{service.Name}-acme\"), \"{Folder(storage)}\") on '{service.Name}'), or set CertResolver.Storage to a file under one of its volumes";
            var holder = Innermost(service.Volumes, storage);
            var tmpfs = service.Tmpfs.FirstOrDefault(t => Holds(t.Target, storage) && (holder is null || t.Target.TrimEnd('/').Length > holder.Target.TrimEnd('/').Length));
            var problem = (holder, tmpfs) switch
            {
                (_, not null) => $"which is on the tmpfs at '{tmpfs.Target}', lost whenever the container stops",
                (null, _) => "which no volume or bind mount of that service holds, so it is lost whenever the container is recreated",
                (AnonymousVolumeMount, _) => $"which is on the anonymous volume at '{holder.Target}', that no backup covers and 'down -v' removes",
                ({ ReadOnly: true }, _) => $"which is on '{holder.Target}', mounted read-only, so Traefik cannot save the certificates it gets",
                _ => null,
            };
            if (problem is not null)
            {
                yield return new StackDiagnostic(
                    RuleIds.AcmeStorageNotPersisted,
                    $"Certificate resolver '{resolver.Name}' keeps its ACME account and certificates at '{storage}' in the Traefik service '{service.Name}', {problem}: Traefik would ask the CA again on every start (Let's Encrypt allows 5 certificates per week for one set of names). {fix}.",
                    proxy.Location);
            }
        }
    }

    // The deepest mount holding the file (MaxBy over an int key is JIT-compiled at start: a loop).
    private static Mount? Innermost(IEnumerable<Mount> mounts, string file)
    {
        Mount? innermost = null;
        foreach (var mount in mounts)
        {
            if (Holds(mount.Target, file) && (innermost is null || mount.Target.TrimEnd('/').Length > innermost.Target.TrimEnd('/').Length))
            {
                innermost = mount;
            }
        }

        return innermost;
    }

    /// <summary>Whether a mount at <paramref name="target"/> holds the file <paramref name="file"/> (the file itself, or a folder above it).</summary>
    private static bool Holds(string target, string file)
    {
        var folder = target.TrimEnd('/');
        return file == target || file.StartsWith(folder + "/", StringComparison.Ordinal);
    }

    private static string Folder(string file)
    {
        var slash = file.LastIndexOf('/');
        return slash > 0 ? file[..slash] : "/letsencrypt";
    }

    /// <summary>Each flag of the exec-form command, lower-cased, with its value (after '=' or as the next argument).</summary>
    private static IEnumerable<(string Name, string Value)> Flags(Service service)
    {
        var arguments = (service.Command as ExecCommandLine)?.Arguments.Select(a => a.ToCompose()).ToList() ?? [];
        for (var i = 0; i < arguments.Count; i++)
        {
            if (TraefikStaticSources.FlagName(arguments[i]) is not { } name)
            {
                continue;
            }

            var equals = arguments[i].IndexOf('=', StringComparison.Ordinal);
            var value = equals >= 0 ? arguments[i][(equals + 1)..]
                : i + 1 < arguments.Count && TraefikStaticSources.FlagName(arguments[i + 1]) is null ? arguments[++i]
                : string.Empty;
            yield return (name, value);
        }
    }

    private static IEnumerable<string> StaticVariables(Service service) =>
        service.Environment.Keys.Where(TraefikStaticSources.IsStaticVariable);

    /// <summary>Whether Traefik reads the file at <paramref name="path"/> as YAML: it picks a config file's format by its extension (the static file and the file provider's alike).</summary>
    internal static bool ReadAsYaml(string path) =>
        path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    private static StackDiagnostic Ignored(TraefikProxy proxy, string message) =>
        new(RuleIds.IgnoredStaticConfig, message, proxy.Location);
}
