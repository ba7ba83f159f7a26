using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Dsl.Validation.Swarm;

/// <summary>
/// STK0501 (a setting Swarm ignores that changes what the service can do: an error), STK0502 (a
/// build without an image: docker stack deploy refuses it) and STK0503 (a setting Swarm drops
/// that changes nothing the service can do: a warning, unless the service accepts it with
/// <see cref="Service.AcceptOnSwarm"/>).
/// </summary>
internal static class SwarmSettingRules
{
    public static void Check(ComposeStack stack, List<StackDiagnostic> found)
    {
        foreach (var service in stack.Services)
        {
            // Looked up per finding, as the other rules do: the lookup reads the program's symbols.
            if (service.Build is not null && service.Image is null)
            {
                found.Add(new StackDiagnostic(SwarmChecks.BuildWithoutImage.Id, SwarmChecks.BuildWithoutImage.Format(service.Name), service.Location) { AddedAt = stack.Joins.Of(service) });
            }

            foreach (var setting in Settings(service))
            {
                if (!setting.ChangesWhatRuns && service.AcceptsOnSwarm(SwarmDifference.DroppedSetting))
                {
                    continue;
                }

                var added = stack.Joins.Of(service);
                var rule = setting.ChangesWhatRuns ? SwarmChecks.IgnoredSetting : SwarmChecks.DroppedSetting;
                var message = rule.Format(service.Name, setting.Describe(), setting.Effect, setting.Fix);
                found.Add(setting.ChangesWhatRuns
                    ? new StackDiagnostic(rule.Id, message, service.Location) { AddedAt = added }
                    : SwarmRules.Warning(rule.Id, message, service.Location) with { AddedAt = added });
            }
        }
    }

    /// <summary>The settings of <paramref name="service"/> that a Swarm service does not carry.</summary>
    public static List<SwarmSetting> Settings(Service service)
    {
        var settings = new List<SwarmSetting>();
        if (service.Privileged == true)
        {
            settings.Add(SwarmSetting.Privileged);
        }

        if (!service.Devices.IsEmpty)
        {
            settings.Add(SwarmSetting.Devices);
        }

        if (service.NetworkMode is not null)
        {
            settings.Add(SwarmSetting.NetworkMode);
        }

        if (Shares(service.Pid))
        {
            settings.Add(SwarmSetting.Pid);
        }

        if (Shares(service.Ipc))
        {
            settings.Add(SwarmSetting.Ipc);
        }

        if (service.UsernsMode is not null)
        {
            settings.Add(SwarmSetting.UsernsMode);
        }

        if (!service.SecurityOpt.IsEmpty)
        {
            settings.Add(SwarmSetting.SecurityOpt);
        }

        if (service.CgroupParent is not null)
        {
            settings.Add(SwarmSetting.CgroupParent);
        }

        if (service.ShmSize is not null)
        {
            settings.Add(SwarmSetting.ShmSize);
        }

        if (service.ContainerName is not null)
        {
            settings.Add(SwarmSetting.ContainerName);
        }

        if (service.Build is not null && service.Image is not null)
        {
            settings.Add(SwarmSetting.BuildBesideImage);
        }

        if (service.DomainName is not null)
        {
            settings.Add(SwarmSetting.DomainName);
        }

        if (service.MacAddress is not null)
        {
            settings.Add(SwarmSetting.MacAddress);
        }

        return settings;
    }

    // private and shareable are a container's own namespace: what a Swarm task has anyway.
    private static bool Shares(NamespaceMode? mode) => mode is { Value: not ("private" or "shareable") };
}
