using System.Globalization;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Generation.Backups;

/// <summary>Every volume with its backup decision and the service that mounts it, in one place for the generated files.</summary>
internal sealed class BackupInventory
{
    private BackupInventory(ComposeStack stack, BackupPlan plan, IReadOnlyList<VolumeEntry> volumes)
    {
        Stack = stack;
        Plan = plan;
        Volumes = volumes;
    }

    public ComposeStack Stack { get; }

    public BackupPlan Plan { get; }

    /// <summary>Every named volume of the stack, sorted by name.</summary>
    public IReadOnlyList<VolumeEntry> Volumes { get; }

    public static BackupInventory Of(ComposeStack stack, BackupPlan plan)
    {
        var users = UsersByVolume(stack);
        return new(stack, plan, [.. StackResources.Volumes(stack).Select(v => new VolumeEntry(v, users.GetValueOrDefault(v.Name) ?? [], StackResources.RealName(v, stack.Name)))]);
    }

    /// <summary>For each volume name, the services that mount it, in stack order; one pass over the stack.</summary>
    public static Dictionary<string, List<Service>> UsersByVolume(ComposeStack stack)
    {
        var users = new Dictionary<string, List<Service>>(StringComparer.Ordinal);
        foreach (var service in stack.Services)
        {
            foreach (var mount in service.Volumes)
            {
                if (mount is VolumeMount { Volume.Name: var name })
                {
                    if (!users.TryGetValue(name, out var list))
                    {
                        users[name] = list = [];
                    }

                    if (list.Count == 0 || list[^1] != service)
                    {
                        list.Add(service);
                    }
                }
            }
        }

        return users;
    }

    /// <summary>The container <c>docker exec</c> reaches the service by.</summary>
    public string ContainerOf(Service service) =>
        service.ContainerName is { IsLiteral: true } name ? name.ToCompose() : $"{Stack.Name}-{service.Name}-1";

    /// <summary>Where the service mounts the volume.</summary>
    public static string? TargetIn(Service service, Volume volume) =>
        service.Volumes.OfType<VolumeMount>().FirstOrDefault(m => m.Volume.Name == volume.Name)?.Target;

    /// <summary>The runner's command line for <paramref name="command"/> in <paramref name="service"/>.</summary>
    /// <param name="service">The service the command runs in.</param>
    /// <param name="command">The prepare or dump command.</param>
    /// <param name="onSwarm">Whether for the Swarm file, where no container has a name to exec by (<see cref="SwarmCommandLine"/>).</param>
    public string CommandLine(Service service, BackupCommand command, bool onSwarm = false)
    {
        if (onSwarm)
        {
            return SwarmCommandLine(service, command);
        }

        var exec = $"docker exec {ContainerOf(service)} {ContainerShell.Arguments(command.Command)}";
        return command.WaitForPort is { } port
            ? $"{WaitFor(service, port)} -- {exec}"
            : exec;
    }

    /// <summary>
    /// On Swarm: the task's container is found by the label Swarm puts on it, among this node's
    /// containers (<c>docker ps</c> sees no other node's: the runner is pinned with the service,
    /// STK0506). The lookup runs after the wait, so it finds the task that answers; none found
    /// stops the backup with why. <c>&amp;&amp;</c>, not <c>--</c>: a <c>$(...)</c> after
    /// <c>--</c> would run before the wait.
    /// </summary>
    private string SwarmCommandLine(Service service, BackupCommand command)
    {
        var task = SwarmServiceName(service);
        var exec = $"task=$(docker ps -q --filter label=com.docker.swarm.service.name={task} | head -n1) && docker exec \"${{task:?no running task of {task} on this node: pin the backup runner to its node, see STK0506}}\" {ContainerShell.Arguments(command.Command)}";
        return command.WaitForPort is { } port ? $"{WaitFor(service, port)} && {exec}" : exec;
    }

    /// <summary>The service's name on the swarm: the stack deployed under the definition's name, as deploy.sh does.</summary>
    public string SwarmServiceName(Service service) => $"{Stack.Name}_{service.Name}";

    private string WaitFor(Service service, int port) =>
        $"{Plan.WaitForTool} {service.Name}:{port.ToString(CultureInfo.InvariantCulture)} --timeout={((int)Plan.WaitTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The commands run before each backup: each volume's prepare or dump command, in the order services were added.</summary>
    /// <param name="onSwarm">Whether for the Swarm file (<see cref="CommandLine"/>).</param>
    public IReadOnlyList<string> PreCommands(bool onSwarm = false)
    {
        var byName = Volumes.ToDictionary(v => v.Volume.Name, StringComparer.Ordinal);
        return [.. Stack.Services.SelectMany(service => service.Volumes.OfType<VolumeMount>()
            .Select(m => byName.GetValueOrDefault(m.Volume.Name))
            .OfType<VolumeEntry>()
            .Where(v => v.MountedBy.Count == 1 && v.MountedBy[0].Name == service.Name)
            .DistinctBy(v => v.Volume.Name)
            .Select(v => v.Volume.Backup?.PreBackupCommand)
            .OfType<BackupCommand>()
            .Select(command => CommandLine(service, command, onSwarm)))];
    }
}

/// <summary>A volume, the services that mount it, and its real name.</summary>
/// <param name="Volume">The volume.</param>
/// <param name="MountedBy">The services mounting it, in stack order.</param>
/// <param name="RealName">Docker's name for it.</param>
internal sealed record VolumeEntry(Volume Volume, IReadOnlyList<Service> MountedBy, string RealName);
