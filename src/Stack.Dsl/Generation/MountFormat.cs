using Stack.Dsl.Compose;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Yaml.YamlValue;

namespace Stack.Dsl.Generation;

/// <summary>
/// Writes a mount in compose's short syntax (<c>source:target[:ro,z,rshared]</c>), or in the long
/// syntax when it has options only that one can say (create_host_path, nocopy, subpath, a
/// read-only anonymous volume).
/// </summary>
internal static class MountFormat
{
    public static YamlValue Format(Mount mount, GenerationOptions options) =>
        NeedsLongSyntax(mount) ? Long(mount, options) : Text(Short(mount, options));

    public static bool NeedsLongSyntax(Mount mount) => mount switch
    {
        BindMount bind => bind.CreateHostPath is not null,
        VolumeMount volume => volume.NoCopy is not null || volume.Subpath is not null,
        AnonymousVolumeMount anonymous => anonymous.ReadOnly,
        _ => false,
    };

    private static ComposeString Short(Mount mount, GenerationOptions options)
    {
        if (mount is AnonymousVolumeMount)
        {
            return mount.TargetText;
        }

        ComposeString source = Source(mount, options);

        // Built through ComposeString's handler so the source keeps its variables. (A conditional
        // `c ? $"..." : $"..."` would be typed string and lose them.)
        ComposeString formatted = $"{source}:{mount.TargetText}";
        var modes = ShortModes(mount);
        return modes.Length > 0 ? ComposeString.Join(":", [formatted, modes]) : formatted;
    }

    /// <summary>The short syntax's comma-separated modes: ro, then the SELinux label, then propagation.</summary>
    private static string ShortModes(Mount mount)
    {
        var modes = new List<string>(3);
        if (mount.ReadOnly)
        {
            modes.Add("ro");
        }

        if (mount is BindMount bind)
        {
            if (bind.SeLinux is { } label)
            {
                modes.Add(SeLinuxMode(label));
            }

            if (bind.Propagation is { } propagation)
            {
                modes.Add(PropagationMode(propagation));
            }
        }

        return string.Join(",", modes);
    }

    private static string SeLinuxMode(SeLinuxRelabel label) => label switch
    {
        SeLinuxRelabel.Shared => "z",
        SeLinuxRelabel.Private => "Z",
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Unknown SELinux relabel."),
    };

    private static string PropagationMode(BindPropagation propagation) => propagation switch
    {
        BindPropagation.Private => "private",
        BindPropagation.RPrivate => "rprivate",
        BindPropagation.Shared => "shared",
        BindPropagation.RShared => "rshared",
        BindPropagation.Slave => "slave",
        BindPropagation.RSlave => "rslave",
        _ => throw new ArgumentOutOfRangeException(nameof(propagation), propagation, "Unknown bind propagation."),
    };

    private static ComposeString Source(Mount mount, GenerationOptions options) => mount switch
    {
        VolumeMount volume => volume.Volume.Name,
        BindMount bind => HostPathFormat.Format(bind.Source, options),
        _ => throw new ArgumentOutOfRangeException(nameof(mount), mount, "Unknown mount kind."),
    };

    private static YamlMapping Long(Mount mount, GenerationOptions options)
    {
        var entries = new List<YamlEntry> { new("type", Text(mount is BindMount ? "bind" : "volume")) };
        if (mount is not AnonymousVolumeMount)
        {
            entries.Add(new("source", Text(Source(mount, options))));
        }

        entries.Add(new("target", Text(mount.TargetText)));
        if (mount.ReadOnly)
        {
            entries.Add(new("read_only", Boolean(true)));
        }

        switch (mount)
        {
            case BindMount bind:
                var bindSettings = new List<YamlEntry>();
                if (bind.CreateHostPath is { } create)
                {
                    bindSettings.Add(new("create_host_path", Boolean(create)));
                }

                if (bind.Propagation is { } propagation)
                {
                    bindSettings.Add(new("propagation", Text(PropagationMode(propagation))));
                }

                if (bind.SeLinux is { } label)
                {
                    bindSettings.Add(new("selinux", Text(SeLinuxMode(label))));
                }

                entries.Add(new("bind", Mapping(bindSettings)));
                break;
            case VolumeMount volume when volume.NoCopy is not null || volume.Subpath is not null:
                var settings = new List<YamlEntry>();
                if (volume.NoCopy is { } noCopy)
                {
                    settings.Add(new("nocopy", Boolean(noCopy)));
                }

                if (volume.Subpath is { } subpath)
                {
                    settings.Add(new("subpath", Text(subpath)));
                }

                entries.Add(new("volume", new YamlMapping([.. settings])));
                break;
        }

        return new YamlMapping([.. entries]);
    }
}
