using System.Collections.Immutable;

namespace Stack.Dsl.Compose;

/// <summary>Host devices: mapped device files, cgroup device rules, and device requests such as GPUs.</summary>
public sealed partial record Service
{
    /// <summary>Host devices mapped into the container (<c>devices:</c>).</summary>
    public ImmutableArray<DeviceMapping> Devices { get; init; } = [];

    /// <summary>Rules in the devices cgroup (<c>device_cgroup_rules:</c>), such as <c>c 189:* rmw</c>.</summary>
    public ImmutableArray<string> DeviceCgroupRules { get; init; } = [];

    /// <summary>Devices the engine hands out, such as GPUs (<c>deploy.resources.reservations.devices</c>).</summary>
    public ImmutableArray<DeviceRequest> DeviceRequests { get; init; } = [];

    /// <summary>Maps a host device (<c>/dev/ttyUSB0</c>) into the container.</summary>
    public Service WithDevice(DeviceMapping device) => this with { Devices = Devices.Add(device ?? throw new ArgumentNullException(nameof(device))) };

    /// <summary>Maps a host device at the same path in the container, with read, write and mknod access.</summary>
    public Service WithDevice(string hostPath) => WithDevice(new DeviceMapping(hostPath));

    /// <summary>Adds rules to the devices cgroup (<c>type major:minor access</c>).</summary>
    public Service WithDeviceCgroupRules(params IEnumerable<string> rules) => this with { DeviceCgroupRules = DeviceCgroupRules.AddRange(rules) };

    /// <summary>Asks the engine for devices (see <see cref="DeviceRequest"/>).</summary>
    public Service WithDeviceRequest(DeviceRequest request) =>
        this with { DeviceRequests = DeviceRequests.Add(request ?? throw new ArgumentNullException(nameof(request))) };

    /// <summary>
    /// Asks for NVIDIA GPUs: <paramref name="count"/> of them, or every one when unset. Written as
    /// the device reservation compose's <c>gpus:</c> shorthand stands for, which every compose reads.
    /// </summary>
    public Service WithGpus(int? count = null) => WithDeviceRequest(DeviceRequest.Gpus(count));
}
