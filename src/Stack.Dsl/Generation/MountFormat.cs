using Stack.Dsl.Compose;
using Stack.Dsl.Values;

namespace Stack.Dsl.Generation;

/// <summary>Writes a mount in compose's short syntax: <c>source:target[:ro]</c>.</summary>
internal static class MountFormat
{
    public static ComposeString Format(Mount mount, GenerationOptions options)
    {
        ComposeString source = mount switch
        {
            VolumeMount volume => volume.Volume.Name,
            BindMount bind => HostPathFormat.Format(bind.Source, options),
            _ => throw new ArgumentOutOfRangeException(nameof(mount), mount, "Unknown mount kind."),
        };
        // Built through ComposeString's handler so the source keeps its variables. (A conditional
        // `c ? $"..." : $"..."` would be typed string and lose them.)
        ComposeString formatted = $"{source}:{mount.Target}";
        return mount.ReadOnly ? ComposeString.Join(":", [formatted, "ro"]) : formatted;
    }
}
