using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>STK0201: names must match what compose, Docker and Traefik accept.</summary>
internal static class NameRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack)
    {
        if (!Text.NameGrammar.Project.Matches(stack.Name))
        {
            yield return Invalid("project name", stack.Name, stack.Location, "lowercase letters, digits, '-' and '_', starting with a letter or digit");
        }

        foreach (var service in stack.Services)
        {
            if (!Text.NameGrammar.Resource.Matches(service.Name))
            {
                yield return Invalid("service name", service.Name, service.Location, ResourceRule);
            }

            // The text as written in C# (compose's own form doubles a '$'), judged and shown.
            if (service.ContainerName is { IsLiteral: true } containerName && Text.TextInventory.Literal(containerName) is var written && !Text.NameGrammar.Container.Matches(written))
            {
                yield return Invalid($"container name of service '{service.Name}'", written, service.Location, "letters, digits, '_', '.' and '-', starting with a letter or digit, at least two characters");
            }

            foreach (var router in RouterSite.Layer4(service).Where(r => !Text.NameGrammar.Traefik.Matches(r.Name)))
            {
                yield return Invalid("Traefik router name", router.Name, router.Location, TraefikRule);
            }

            foreach (var router in service.Routers)
            {
                if (!Text.NameGrammar.Traefik.Matches(router.Name))
                {
                    yield return Invalid("Traefik router name", router.Name, router.Location, TraefikRule);
                }

                if (router.Service is { Provider: null } target && target.Name != router.Name && !Text.NameGrammar.Traefik.Matches(target.Name))
                {
                    yield return Invalid($"Traefik service of router '{router.Name}'", target.Name, router.Location, TraefikRule);
                }

                // A reference is name@provider in a comma-joined label: '@', ',' or '.' in either part would change what Traefik looks up.
                foreach (var middleware in router.Middlewares.Where(m => !Text.NameGrammar.Traefik.Matches(m.Name) || !Text.NameGrammar.Traefik.Matches(m.Provider)))
                {
                    yield return Invalid($"middleware of router '{router.Name}'", middleware.Reference, router.Location, TraefikRule);
                }
            }

            foreach (var middleware in service.DefinedMiddlewares.Where(m => !Text.NameGrammar.Traefik.Matches(m.Name)))
            {
                yield return Invalid($"middleware defined by the labels of service '{service.Name}'", middleware.Name, service.Location, TraefikRule);
            }
        }

        foreach (var network in StackResourcesOf.Networks(stack))
        {
            if (!Text.NameGrammar.Resource.Matches(network.Name))
            {
                yield return Invalid("network name", network.Name, network.Location, ResourceRule);
            }
        }

        foreach (var volume in StackResourcesOf.Volumes(stack))
        {
            if (!Text.NameGrammar.Resource.Matches(volume.Name))
            {
                yield return Invalid("volume name", volume.Name, volume.Location, ResourceRule);
            }
        }

        foreach (var secret in stack.Secrets)
        {
            if (!Text.NameGrammar.Resource.Matches(secret.Name))
            {
                yield return Invalid("secret name", secret.Name, secret.Location, ResourceRule);
            }
        }

        foreach (var config in stack.Configs)
        {
            if (!Text.NameGrammar.Resource.Matches(config.Name))
            {
                yield return Invalid("config name", config.Name, config.Location, ResourceRule);
            }
        }
    }

    private const string ResourceRule = "letters, digits, '.', '_' and '-'";
    private const string TraefikRule = "letters, digits, '_' and '-' (a '.' would split the label path)";

    private static StackDiagnostic Invalid(string what, string name, SourceLocation location, string rule) =>
        new(RuleIds.InvalidName, $"The {what} '{Text.TextRules.Visible(name)}' is not valid: use only {rule}.", location);
}
