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
        else if (stack.Name.Length > DnsLabel)
        {
            yield return TooLong("project name", stack.Name, stack.Location, "Compose names every container <project>-<service>-1, a name Docker's DNS answers on the stack's networks");
        }

        foreach (var service in stack.Services)
        {
            if (!Text.NameGrammar.Resource.Matches(service.Name))
            {
                yield return Invalid("service name", service.Name, service.Location, ResourceRule);
            }
            else if (service.Name.Length > DnsLabel)
            {
                yield return TooLong("service name", service.Name, service.Location, "the service name is the host name other containers resolve it by");
            }

            foreach (var alias in service.Networks.SelectMany(a => a.Aliases).Where(a => !Text.NameGrammar.Host.Matches(a) || a.Split('.').Any(label => label.Length > DnsLabel)))
            {
                yield return Invalid($"network alias of service '{service.Name}'", alias, service.Location, $"a host name: letters, digits, '_', '.' and '-', not starting or ending with '.' or '-', each dot-separated label at most {DnsLabel} characters (Docker's DNS answers it)");
            }

            // The text as written in C# (compose's own form doubles a '$'), judged and shown.
            if (service.ContainerName is { IsLiteral: true } containerName && Text.TextInventory.Literal(containerName) is var written && !Text.NameGrammar.Container.Matches(written))
            {
                yield return Invalid($"container name of service '{service.Name}'", written, service.Location, "letters, digits, '_', '.' and '-', starting with a letter or digit, at least two characters");
            }

            // The kernel's sethostname takes at most 64 bytes (HOST_NAME_MAX): runc fails the start ("sethostname: invalid argument").
            if (service.Hostname is { IsLiteral: true } hostname && Text.TextInventory.Literal(hostname) is var host && System.Text.Encoding.UTF8.GetByteCount(host) > HostNameMax)
            {
                yield return new StackDiagnostic(RuleIds.InvalidName,
                    $"The hostname of service '{service.Name}' '{Text.TextRules.Visible(host, 40)}' is {System.Text.Encoding.UTF8.GetByteCount(host)} bytes long: the kernel sets a container's host name of at most {HostNameMax} bytes, so the container would fail to start (\"sethostname: invalid argument\"). Use a host name of at most {HostNameMax} bytes in .WithHostname(...), or leave it out (other containers reach the service by its name).",
                    service.Location);
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
                    yield return Invalid($"middleware of router '{router.Name}'", middleware.Reference, middleware.Location.Or(router.Location), TraefikRule);
                }
            }

            foreach (var middleware in service.DefinedMiddlewares.Where(m => !Text.NameGrammar.Traefik.Matches(m.Name)))
            {
                yield return Invalid($"middleware defined by the labels of service '{service.Name}'", middleware.Name, middleware.Location.Or(service.Location), TraefikRule);
            }

            foreach (var router in service.Routers)
            {
                foreach (var entryPoint in router.EntryPoints.Where(e => !Text.NameGrammar.Traefik.Matches(e.Name) && stack.Traefik?.EntryPoints.Contains(e) != true))
                {
                    yield return Invalid($"entrypoint of router '{router.Name}'", entryPoint.Name, entryPoint.Location.Or(router.Location), TraefikRule);
                }

                if (router.CertResolver is { } resolver && !Text.NameGrammar.Traefik.Matches(resolver.Name))
                {
                    yield return Invalid($"certificate resolver of router '{router.Name}'", resolver.Name, resolver.Location.Or(router.Location), TraefikRule);
                }

                if (router.TlsOptions is { } options && !TraefikReference(options))
                {
                    yield return Invalid($"TLS options of router '{router.Name}'", options, router.Location, TraefikRule + ", optionally followed by '@' and a provider of the same grammar");
                }
            }
        }

        foreach (var finding in TraefikNames(stack))
        {
            yield return finding;
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

    /// <summary>The names the proxy writes into Traefik's static and dynamic files: entrypoints, resolvers, every middleware used or defined.</summary>
    private static IEnumerable<StackDiagnostic> TraefikNames(ComposeStack stack)
    {
        if (stack.Traefik is not { } proxy)
        {
            yield break;
        }

        foreach (var entryPoint in proxy.EntryPoints.Where(e => !Text.NameGrammar.Traefik.Matches(e.Name)))
        {
            yield return Invalid("Traefik entrypoint name", entryPoint.Name, entryPoint.Location.Or(proxy.Location), TraefikRule);
        }

        foreach (var resolver in proxy.CertResolvers.Where(r => !Text.NameGrammar.Traefik.Matches(r.Name)))
        {
            yield return Invalid("Traefik certificate resolver name", resolver.Name, resolver.Location.Or(proxy.Location), TraefikRule);
        }

        // Routers' own middlewares are judged at the router; these are the entrypoints', the extras and chain members.
        var routed = stack.Services.SelectMany(s => s.Routers).SelectMany(r => r.Middlewares).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var middleware in Generation.Traefik.TraefikWiring.UsedMiddlewares(stack, proxy).Where(m => !routed.Contains(m)).DistinctBy(m => m.Reference, StringComparer.Ordinal))
        {
            if (!Text.NameGrammar.Traefik.Matches(middleware.Name) || !Text.NameGrammar.Traefik.Matches(middleware.Provider))
            {
                yield return Invalid("Traefik middleware", middleware.Reference, middleware.Location.Or(proxy.Location), TraefikRule);
            }
        }
    }

    private static bool TraefikReference(string reference) =>
        reference.Split('@') is var parts && parts.Length <= 2 && parts.All(Text.NameGrammar.Traefik.Matches);

    /// <summary>The longest host name the kernel sets (HOST_NAME_MAX).</summary>
    private const int HostNameMax = 64;

    /// <summary>A DNS label's longest length (RFC 1035): a name Docker's DNS answers.</summary>
    private const int DnsLabel = 63;

    private const string ResourceRule = "letters, digits, '.', '_' and '-', starting with a letter or digit";

    private const string TraefikRule =
        "letters, digits, '_' and '-', as Traefik reads a name: it splits a reference at '@' (name@provider), a router's list of middlewares or entrypoints at ',', a label's path at '.', and reads its dynamic file as a Go template, so '{{' starts an action";

    private static StackDiagnostic Invalid(string what, string name, SourceLocation location, string rule) =>
        new(RuleIds.InvalidName, $"The {what} '{Text.TextRules.Visible(name)}' is not valid: use only {rule}. Rename it in the C# definition{Suggestion(name, rule)}.", location);

    private static StackDiagnostic TooLong(string what, string name, SourceLocation location, string why) =>
        new(RuleIds.InvalidName, $"The {what} '{Text.TextRules.Visible(name, 40)}' is {name.Length} characters long: {why}, and a DNS label holds at most {DnsLabel}. Use a name of at most {DnsLabel} characters, such as '{name[..DnsLabel].TrimEnd('-', '_', '.')}'.", location);

    /// <summary>", for example 'gz-docker'": the name with every character the grammar refuses replaced by '-', when that leaves a name.</summary>
    private static string Suggestion(string name, string rule)
    {
        if (rule != TraefikRule)
        {
            return string.Empty;
        }

        var fixedName = new string([.. name.Select(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' ? c : '-')]).Trim('-');
        return fixedName.Length > 0 && fixedName.Any(char.IsLetterOrDigit) ? $", for example '{fixedName}'" : string.Empty;
    }
}
