using System.Net;
using Stack.Dsl.Compose;
using Stack.Dsl.Yaml;
using Stack.Rules;

namespace Stack.Dsl.Validation.Security;

/// <summary>
/// The security rules (STK0100-STK0107): errors, unless the service accepts the risk with a
/// reason (<see cref="Service.AcceptRisk"/>). Values built from variables are not judged: their
/// content is only known on the server.
/// </summary>
internal static class SecurityRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack) => stack.Services.SelectMany(Check);

    private static IEnumerable<StackDiagnostic> Check(Service service)
    {
        var findings = LiteralSecrets(service)
            .Concat(Sockets(service))
            .Concat(HostPrivileges(service))
            .Concat(Capabilities(service))
            .Concat(Ports(service))
            .Concat(Image(service));
        return findings.Where(f => !service.AcceptedRisks.ContainsKey(f.Risk)).Select(f => f.Diagnostic);
    }

    private static IEnumerable<Finding> LiteralSecrets(Service service) =>
        from variable in service.Environment
        where SecretNames.LooksSecret(variable.Key)
            && variable.Value is TextEnvironmentValue { Value: { IsLiteral: true } text } && text.ToCompose().Length > 0
        select new Finding(SecurityRisk.LiteralSecret, RuleIds.LiteralSecret, service.Location,
            $"Service '{service.Name}' sets {variable.Key} to a literal value, which would be committed with generated/. " +
            $"Use a Variable (declared once, its value in the server's .env) or a compose secret; if it is not a secret, " +
            $".AcceptRisk(SecurityRisk.LiteralSecret, \"why\").");

    private static IEnumerable<Finding> Sockets(Service service)
    {
        foreach (var mount in service.Volumes.OfType<BindMount>())
        {
            if (mount.Source is not AbsoluteHostPath { Path: { IsLiteral: true } path })
            {
                continue;
            }

            var source = path.ToCompose();
            if (HostRisks.IsDockerSocket(source) && !mount.ReadOnly)
            {
                yield return new Finding(SecurityRisk.WritableDockerSocket, RuleIds.WritableDockerSocket, mount.Location,
                    $"Service '{service.Name}' mounts the Docker socket {source} writable, which gives it root on the host. " +
                    "Mount it with readOnly: true if the service only reads, or .AcceptRisk(SecurityRisk.WritableDockerSocket, \"why\").");
            }
            else if (HostRisks.IsDaemonSocket(source))
            {
                yield return new Finding(SecurityRisk.DaemonSocket, RuleIds.DaemonSocket, mount.Location,
                    $"Service '{service.Name}' mounts the daemon socket {source}; even read-only it reveals every container's environment. " +
                    "State why with .AcceptRisk(SecurityRisk.DaemonSocket, \"why\"), or remove the mount.");
            }
        }
    }

    private static IEnumerable<Finding> HostPrivileges(Service service)
    {
        var privileges = new List<string>();
        if (service.NetworkMode == NetworkMode.Host)
        {
            privileges.Add("the host's network (network_mode: host)");
        }

        if (service.ExtraFields.TryGetValue("privileged", out var privileged) && privileged is YamlScalar { Value: "true" })
        {
            privileges.Add("privileged: true");
        }

        foreach (var key in new[] { "pid", "ipc", "userns_mode", "uts" })
        {
            if (service.ExtraFields.TryGetValue(key, out var value) && value is YamlScalar { Value: "host" })
            {
                privileges.Add($"the host's {key} namespace ({key}: host)");
            }
        }

        if (privileges.Count > 0)
        {
            yield return new Finding(SecurityRisk.HostPrivilege, RuleIds.HostPrivilege, service.Location,
                $"Service '{service.Name}' uses {string.Join(" and ", privileges)}, which removes the container's isolation from the host. " +
                "Drop it, or .AcceptRisk(SecurityRisk.HostPrivilege, \"why\").");
        }
    }

    private static IEnumerable<Finding> Capabilities(Service service)
    {
        var dangerous = service.CapAdd.Where(HostRisks.IsDangerousCapability).ToList();
        if (dangerous.Count > 0)
        {
            yield return new Finding(SecurityRisk.DangerousCapability, RuleIds.DangerousCapability, service.Location,
                $"Service '{service.Name}' adds {string.Join(", ", dangerous)}, close to root on the host. " +
                "Add only the narrow capability the service needs, or .AcceptRisk(SecurityRisk.DangerousCapability, \"why\").");
        }
    }

    private static IEnumerable<Finding> Ports(Service service)
    {
        var published = service.Ports.Where(p => p.Published is not null).ToList();
        if (published.Count > 0 && ImageOf(service) is { } image && HostRisks.IsDatabaseImage(image))
        {
            yield return new Finding(SecurityRisk.DatabasePortPublished, RuleIds.DatabasePortPublished, service.Location,
                $"Service '{service.Name}' runs a database ({image.Name}) and publishes {string.Join(", ", published.Select(p => p.ToShortSyntax()))} on the host. " +
                "Other services reach it over a stack network; remove the port, or .AcceptRisk(SecurityRisk.DatabasePortPublished, \"why\").");
        }

        var open = published.Where(p => p.HostIp is null || p.HostIp.Equals(IPAddress.Any) || p.HostIp.Equals(IPAddress.IPv6Any)).ToList();
        if (open.Count > 0)
        {
            yield return new Finding(SecurityRisk.PortOnAllInterfaces, RuleIds.PortOnAllInterfaces, service.Location,
                $"Service '{service.Name}' publishes {string.Join(", ", open.Select(p => p.ToShortSyntax()))} on every host interface. " +
                "Bind it to one address (hostIp: IPAddress.Loopback for local use), or .AcceptRisk(SecurityRisk.PortOnAllInterfaces, \"why\") for a port meant for the internet.");
        }
    }

    private static IEnumerable<Finding> Image(Service service)
    {
        if (ImageOf(service) is { IsUnpinned: true } image)
        {
            var what = image.Tag is null ? "has no tag" : $"uses the moving tag '{image.Tag}'";
            yield return new Finding(SecurityRisk.UnpinnedImage, RuleIds.UnpinnedImage, service.Location,
                $"Service '{service.Name}' image {image.Repository} {what}, so each pull may run different code. " +
                "Pin a version tag (or a digest), or .AcceptRisk(SecurityRisk.UnpinnedImage, \"why\").");
        }
    }

    // Images built from variables are left alone: their value is only known on the server.
    private static ImageReference? ImageOf(Service service) =>
        service.Image is { IsLiteral: true } image ? ImageReference.Parse(image.ToCompose()) : null;

    private sealed record Finding(SecurityRisk Risk, string Id, SourceLocation Location, string Message)
    {
        public StackDiagnostic Diagnostic => new(Id, Message, Location);
    }
}
