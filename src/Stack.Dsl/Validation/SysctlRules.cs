using Stack.Dsl.Compose;

namespace Stack.Dsl.Validation;

/// <summary>
/// STK0212 for <c>sysctls:</c>: a container can only set kernel parameters of a namespace it has
/// of its own, and runc refuses every other one when the container is created ("sysctl
/// "vm.max_map_count" is not in a separate kernel namespace"), so the service never starts. The
/// rules are runc's (<c>libcontainer/configs/validate</c>): the IPC parameters and
/// <c>fs.mqueue.*</c> need the container's own IPC namespace, <c>net.*</c> its own network
/// namespace, <c>kernel.domainname</c> its own UTS namespace, and <c>kernel.hostname</c> is
/// refused for the hostname field. A name may use <c>/</c> for <c>.</c>, as runc reads it.
/// </summary>
internal static class SysctlRules
{
    private static readonly HashSet<string> IpcParameters = new(StringComparer.Ordinal)
    {
        "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem",
        "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced",
    };

    public static IEnumerable<string> Problems(Service service)
    {
        foreach (var written in service.Sysctls.Keys)
        {
            var name = written.Replace('/', '.');
            if (IpcParameters.Contains(name) || name.StartsWith("fs.mqueue.", StringComparison.Ordinal))
            {
                if (service.Ipc == NamespaceMode.Host)
                {
                    yield return $"sets the sysctl '{written}' with ipc: host; the engine refuses it in the host's IPC namespace and the container does not start. Remove the sysctl, or the host IPC mode (.WithIpc).";
                }
            }
            else if (name.StartsWith("net.", StringComparison.Ordinal))
            {
                if (service.NetworkMode == NetworkMode.Host)
                {
                    yield return $"sets the sysctl '{written}' with network_mode: host; the engine refuses it in the host's network namespace and the container does not start. Set it on the host (/etc/sysctl.d), or give the service its own network.";
                }
            }
            else if (name == "kernel.domainname" && service.Uts != NamespaceMode.Host)
            {
                // Namespaced, and no compose field of its own.
            }
            else if (name == "kernel.hostname")
            {
                yield return $"sets the sysctl '{written}'; the engine refuses it (the container's hostname has a field of its own). Use .WithHostname(...) instead.";
            }
            else
            {
                yield return $"sets the sysctl '{written}', which is not in a kernel namespace of the container's own: the engine refuses it and the container does not start (only the IPC parameters, fs.mqueue.*, net.* and kernel.domainname can be set per container). Set it on the host instead (sysctl -w, or a file in /etc/sysctl.d), and remove it from the service.";
            }
        }
    }
}
