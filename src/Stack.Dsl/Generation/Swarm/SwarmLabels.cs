using System.Text.RegularExpressions;
using Stack.Dsl.Compose;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Yaml.YamlValue;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// Traefik's swarm provider reads the service's labels (<c>deploy.labels</c>), not the
/// container's; it cannot find a task's port by itself, so every HTTP service needs
/// <c>loadbalancer.server.port</c>; and a middleware or service defined by labels is
/// <c>name@swarm</c> there, not <c>name@docker</c>. Other labels stay on the containers (a
/// container label such as <c>com.docker.keep-container</c> is read from the container). The
/// service's network label is <c>traefik.swarm.network</c> for a proxy that reads it (<see cref="TraefikLabelPrefix"/>).
/// </summary>
internal static partial class SwarmLabels
{
    private const string Placeholder = "swarm-placeholder";

    public static (YamlMapping? Container, IReadOnlyList<YamlEntry> Deploy) Split(Service service, YamlMapping? labels, SwarmContext context)
    {
        if (labels is null)
        {
            return (null, []);
        }

        var container = labels.Entries.Where(e => !IsTraefik(e.Key)).ToList();
        var deploy = labels.Entries.Where(e => IsTraefik(e.Key)).Select(e => new YamlEntry(TraefikLabelPrefix.Rename(e.Key, context.TraefikPrefix), WithSwarmProvider(e.Value))).ToList();
        var routers = deploy.Select(e => HttpRouter().Match(e.Key)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        var hasPort = deploy.Any(e => e.Key.StartsWith("traefik.http.services.", StringComparison.Ordinal) && e.Key.EndsWith(".loadbalancer.server.port", StringComparison.Ordinal));
        if (routers.Count > 0 && !hasPort)
        {
            var unnamed = routers.Where(r => !deploy.Any(e => e.Key == $"traefik.http.routers.{r}.service")).ToList();
            if (unnamed.Count > 0)
            {
                // At the router's new Router(...) when the model has it (not a hand-written label).
                var router = service.Routers.FirstOrDefault(r => r.Name == unnamed[0]);
                context.Refuse(router?.Location ?? service.Location, $"Service '{service.Name}': router '{unnamed[0]}' has no port, and Traefik's swarm provider cannot find one by itself (it skips the whole service). Give the router its port: .WithPort(8080) on the router.");
            }
            else
            {
                // Every router names its own service (api@internal, a file service): Traefik still
                // builds a default service for the task and skips the task when that one has no port.
                deploy.Add(new($"traefik.http.services.{service.Name}-{Placeholder}.loadbalancer.server.port", Text("1")));
            }
        }

        deploy.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return (container.Count == 0 ? null : new YamlMapping([.. container]), deploy);
    }

    /// <summary>The dynamic file's references to label-defined objects, for the swarm provider.</summary>
    /// <remarks>
    /// Each match replaced in a loop, not <c>Regex.Replace</c>: that one runs generic code over
    /// structs, compiled at start-up.
    /// </remarks>
    public static string WithSwarmProvider(string text)
    {
        var swarm = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        foreach (var match in DockerSuffix().EnumerateMatches(text))
        {
            swarm.Append(text, copied, match.Index - copied).Append("@swarm");
            copied = match.Index + match.Length;
        }

        return swarm.Append(text, copied, text.Length - copied).ToString();
    }

    private static YamlValue WithSwarmProvider(YamlValue value) =>
        value is YamlScalar { Composed: { } composed } scalar && composed.IsLiteral && scalar.Value.Contains("@docker", StringComparison.Ordinal)
            ? Text(WithSwarmProvider(scalar.Value)) with { AlwaysQuoted = scalar.AlwaysQuoted }
            : value;

    private static bool IsTraefik(string key) => key.StartsWith("traefik.", StringComparison.Ordinal);

    [GeneratedRegex(@"^traefik\.http\.routers\.([^.]+)\.")]
    private static partial Regex HttpRouter();

    // The name before it as a lookbehind, so the search starts from the literal "@docker": a
    // leading character class is searched with vectorised generic code no precompiled image holds.
    [GeneratedRegex(@"(?<=[A-Za-z0-9_-])@docker\b")]
    private static partial Regex DockerSuffix();
}
