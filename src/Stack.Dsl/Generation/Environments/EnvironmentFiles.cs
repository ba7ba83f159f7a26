using Stack.Dsl.Compose;
using Stack.Dsl.Environments;
using Stack.Dsl.Generation.Traefik;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Generation.Environments;

/// <summary>
/// Renders a stack with environments: the shared base compose file, one <c>dc.NAME.yml</c>
/// override per environment, and Traefik's files (an environment whose Traefik config differs
/// from the definition's gets its own, <c>traefik.static.NAME.yml</c>, mounted by its override).
/// </summary>
internal static class EnvironmentFiles
{
    /// <summary>Each environment's stack: the definition with the environment applied.</summary>
    public static IReadOnlyList<ResolvedEnvironment> Resolve(ComposeStack definition)
    {
        var plain = definition with { Environments = [] };
        return [.. definition.Environments.Select(e => new ResolvedEnvironment(e, (e.Apply(plain)
            ?? throw new InvalidOperationException($"Environment '{e.Name}' ({e.Location}) returned no stack; its function must return the changed stack (for example stack => stack.MapServices(...)).")) with { Environments = [] }))];
    }

    public static RenderedEnvironments Render(
        ComposeStack definition,
        IReadOnlyList<ResolvedEnvironment> environments,
        GenerationOptions options,
        IReadOnlyList<string> header,
        Action<YamlScalar> collect,
        Action<StackEnvironment, YamlScalar>? collectOverride = null) // collects an override's scalars instead of collect
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var resolved = new List<NamedRenderer>();
        var definitionTraefik = TraefikWiring.Render(definition, header, collect: null);
        var documents = new List<YamlMapping>();
        foreach (var (environment, stack) in environments)
        {
            var names = TraefikFileNames.Default;
            if (TraefikWiring.Render(stack, header, collect) is { } traefik)
            {
                names = new TraefikFileNames(
                    traefik.Static == definitionTraefik?.Static ? TraefikWiring.StaticFileName : $"traefik.static.{environment.Name}.yml",
                    traefik.Dynamic == definitionTraefik?.Dynamic ? TraefikWiring.DynamicFileName : $"traefik.dynamic.{environment.Name}.yml");
                if (traefik.Static is { } staticConfig)
                {
                    files[names.Static] = staticConfig;
                }

                files[names.Dynamic] = traefik.Dynamic;
            }

            var document = YamlTree.Resolve(ComposeDocument.Build(stack, options, names));
            documents.Add(document);
            string[] resolvedHeader = [.. header, $"Environment '{environment.Name}' as one file, for comparison; deploy docker-compose.yml with {environment.OverrideFileName}."];
            resolved.Add(new NamedRenderer(environment.Name, () => YamlWriter.Write(document, resolvedHeader)));
        }

        var definitionDocument = YamlTree.Resolve(ComposeDocument.Build(definition, options, TraefikFileNames.Default));
        var common = OverrideSplit.Common(definitionDocument, documents);
        var overrides = string.Join(", ", environments.Select(e => e.Environment.OverrideFileName));
        files[StackGenerator.ComposeFileName] = YamlWriter.Write(common, [.. header, $"What every environment shares; deploy it with one of: {overrides}."], collect);
        for (var i = 0; i < environments.Count; i++)
        {
            var environment = environments[i].Environment;
            var difference = OverrideSplit.Difference(common, documents[i]);
            difference = WithServicesSection(difference, common);

            files[environment.OverrideFileName] = YamlWriter.Write(
                difference,
                [.. header, $"Environment '{environment.Name}': exactly what differs from docker-compose.yml.", $"Run: docker compose -f docker-compose.yml -f {environment.OverrideFileName} up -d"],
                collectOverride is null ? collect : scalar => collectOverride(environment, scalar));
        }

        return new RenderedEnvironments(files, new RenderedOnRead(resolved));
    }

    /// <summary>
    /// docker-compose 1.x reads a file without a non-empty services, networks or volumes section
    /// as the old version-1 format and refuses to merge it; an override that changes no service
    /// lists one service with nothing in it, which changes nothing.
    /// </summary>
    private static YamlMapping WithServicesSection(YamlMapping difference, YamlMapping common)
    {
        if (difference.Entries.Any(e => e.Key == "services"))
        {
            return difference;
        }

        var anyService = common.Entries.Where(e => e.Key == "services").Select(e => e.Value).OfType<YamlMapping>().SelectMany(m => m.Entries).Take(1)
            .Select(e => new YamlEntry(e.Key, YamlMapping.Empty));
        return new YamlMapping([new YamlEntry("services", new YamlMapping([.. anyService])), .. difference.Entries]);
    }
}

/// <summary>An environment and the stack it runs.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="Stack">The definition with the environment applied.</param>
internal sealed record ResolvedEnvironment(StackEnvironment Environment, ComposeStack Stack);

/// <summary>The files to write, and each environment's whole compose file (for checks and <c>--environment</c>).</summary>
/// <param name="Files">File name to content.</param>
/// <param name="Resolved">Environment name to its whole compose file.</param>
internal sealed record RenderedEnvironments(Dictionary<string, string> Files, IReadOnlyDictionary<string, string> Resolved);
