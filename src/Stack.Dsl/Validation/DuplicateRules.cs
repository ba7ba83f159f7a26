using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Traefik;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>
/// STK0202: one name, one thing. Names that differ only in case are one name where Docker's DNS
/// (services, container names) or Traefik (routers) reads them.
/// </summary>
internal static class DuplicateRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack)
    {
        foreach (var group in Repeats(stack.Services, s => s.Name, StringComparer.OrdinalIgnoreCase))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                yield return Duplicate(other.Name == first.Name
                    ? $"Service '{other.Name}' is added to the stack twice (first at {first.Location}). Add each service once; derive variants under a new name."
                    : $"Services '{first.Name}' ({first.Location}) and '{other.Name}' differ only in case, and Docker's DNS reads them as one host name. Rename one.", other.Location);
            }
        }

        // A service added twice repeats its container name too; that is reported above, not here.
        var literalContainers = Repeats(stack.Services.Where(s => s.ContainerName is { IsLiteral: true }), s => s.ContainerName!.ToString(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1);
        foreach (var group in literalContainers)
        {
            var first = group.First();
            foreach (var other in group.Skip(1).Where(s => !string.Equals(s.Name, first.Name, StringComparison.OrdinalIgnoreCase)))
            {
                yield return Duplicate($"Services '{first.Name}' and '{other.Name}' both use container name '{other.ContainerName}' (names differing only in case are one to Docker's DNS); Docker allows one container per name. Rename one.", other.Location);
            }
        }

        foreach (var d in SameNameDifferentSettings(StackResources.AllNetworks(stack), n => n.Name, n => n.Location, TopLevelYaml.Network, "network"))
        {
            yield return d;
        }

        foreach (var d in SameNameDifferentSettings(StackResources.AllVolumes(stack), v => v.Name, v => v.Location, TopLevelYaml.Volume, "volume"))
        {
            yield return d;
        }

        // A form (${NAME:-x}) is how one use reads the variable, not another declaration.
        foreach (var group in Repeats(stack.Variables, v => v.Name).Where(g => g.Select(v => (v.Description, v.Default, v.IsSecret)).Distinct().Count() > 1))
        {
            yield return Duplicate($"Variable '{group.Key}' is declared twice with different descriptions, defaults or secrecy. Declare it once and use that object everywhere.", group.Last().Location.Or(stack.Location));
        }

        foreach (var d in Repeated(stack.Secrets, s => s.Name, s => s.Location, "secret"))
        {
            yield return d;
        }

        foreach (var d in Repeated(stack.Configs, c => c.Name, c => c.Location, "config"))
        {
            yield return d;
        }

        var routers = stack.Services.SelectMany(s => s.Routers.Select(r => new RouterOnService(s, r)));
        foreach (var group in Repeats(routers, p => p.Router.Name, StringComparer.OrdinalIgnoreCase))
        {
            var first = group.First();
            foreach (var (service, router) in group.Skip(1))
            {
                yield return Duplicate($"Traefik router '{router.Name}' on service '{service.Name}' is already defined on service '{first.Service.Name}' ({first.Router.Location}); Traefik rejects both. Give each router its own name.", router.Location);
            }
        }

        foreach (var service in stack.Services)
        {
            foreach (var group in service.ExtraHosts.GroupBy(h => h.HostName, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                yield return Duplicate($"Service '{service.Name}' maps extra host '{group.Key}' {group.Count()} times; keep one address per host name.", service.Location);
            }

            var loadBalancers = service.Routers.Select(r => r.Service).OfType<TraefikService>().Where(s => s.Provider is null);
            foreach (var group in loadBalancers.GroupBy(s => s.Name, StringComparer.Ordinal))
            {
                // Ports as text, not ints: Distinct over int is compiled at start-up (no ReadyToRun code for it).
                var ports = new List<string>();
                foreach (var balancer in group)
                {
                    var port = balancer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (!ports.Contains(port))
                    {
                        ports.Add(port);
                    }
                }

                if (ports.Count > 1)
                {
                    yield return Duplicate($"Service '{service.Name}' forwards Traefik service '{group.Key}' to different ports ({string.Join(", ", ports)}); one Traefik service has one port. Use one TraefikService object for routers that share it.", service.Location);
                }
                else if (group.Skip(1).Any(other => other != group.First()))
                {
                    yield return Duplicate($"Service '{service.Name}' gives Traefik service '{group.Key}' different settings (scheme, health check, stickiness) in different routers; only one would apply. Use one TraefikService object for routers that share it.", service.Location);
                }
            }
        }
    }

    /// <summary>A router and the service carrying it (a class: see YamlEntry on start-up cost).</summary>
    private sealed record RouterOnService(Service Service, Router Router);

    /// <summary>
    /// Groups of items whose name occurs more than once, in first-seen order. Names are counted
    /// first, so a stack without duplicates builds no groups at all.
    /// </summary>
    private static IEnumerable<IGrouping<string, T>> Repeats<T>(IEnumerable<T> items, Func<T, string> name, StringComparer? comparer = null)
    {
        comparer ??= StringComparer.Ordinal;
        var all = items as IReadOnlyCollection<T> ?? items.ToList();
        var counts = new Dictionary<string, int>(comparer);
        foreach (var item in all)
        {
            var key = name(item);
            counts[key] = counts.TryGetValue(key, out var seen) ? seen + 1 : 1;
        }

        foreach (var count in counts.Values)
        {
            if (count > 1)
            {
                return all.Where(i => counts[name(i)] > 1).GroupBy(name, comparer);
            }
        }

        return [];
    }

    private static StackDiagnostic Duplicate(string message, SourceLocation location) => new(RuleIds.DuplicateName, message, location);

    private static IEnumerable<StackDiagnostic> SameNameDifferentSettings<T, TOut>(IEnumerable<T> items, Func<T, string> name, Func<T, SourceLocation> location, Func<T, TOut> settings, string kind)
        where T : notnull
    {
        foreach (var group in Repeats(items.Distinct(), name))
        {
            var first = group.First();
            foreach (var other in group.Skip(1).Where(o => !Equals(settings(o), settings(first))))
            {
                yield return Duplicate($"Two different {kind}s are named '{group.Key}' (the other at {location(first)}). Declare the {kind} once and share the object.", location(other));
            }
        }
    }

    private static IEnumerable<StackDiagnostic> Repeated<T>(IEnumerable<T> items, Func<T, string> name, Func<T, SourceLocation> location, string kind)
    {
        foreach (var group in Repeats(items, name))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                yield return Duplicate($"The {kind} '{group.Key}' is declared twice (first at {location(first)}). Declare it once.", location(other));
            }
        }
    }
}
