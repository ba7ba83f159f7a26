using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>
/// STK0206: services that wait on each other in a circle never start. Edges are depends_on,
/// network_mode: service:X and volumes_from (compose starts X first for all three).
/// </summary>
internal static class CycleRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack)
    {
        // Loops rather than LINQ: this runs on every generate, and each LINQ shape costs start-up time.
        var byName = new Dictionary<string, Service>(StringComparer.Ordinal);
        foreach (var service in stack.Services)
        {
            byName.TryAdd(service.Name, service);
        }

        var names = new List<string>(byName.Keys);
        names.Sort(StringComparer.Ordinal);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path; true: done
        var path = new List<Edge>();
        var reported = new HashSet<string>(StringComparer.Ordinal);

        // Visit in name order, edges in name order: the same cycle is reported the same way every time.
        foreach (var name in names)
        {
            foreach (var cycle in Visit(name))
            {
                yield return cycle;
            }
        }

        IEnumerable<StackDiagnostic> Visit(string name)
        {
            if (state.TryGetValue(name, out var done))
            {
                if (!done)
                {
                    var start = path.FindIndex(e => e.From == name);
                    var cycle = path.Skip(start).ToList();
                    var key = string.Join(",", cycle.Select(e => e.From).Order(StringComparer.Ordinal));
                    if (reported.Add(key))
                    {
                        yield return Describe(cycle);
                    }
                }

                yield break;
            }

            state[name] = false;
            foreach (var edge in EdgesOf(byName[name]).Where(e => byName.ContainsKey(e.To)))
            {
                path.Add(edge);
                foreach (var found in Visit(edge.To))
                {
                    yield return found;
                }

                path.RemoveAt(path.Count - 1);
            }

            state[name] = true;
        }
    }

    private static IEnumerable<Edge> EdgesOf(Service service)
    {
        var edges = service.Dependencies.Select(d => new Edge(service.Name, d.Target.Name, "depends on", d.Location.IsKnown ? d.Location : service.Location))
            .Concat(service.VolumesFrom.Select(v => new Edge(service.Name, v.Source.Name, "mounts the volumes of", v.Location.IsKnown ? v.Location : service.Location)));
        if (service.NetworkMode is ServiceNetworkMode shared)
        {
            edges = edges.Append(new Edge(service.Name, shared.Service.Name, "shares the network of", service.Location));
        }

        return edges.OrderBy(e => e.To, StringComparer.Ordinal);
    }

    private static StackDiagnostic Describe(List<Edge> cycle)
    {
        var steps = string.Join(", ", cycle.Select(e => $"'{e.From}' {e.Relation} '{e.To}'"));
        var circle = string.Join(" -> ", cycle.Select(e => e.From).Append(cycle[0].From));
        return new StackDiagnostic(
            RuleIds.DependencyCycle,
            $"Services wait on each other in a circle ({circle}): {steps}. Compose cannot start any of them; remove one of these dependencies.",
            cycle[0].Location);
    }

    private sealed record Edge(string From, string To, string Relation, SourceLocation Location);
}
