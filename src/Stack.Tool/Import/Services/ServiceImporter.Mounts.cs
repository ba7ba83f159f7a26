using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>Mounts: volumes and binds (short and long syntax), tmpfs and devices.</summary>
internal sealed partial class ServiceImporter
{
    private static string Device(string text, YamlDotNet.Core.Mark at)
    {
        if (CSharpCode.HasVariable(text))
        {
            throw new ImportRefusal(at, $"the device '{text}' holds a variable, but Stack's devices are fixed paths it checks (/dev/...); write the paths, and give an environment its own.");
        }

        var parts = text.Split(':');
        return parts.Length switch
        {
            1 => $".WithDevice({CSharpCode.Literal(parts[0])})",
            2 => $".WithDevice(new DeviceMapping({CSharpCode.Literal(parts[0])}) {{ ContainerPath = {CSharpCode.Literal(parts[1])} }})",
            3 => $".WithDevice(new DeviceMapping({CSharpCode.Literal(parts[0])}) {{ ContainerPath = {CSharpCode.Literal(parts[1])}, Permissions = {CSharpCode.Literal(parts[2])} }})",
            _ => throw new ImportRefusal(at, $"'{text}' is not a device mapping (host[:container[:permissions]])."),
        };
    }

    private static string Tmpfs(string text, YamlDotNet.Core.Mark at)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return $".WithTmpfs({CSharpCode.Literal(text)})";
        }

        var options = text[(colon + 1)..].Split(',');
        var settings = new List<string>();
        var others = new List<string>();
        foreach (var option in options)
        {
            switch (option.Split('='))
            {
                case ["size", var size]:
                    settings.Add($"Size = {Size(size, new YamlScalarNode(size) { })}");
                    break;
                case ["mode", var mode] when mode.Length is > 0 and <= 4 && mode.All(c => c is >= '0' and <= '7'):
                    settings.Add($"Mode = Convert.ToInt32({CSharpCode.Literal(mode)}, 8)");
                    break;
                case ["size" or "mode", _]:
                    throw new ImportRefusal(at, $"the tmpfs option '{option}' is not a size (64m) or an octal mode (1777).");
                case var _ when option.Length == 0 || option.Contains(':', StringComparison.Ordinal) || CSharpCode.HasVariable(option):
                    throw new ImportRefusal(at, $"the tmpfs option '{option}' is {(option.Length == 0 ? "empty" : CSharpCode.HasVariable(option) ? "a variable" : "not one word")}, but Stack's tmpfs options are plain words; write the option (noexec, uid=1000).");
                default:
                    others.Add(CSharpCode.Literal(option));
                    break;
            }
        }

        if (others.Count > 0)
        {
            settings.Add($"Options = [{string.Join(", ", others)}]");
        }

        return $".WithTmpfs(new Tmpfs({CSharpCode.Literal(text[..colon])}) {{ {string.Join(", ", settings)} }})";
    }

    private string LongMount(YamlMappingNode mount)
    {
        var entries = mount.Children.ToDictionary(e => Nodes.Scalar(e.Key, "a mount key"), e => e.Value, StringComparer.Ordinal);
        string Get(string key) => entries.TryGetValue(key, out var node) ? Nodes.Scalar(node, key) : throw new ImportRefusal(mount.Start, $"a mount needs a {key}.");
        var type = Get("type");
        if (type == "tmpfs")
        {
            // Not Stack's tmpfs: the engine mounts a service's tmpfs: entries noexec and nosuid, a tmpfs mount without them.
            throw new ImportRefusal(mount.Start, $"a tmpfs mount in the long syntax (type: tmpfs) is not translated by the importer yet: Stack's tmpfs is the service's tmpfs: key, which the engine mounts noexec and nosuid, and this mount is neither. If the service runs nothing from it, write it there ({Get("target")}:size=...) and import again.");
        }

        var target = ContainerPath(Get("target"), mount.Start);
        var init = new List<string>();
        if (entries.TryGetValue("read_only", out var readOnly) && Nodes.Bool(readOnly, "read_only"))
        {
            init.Add("ReadOnly = true");
        }

        foreach (var (key, node) in entries.Where(e => e.Key is not ("type" or "target" or "source" or "read_only")))
        {
            foreach (var (option, setting) in Nodes.Mapping(node, key).Children)
            {
                var name = Nodes.Scalar(option, "a mount option");
                init.Add((type, key, name) switch
                {
                    ("volume", "volume", "nocopy") => $"NoCopy = {(Nodes.Bool(setting, name) ? "true" : "false")}",
                    ("volume", "volume", "subpath") => $"Subpath = {CSharpCode.Literal(Nodes.Scalar(setting, name))}",
                    ("bind", "bind", "create_host_path") => $"CreateHostPath = {(Nodes.Bool(setting, name) ? "true" : "false")}",
                    ("bind", "bind", "selinux") => Nodes.Scalar(setting, name) switch
                    {
                        "z" => "SeLinux = SeLinuxRelabel.Shared",
                        "Z" => "SeLinux = SeLinuxRelabel.Private",
                        var label => throw new ImportRefusal(setting.Start, $"bind.selinux '{label}' is not z or Z."),
                    },
                    ("bind", "bind", "propagation") => Nodes.Scalar(setting, name) is "private" or "rprivate" or "shared" or "rshared" or "slave" or "rslave"
                        ? $"Propagation = BindPropagation.{PropagationName(Nodes.Scalar(setting, name))}"
                        : throw new ImportRefusal(setting.Start, $"bind.propagation '{Nodes.Scalar(setting, name)}' is not one of private, rprivate, shared, rshared, slave, rslave."),
                    _ => throw new ImportRefusal(option.Start, $"the mount option {key}.{name} is not translated by the importer yet."),
                });
            }
        }

        var settings = init.Count > 0 ? " { " + string.Join(", ", init) + " }" : string.Empty;
        switch (type)
        {
            case "volume" when !entries.ContainsKey("source"):
                return $".WithMount(new AnonymousVolumeMount({target}){settings})";
            case "volume":
                var source = Get("source");
                return volumes.TryGetValue(source, out var volume)
                    ? $".WithMount(new VolumeMount({volume}, {target}){settings})"
                    : throw new ImportRefusal(mount.Start, $"the volume '{source}' is not declared under volumes:.");
            case "bind":
                return $".WithMount(new BindMount({HostPathCode(Get("source"), mount.Start, "bind source")}, {target}){settings})";
            default:
                throw new ImportRefusal(mount.Start, $"a {type} mount in the long syntax is not translated by the importer yet.");
        }
    }

    /// <summary>A host path as its typed kind: absolute (or from a variable), in the home folder, or in the project (beside the compose file).</summary>
    /// <param name="path">The path as compose has it.</param>
    /// <param name="at">Where it is, for a refusal.</param>
    /// <param name="what">What the path is, for a refusal ("bind source").</param>
    private string HostPathCode(string path, YamlDotNet.Core.Mark at, string what) => code.HostPath(path, at, what);

    /// <summary>
    /// Short syntax: a named volume, an absolute or relative bind, or an anonymous volume, with the
    /// modes compose reads after the target (ro/rw, nocopy for a volume, an SELinux label and a
    /// propagation for a bind).
    /// </summary>
    private string Mount(string text, YamlDotNet.Core.Mark at)
    {
        var parts = ComposeReferences.Split(text, ':');
        if (parts.Length > 3)
        {
            throw new ImportRefusal(at, $"the mount '{text}' has more than source:target:modes.");
        }

        if (parts.Length == 1)
        {
            var anonymous = ContainerPath(parts[0], at);
            return IsVariablePath(anonymous) ? $".WithMount(new AnonymousVolumeMount({anonymous}))" : $".WithAnonymousVolume({anonymous})";
        }

        var (source, target) = (parts[0], ContainerPath(parts[1], at));
        var isVolume = volumes.TryGetValue(source, out var volume);
        if (!isVolume && !(source.StartsWith('/') || source.StartsWith('$') || source.StartsWith("~/", StringComparison.Ordinal) || source.StartsWith('.')))
        {
            // A name that is no declared volume and no path (/, $, ~/, .) is a mistake, not a project file.
            throw new ImportRefusal(at, $"the mount source '{source}' is neither a declared volume nor a path.");
        }

        var init = new List<string>();
        foreach (var mode in parts.Length == 3 ? parts[2].Split(',') : [])
        {
            init.Add((mode, isVolume) switch
            {
                ("ro", _) => "ReadOnly = true",
                ("rw", _) => string.Empty,
                ("nocopy", true) => "NoCopy = true",
                ("z", false) => "SeLinux = SeLinuxRelabel.Shared",
                ("Z", false) => "SeLinux = SeLinuxRelabel.Private",
                ("private" or "rprivate" or "shared" or "rshared" or "slave" or "rslave", false) => $"Propagation = BindPropagation.{PropagationName(mode)}",
                _ => throw new ImportRefusal(at, $"the mount '{text}' has the mode '{mode}', which the importer does not translate for a {(isVolume ? "volume" : "bind")} (ro, rw{(isVolume ? ", nocopy" : ", z, Z, and a propagation")})."),
            });
        }

        init.RemoveAll(i => i.Length == 0);
        var readOnly = init.Remove("ReadOnly = true");
        var from = isVolume ? volume! : HostPathCode(source, at, "bind source");
        if (init.Count == 0 && !IsVariablePath(target))
        {
            var ro = readOnly ? ", readOnly: true" : string.Empty;
            return isVolume ? $".WithVolume({from}, {target}{ro})" : $".WithBind({from}, {target}{ro})";
        }

        if (readOnly)
        {
            init.Insert(0, "ReadOnly = true");
        }

        return $".WithMount(new {(isVolume ? "VolumeMount" : "BindMount")}({from}, {target}){(init.Count > 0 ? $" {{ {string.Join(", ", init)} }}" : string.Empty)})";
    }

    private static string PropagationName(string mode) => mode[0] == 'r'
        ? "R" + char.ToUpperInvariant(mode[1]) + mode[2..]
        : char.ToUpperInvariant(mode[0]) + mode[1..];

    /// <summary>Whether this mount is the one the generator now writes (Traefik's static config).</summary>
    private bool IsReplaced(YamlNode mount) =>
        ReplacedMount is { } replaced && replaced.Service == currentService && TraefikStatic.MountTarget(mount) == replaced.Target;

    /// <summary>
    /// A mount's container path: plain text, or a variable whose default is an absolute path
    /// (<c>${ROOT:-/etc/komodo}</c>, the DSL's <c>new BindMount(source, root.OrDefault("/etc/komodo"))</c>),
    /// which the checks judge. Any other variable is refused here, at its line, instead of by
    /// STK0216 when the imported program runs.
    /// </summary>
    private string ContainerPath(string target, YamlDotNet.Core.Mark at)
    {
        if (!CSharpCode.HasVariable(target))
        {
            return CSharpCode.Literal(target);
        }

        var reference = ComposeReferences.Pattern().Match(target);
        return reference.Success && reference.Length == target.Length && reference.Groups["op"].Value is ":-" or "-" && reference.Groups["arg"].Value.StartsWith('/')
            ? code.WholeVariable(target)
            : throw new ImportRefusal(at, $"the mount target '{target}' holds a variable other than one with an absolute path as its default, but Stack checks container paths; write the path, or the variable with its default (${{ROOT:-/etc/komodo}}).");
    }

    /// <summary>Whether a container path is a variable (a <c>Variable</c> expression, not a literal): only the mount types' constructors take one.</summary>
    private static bool IsVariablePath(string target) => !target.StartsWith('"');
}
