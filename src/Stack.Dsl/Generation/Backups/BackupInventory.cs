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
    public string CommandLine(Service service, BackupCommand command)
    {
        var exec = $"docker exec {ContainerOf(service)} {command.Command}";
        return command.WaitForPort is { } port
            ? $"{Plan.WaitForTool} {service.Name}:{port.ToString(CultureInfo.InvariantCulture)} --timeout={((int)Plan.WaitTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)} -- {exec}"
            : exec;
    }

    /// <summary>The commands run before each backup: each volume's prepare or dump command, in the order services were added.</summary>
    public IReadOnlyList<string> PreCommands()
    {
        var byName = Volumes.ToDictionary(v => v.Volume.Name, StringComparer.Ordinal);
        return [.. Stack.Services.SelectMany(service => service.Volumes.OfType<VolumeMount>()
            .Select(m => byName.GetValueOrDefault(m.Volume.Name))
            .OfType<VolumeEntry>()
            .Where(v => v.MountedBy.Count == 1 && v.MountedBy[0].Name == service.Name)
            .DistinctBy(v => v.Volume.Name)
            .Select(v => v.Volume.Backup?.PreBackupCommand)
            .OfType<BackupCommand>()
            .Select(command => CommandLine(service, command)))];
    }
}

/// <summary>A volume, the services that mount it, and its real name.</summary>
/// <param name="Volume">The volume.</param>
/// <param name="MountedBy">The services mounting it, in stack order.</param>
/// <param name="RealName">Docker's name for it.</param>
internal sealed record VolumeEntry(Volume Volume, IReadOnlyList<Service> MountedBy, string RealName);
