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
        // Interpolation keeps the source's variables and escapes literal '$' on output.
        return mount.ReadOnly ? $"{source}:{mount.Target}:ro" : $"{source}:{mount.Target}";
    }
}
