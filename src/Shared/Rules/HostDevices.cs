// Shared by Stack.Dsl and Stack.Analyzers as a linked file (see RuleIds.cs); netstandard2.0-safe.
using System;

namespace Stack.Rules;

/// <summary>
/// Which host devices, mapped into a container (<c>devices:</c>) or allowed by a device cgroup rule
/// (<c>device_cgroup_rules:</c>), switch off the isolation from the host (STK0103): the host's
/// memory, its disks (write one and the host's files and boot code are the container's), or every
/// device at once. A GPU, <c>/dev/fuse</c>, <c>/dev/net/tun</c> or a serial adapter is a narrow,
/// usual grant and is not judged here.
/// </summary>
internal static class HostDevices
{
    // Block devices by their kernel names: SCSI/SATA (and SCSI generic), IDE, virtio, Xen, NVMe, SD/eMMC, device mapper, RAID, loop.
    private static readonly string[] Disks = ["sd", "sg", "hd", "vd", "xvd", "nvme", "mmcblk", "dm-", "md", "loop"];

    /// <summary>What mapping host device <paramref name="hostPath"/> exposes, as the rule's message names it; null when it is a narrow grant.</summary>
    public static string? Exposes(string hostPath)
    {
        var path = hostPath.TrimEnd('/');
        if (path is "/dev/mem" or "/dev/kmem" or "/dev/port")
        {
            return $"the host device {hostPath} (the host's physical memory)";
        }

        if (path is "" or "/dev")
        {
            return $"the host devices {hostPath} (every device of the host)";
        }

        if (path.StartsWith("/dev/disk/", StringComparison.Ordinal) || path.StartsWith("/dev/mapper/", StringComparison.Ordinal))
        {
            return $"the host device {hostPath} (raw access to a host disk)";
        }

        if (path.StartsWith("/dev/", StringComparison.Ordinal) && path.IndexOf('/', 5) < 0)
        {
            var name = path.Substring(5);
            foreach (var disk in Disks)
            {
                if (name.StartsWith(disk, StringComparison.Ordinal) && name.Length > disk.Length && (disk[disk.Length - 1] == '-' || char.IsLetterOrDigit(name[disk.Length])))
                {
                    return $"the host device {hostPath} (raw access to a host disk)";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// What device cgroup rule <paramref name="rule"/> (<c>type major:minor access</c>) allows, as
    /// the message names it; null when it is narrow. A rule of type <c>a</c> (all devices), or of
    /// type <c>b</c> (block devices) with any major number, lets the container create and use the
    /// host's disks (Docker keeps <c>CAP_MKNOD</c> by default).
    /// </summary>
    public static string? Allows(string rule)
    {
        var parts = rule.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return null;
        }

        if (parts[0] == "a")
        {
            return $"the device cgroup rule '{rule}' (every device of the host)";
        }

        return parts[0] == "b" && parts.Length > 1 && parts[1].Length > 0 && parts[1][0] == '*'
            ? $"the device cgroup rule '{rule}' (every block device of the host: its disks)"
            : null;
    }
}
