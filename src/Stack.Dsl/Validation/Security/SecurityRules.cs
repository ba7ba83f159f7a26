using System.Net;
using Stack.Dsl.Compose;
using Stack.Dsl.Locations;
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
    /// <param name="stack">The stack.</param>
    /// <param name="inventory">Its texts (<see cref="Text.TextInventory"/>), walked once for every rule that reads them.</param>
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack, IEnumerable<Text.TextField> inventory)
    {
        var texts = inventory.ToLookup(t => t.Owner, StringComparer.Ordinal);
        var onSwarm = stack.Targets.Includes(DeployTarget.Swarm);
        return stack.Services.SelectMany(service => Check(service, texts[$"Service '{service.Name}'"], onSwarm).Select(d => d with { AddedAt = stack.Joins.Of(service) }))
            .Concat(SecretLiterals.InVariables(stack))
            .Concat(SecretLiterals.InResources(stack, inventory))
            .Concat(StackResourcesOf.Networks(stack).Cast<ComposeResource>().Concat(StackResourcesOf.Volumes(stack)).SelectMany(ImportedRisks));
    }

    /// <summary>Each literal secret a network or volume holds without accepting it, by the name it is accepted by (what the importer accepts).</summary>
    internal static IEnumerable<(ComposeResource Resource, string Subject)> UnacceptedInResources(ComposeStack stack) =>
        SecretLiterals.UnacceptedInResources(stack, Text.TextInventory.Of(stack));

    /// <summary>
    /// Each risk (STK0100-STK0107) a service takes without accepting it: what <see cref="Check(ComposeStack, IEnumerable{Text.TextField})"/>
    /// reports, as the service, the risk and, for a literal secret, what holds it. The importer
    /// accepts exactly these (docs/import.md), so its acceptances cannot drift from the rules.
    /// </summary>
    internal static IEnumerable<(string Service, SecurityRisk Risk, string? Subject)> Unaccepted(ComposeStack stack)
    {
        var texts = Text.TextInventory.Of(stack).ToLookup(t => t.Owner, StringComparer.Ordinal);
        var onSwarm = stack.Targets.Includes(DeployTarget.Swarm);
        return stack.Services.SelectMany(service => Unaccepted(service, texts[$"Service '{service.Name}'"], onSwarm).Select(f => (service.Name, f.Risk, f.Subject)));
    }

    private static IEnumerable<StackDiagnostic> Check(Service service, IEnumerable<Text.TextField> texts, bool onSwarm) =>
        Unaccepted(service, texts, onSwarm).Select(f => f.Diagnostic).Concat(ImportedRisks(service));

    // onSwarm: whether the stack's targets include Swarm, where STK0106's fix is another (SecurityPolicy.AllInterfacesAdvice).
    private static IEnumerable<Finding> Unaccepted(Service service, IEnumerable<Text.TextField> texts, bool onSwarm)
    {
        var findings = SecretLiterals.In(service, texts).Select(found => new Finding(SecurityRisk.LiteralSecret, SecurityPolicy.LiteralSecret, found.At is { } at ? service.At(at) : EnvironmentSite(service, found.Subject), service.Name, found.What) { Subject = found.Subject })
            .Concat(Sockets(service))
            .Concat(HostPrivileges(service))
            .Concat(Capabilities(service))
            .Concat(Ports(service, onSwarm))
            .Concat(Image(service));
        return findings.Where(f => SecurityPolicy.Fires(Fact.Yes, FactLogic.Of(service.Accepts(f.Risk, f.Subject))) == Fact.Yes);
    }

    /// <summary>STK0108: each risk still accepted with the import's reason, a warning at the line that accepts it.</summary>
    private static IEnumerable<StackDiagnostic> ImportedRisks(Service service)
    {
        foreach (var accepted in service.AcceptedRisks)
        {
            if (SecurityPolicy.IsImportedReason(accepted.Reason))
            {
                var what = accepted.Subject is { } subject ? $"the literal value of {subject}" : $"SecurityRisk.{accepted.Risk}";
                yield return new StackDiagnostic(RuleIds.ImportedRiskNotReviewed, SecurityPolicy.ImportedRiskNotReviewed.Format($"Service '{service.Name}'", what), accepted.Location.IsKnown ? accepted.Location : service.Location)
                {
                    Severity = DiagnosticSeverity.Warning,
                };
            }
        }
    }

    /// <summary>STK0108 on a network or volume: each literal secret still accepted with the import's reason.</summary>
    private static IEnumerable<StackDiagnostic> ImportedRisks(ComposeResource resource)
    {
        foreach (var accepted in resource.AcceptedRisks)
        {
            if (SecurityPolicy.IsImportedReason(accepted.Reason))
            {
                yield return new StackDiagnostic(RuleIds.ImportedRiskNotReviewed, SecurityPolicy.ImportedRiskNotReviewed.Format($"{resource.GetType().Name} '{resource.Name}'", $"the literal value of {accepted.Subject}"), accepted.Location.IsKnown ? accepted.Location : resource.Location)
                {
                    Severity = DiagnosticSeverity.Warning,
                };
            }
        }
    }

    private static IEnumerable<Finding> Sockets(Service service)
    {
        if (service.UseApiSocket == true)
        {
            yield return new Finding(SecurityRisk.WritableDockerSocket, SecurityPolicy.WritableDockerSocket, service.Location, service.Name, "the Docker socket /var/run/docker.sock (through use_api_socket: true)");
        }

        foreach (var mount in service.Volumes.OfType<BindMount>())
        {
            if (mount.Source is not AbsoluteHostPath { Path: { IsLiteral: true } path })
            {
                continue;
            }

            var source = path.ToCompose();
            if (HostRisks.IsDockerSocket(source) && !mount.ReadOnly)
            {
                yield return new Finding(SecurityRisk.WritableDockerSocket, SecurityPolicy.WritableDockerSocket, service.At(mount.Location), service.Name, HostRisks.DescribeSocketMount(source, docker: true));
            }
            else if (HostRisks.IsDaemonSocket(source))
            {
                yield return new Finding(SecurityRisk.DaemonSocket, SecurityPolicy.DaemonSocket, service.At(mount.Location), service.Name, HostRisks.DescribeSocketMount(source, docker: HostRisks.IsDockerSocket(source)));
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

        // Typed fields, and the escape hatch's map set directly (`with { ExtraFields = ... }` bypasses WithField's refusal).
        if (service.Privileged == true || service.ExtraFields.TryGetValue("privileged", out var privileged) && privileged is YamlScalar { Value: "true" })
        {
            privileges.Add("privileged: true");
        }

        foreach (var (key, mode) in new[] { ("pid", service.Pid), ("ipc", service.Ipc), ("userns_mode", service.UsernsMode), ("uts", service.Uts) })
        {
            if (mode == NamespaceMode.Host || service.ExtraFields.TryGetValue(key, out var value) && value is YamlScalar { Value: "host" })
            {
                privileges.Add($"the host's {key} namespace ({key}: host)");
            }
        }

        // The host's memory, disks or every device, mapped in or allowed by a cgroup rule.
        privileges.AddRange(service.Devices.Select(d => HostDevices.Exposes(d.HostPath)).Concat(service.DeviceCgroupRules.Select(HostDevices.Allows)).OfType<string>());

        // Isolation switched off by a security option, typed or through the escape hatch's map.
        var extraOptions = service.ExtraFields.TryGetValue("security_opt", out var extra) && extra is YamlSequence sequence
            ? sequence.Items.OfType<YamlScalar>().Select(s => s.Value)
            : [];
        // Isolation switched off by a typed option alone: reported at the WithSecurityOpt call that added the first such option.
        var location = privileges.Count == 0 && service.SecurityOpt.FirstOrDefault(o => IsolationOptions.SwitchedOff(o) is not null) is { } first
            ? service.At(service.Sites.Item(ServiceSites.ListKind.SecurityOpt, first))
            : service.Location;
        privileges.AddRange(service.SecurityOpt.Concat(extraOptions).Select(IsolationOptions.SwitchedOff).OfType<string>().Distinct(StringComparer.Ordinal));

        if (privileges.Count > 0)
        {
            yield return new Finding(SecurityRisk.HostPrivilege, SecurityPolicy.HostPrivilege, location, service.Name, string.Join(" and ", privileges));
        }
    }

    private static IEnumerable<Finding> Capabilities(Service service)
    {
        var dangerous = service.CapAdd.Where(HostRisks.IsDangerousCapability).ToList();
        if (dangerous.Count > 0)
        {
            yield return new Finding(SecurityRisk.DangerousCapability, SecurityPolicy.DangerousCapability, service.At(service.Sites.Item(ServiceSites.ListKind.CapAdd, dangerous[0])), service.Name, string.Join(", ", dangerous));
        }
    }

    private static IEnumerable<Finding> Ports(Service service, bool onSwarm)
    {
        var published = service.Ports.Where(p => p.Published is not null).ToList();
        if (published.Count > 0 && ImageOf(service) is { } image && HostRisks.IsDatabaseImage(image))
        {
            yield return new Finding(SecurityRisk.DatabasePortPublished, SecurityPolicy.DatabasePortPublished, PortSite(service, published), service.Name, image.Name, Ports(published));
        }

        var open = published.Where(p => p.HostIp is null || p.HostIp.Equals(IPAddress.Any) || p.HostIp.Equals(IPAddress.IPv6Any)).ToList();
        if (open.Count > 0)
        {
            yield return new Finding(SecurityRisk.PortOnAllInterfaces, SecurityPolicy.PortOnAllInterfaces, PortSite(service, open), service.Name, Ports(open), SecurityPolicy.AllInterfacesAdvice(service.Name, onSwarm));
        }
    }

    private static IEnumerable<Finding> Image(Service service)
    {
        // An image the stack builds (build: with image: naming the result) is not pulled.
        if (service.Build is null && ImageOf(service) is { IsUnpinned: true } image)
        {
            yield return new Finding(SecurityRisk.UnpinnedImage, SecurityPolicy.UnpinnedImage, service.At(service.Sites.Image(service.Image)), service.Name, image.Repository, image.TagProblem);
        }
    }

    // Images built from variables are left alone: their value is only known on the server.
    private static ImageReference? ImageOf(Service service) =>
        service.Image is { IsLiteral: true } image && !string.IsNullOrWhiteSpace(image.ToCompose()) ? ImageReference.Parse(image.ToCompose()) : null;

    // A finding is reported at the call that wrote the value: the WithEnvironment of that variable
    // (a subject that is no variable stays at the service), the WithPort of the first port named.
    // An escape-hatch field's, the WithField that set it.
    private static SourceLocation EnvironmentSite(Service service, string? name) =>
        name is not null && service.Environment.TryGetValue(name, out var value) ? service.At(service.Sites.Environment(name, value))
        : name is not null && service.ExtraFields.TryGetValue(name, out var field) ? service.At(service.FieldSites.Of(name, field))
        : service.Location;

    private static SourceLocation PortSite(Service service, List<PortMapping> ports) => service.At(service.Sites.Port(ports[0]));

    private static string Ports(IEnumerable<PortMapping> ports) => string.Join(", ", ports.Select(p => p.ToShortSyntax()));

    private sealed class Finding(SecurityRisk risk, RuleText rule, SourceLocation location, params object[] arguments)
    {
        public SecurityRisk Risk => risk;

        /// <summary>For a literal secret, what holds it, as <see cref="Service.AcceptLiteralSecret"/> names it.</summary>
        public string? Subject { get; init; }

        public StackDiagnostic Diagnostic => new(rule.Id, rule.Format(arguments), location);
    }
}
