using System.Text.RegularExpressions;
using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>STK0201: names must match what compose, Docker and Traefik accept.</summary>
internal static partial class NameRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack)
    {
        if (!ProjectName().IsMatch(stack.Name))
        {
            yield return Invalid("project name", stack.Name, stack.Location, "lowercase letters, digits, '-' and '_', starting with a letter or digit");
        }

        foreach (var service in stack.Services)
        {
            if (!ResourceName().IsMatch(service.Name))
            {
                yield return Invalid("service name", service.Name, service.Location, ResourceRule);
            }

            // The text as written in C# (compose's own form doubles a '$'), judged and shown.
            if (service.ContainerName is { IsLiteral: true } containerName && Text.TextInventory.Literal(containerName) is var written && !ContainerName().IsMatch(written))
            {
                yield return Invalid($"container name of service '{service.Name}'", written, service.Location, "letters, digits, '_', '.' and '-', starting with a letter or digit, at least two characters");
            }

            foreach (var router in RouterSite.Layer4(service).Where(r => !TraefikName().IsMatch(r.Name)))
            {
                yield return Invalid("Traefik router name", router.Name, router.Location, TraefikRule);
            }

            foreach (var router in service.Routers)
            {
                if (!TraefikName().IsMatch(router.Name))
                {
                    yield return Invalid("Traefik router name", router.Name, router.Location, TraefikRule);
                }

                if (router.Service is { Provider: null } target && target.Name != router.Name && !TraefikName().IsMatch(target.Name))
                {
                    yield return Invalid($"Traefik service of router '{router.Name}'", target.Name, router.Location, TraefikRule);
                }
            }
        }

        foreach (var network in StackResourcesOf.Networks(stack))
        {
            if (!ResourceName().IsMatch(network.Name))
            {
                yield return Invalid("network name", network.Name, network.Location, ResourceRule);
            }
        }

        foreach (var volume in StackResourcesOf.Volumes(stack))
        {
            if (!ResourceName().IsMatch(volume.Name))
            {
                yield return Invalid("volume name", volume.Name, volume.Location, ResourceRule);
            }
        }

        foreach (var secret in stack.Secrets)
        {
            if (!ResourceName().IsMatch(secret.Name))
            {
                yield return Invalid("secret name", secret.Name, secret.Location, ResourceRule);
            }
        }

        foreach (var config in stack.Configs)
        {
            if (!ResourceName().IsMatch(config.Name))
            {
                yield return Invalid("config name", config.Name, config.Location, ResourceRule);
            }
        }
    }

    private const string ResourceRule = "letters, digits, '.', '_' and '-'";
    private const string TraefikRule = "letters, digits, '_' and '-' (a '.' would split the label path)";

    private static StackDiagnostic Invalid(string what, string name, SourceLocation location, string rule) =>
        new(RuleIds.InvalidName, $"The {what} '{Text.TextRules.Visible(name)}' is not valid: use only {rule}.", location);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectName();

    [GeneratedRegex("^[a-zA-Z0-9._-]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceName();

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerName();

    [GeneratedRegex("^[a-zA-Z0-9_-]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex TraefikName();
}
