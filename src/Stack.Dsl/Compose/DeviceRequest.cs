using System.Collections.Immutable;
using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>
/// Devices the engine hands to the container through a device driver, such as GPUs
/// (<c>deploy.resources.reservations.devices</c>). Set <see cref="Count"/>, <see cref="DeviceIds"/>,
/// or neither for every matching device.
/// </summary>
/// <param name="Capabilities">What the devices must offer (<c>gpu</c>, <c>compute</c>, <c>utility</c>).</param>
public sealed record DeviceRequest(ImmutableArray<string> Capabilities)
{
    /// <summary>The device driver, such as <c>nvidia</c>.</summary>
    public string? Driver { get; init; }

    /// <summary>How many devices; unset (with no <see cref="DeviceIds"/>) means all of them.</summary>
    public int? Count { get; init; }

    /// <summary>Specific devices by id; exclusive with <see cref="Count"/>.</summary>
    public ImmutableArray<string> DeviceIds { get; init; } = [];

    /// <summary>Driver options, sorted by key.</summary>
    public ImmutableSortedDictionary<string, ComposeString> Options { get; init; } =
        ImmutableSortedDictionary.Create<string, ComposeString>(StringComparer.Ordinal);

    /// <summary>NVIDIA GPUs: <paramref name="count"/> of them, or all when unset.</summary>
    public static DeviceRequest Gpus(int? count = null) => new(["gpu"]) { Driver = "nvidia", Count = count };
}
