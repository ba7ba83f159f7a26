using Stack.Dsl.Compose;
using Stack.Dsl.Generation.Backups;
using Stack.Dsl.Generation.Environments;
using Stack.Dsl.Generation.Traefik;
using Stack.Dsl.Validation;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// The Swarm target's files, under <c>swarm/</c>: one whole file per environment
/// (<c>stack.NAME.yml</c>, or <c>docker-stack.yml</c> without environments) that
/// <c>docker stack deploy -c</c> takes as it is, Traefik's config for the swarm provider, and
/// <c>deploy.sh</c>. One file per environment rather than a base and overrides: <c>docker stack
/// deploy</c> merges several <c>-c</c> files by rules of its own (not compose's), so the file
/// deployed is the file checked.
/// </summary>
internal static class SwarmFiles
{
    public const string Folder = "swarm";

    /// <summary>The Swarm file's name in swarm/ for an environment, or for a stack without environments.</summary>
    public static string StackFileName(string? environment) => environment is null ? "docker-stack.yml" : $"stack.{environment}.yml";

    /// <summary>The stacks that get a Swarm file: each environment's whose targets include Swarm, or the definition without environments; none when no target is Swarm.</summary>
    /// <remarks>
    /// Here and below, loops over the writer's own records rather than LINQ: each LINQ operator
    /// over a new record type loads its own generic types on first use, and a generate is one
    /// first use (tens of µs a type; docs/swarm.md, Speed).
    /// </remarks>
    public static List<SwarmTarget> Targets(ComposeStack definition, IReadOnlyList<ResolvedEnvironment> environments)
    {
        var targets = new List<SwarmTarget>();
        if (environments.Count == 0)
        {
            if (definition.Targets.Includes(DeployTarget.Swarm))
            {
                targets.Add(new SwarmTarget(null, definition));
            }

            return targets;
        }

        // An environment that narrows its targets to Compose (a laptop's, say) gets no Swarm file.
        foreach (var environment in environments)
        {
            if (environment.Stack.Targets.Includes(DeployTarget.Swarm))
            {
                targets.Add(new SwarmTarget(environment.Environment.Name, environment.Stack));
            }
        }

        return targets;
    }

    /// <summary>
    /// Renders the Swarm files. Each environment's file (with its Traefik files) and the restore
    /// files are jobs of their own, shared with the other thread when <paramref name="share"/> is
    /// given; deploy.sh, which lists every environment's host-file hashes, is written last.
    /// </summary>
    public static SwarmRendering Render(ComposeStack definition, IReadOnlyList<ResolvedEnvironment> environments, GenerationOptions options, IReadOnlyList<string> header, WrittenFiles outputFiles, SharedJobs? share = null)
    {
        var targets = Targets(definition, environments);
        var environmentNames = new List<string>(targets.Count);
        foreach (var target in targets)
        {
            if (target.Name is { } name)
            {
                environmentNames.Add(name);
            }
        }

        var parts = new TargetFiles[targets.Count];
        var projectFiles = new ProjectFileReads();
        var jobs = new Action[targets.Count + (definition.Backups is null ? 0 : 1)];
        for (var i = 0; i < targets.Count; i++)
        {
            var index = i;
            jobs[index] = () => parts[index] = RenderTarget(definition.Name, targets[index], options, header, outputFiles, projectFiles);
        }

        Dictionary<string, string>? restoreFiles = null;
        if (definition.Backups is { } plan)
        {
            // Decided from the definition, as Compose's restore is; step 5's deploy applies the environment's file.
            jobs[^1] = () =>
            {
                var restore = SwarmRestore.Of(RestoreProcedure.Of(BackupInventory.Of(definition with { Environments = [] }, plan)));
                restoreFiles = new(StringComparer.Ordinal)
                {
                    [$"{Folder}/{SwarmRestore.ScriptName}"] = SwarmRestoreScript.Render(restore, environmentNames, header),
                    [$"{Folder}/{SwarmRestore.RunbookName}"] = SwarmRestoreRunbook.Render(restore, environmentNames, header[0]),
                };
            };
        }

        if (share is null)
        {
            foreach (var job in jobs)
            {
                job();
            }
        }
        else
        {
            share.Run(jobs);
        }

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var hashes = new FileHashes[parts.Length];
        var refusals = new TargetRefusals[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            foreach (var (file, text) in parts[i].Files)
            {
                files[file] = text;
            }

            hashes[i] = parts[i].Hashes;
            refusals[i] = parts[i].Refusals;
        }

        files[$"{Folder}/{DeployScript.FileName}"] = DeployScript.Render(definition.Name, environmentNames, header, hashes);
        foreach (var (file, text) in restoreFiles ?? [])
        {
            files[file] = text;
        }

        return new SwarmRendering(files, SaidOnce(refusals, environments));
    }

    /// <summary>One environment's Swarm file, its Traefik files and the files its configs carry, by path under the output folder.</summary>
    private static TargetFiles RenderTarget(string stackName, SwarmTarget target, GenerationOptions options, IReadOnlyList<string> header, WrittenFiles outputFiles, ProjectFileReads projectFiles)
    {
        var (name, stack) = target;
        var swarmStack = stack.Traefik is { } proxy ? stack with { Traefik = proxy with { Swarm = true } } : stack;
        var suffix = name is null ? string.Empty : "." + name;
        var local = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new TraefikFileNames($"traefik.static{suffix}.yml", $"traefik.dynamic{suffix}.yml");
        if (TraefikWiring.Render(swarmStack, header, collect: null, onFiles: file => (YamlMapping)SwarmLabels.WithSwarmProvider(file)) is { } traefik)
        {
            if (traefik.Static is { } staticConfig)
            {
                local[names.Static] = staticConfig;
            }

            local[names.Dynamic] = traefik.Dynamic;
        }

        var found = new List<StackDiagnostic>();
        var context = new SwarmContext(options, outputFiles, projectFiles, local, found) { TraefikPrefix = TraefikLabelPrefix.For(swarmStack.Traefik?.Service.Image) };
        var document = SwarmDocument.Build(swarmStack, names, context);
        var fileName = StackFileName(name);
        var deploy = name is null ? "./deploy.sh" : $"./deploy.sh {name}";
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{Folder}/{fileName}"] = YamlWriter.Write(document, [
                .. header,
                $"{(name is null ? "The stack" : $"Environment '{name}'")} on Docker Swarm, whole: docker stack deploy takes it as it is.",
                $"Run from this folder: {deploy} (reads ../.env), or: docker stack deploy -c {fileName} {stackName}",
            ]),
        };
        // Two loops, not Concat over key-value pairs: its generic code is compiled at start-up.
        foreach (var (file, text) in local)
        {
            files[$"{Folder}/{file}"] = text;
        }

        foreach (var (file, text) in context.ExtraFiles)
        {
            files[$"{Folder}/{file}"] = text;
        }

        return new TargetFiles(files, new FileHashes(fileName, context.HostFileHashes), new TargetRefusals(name, found));
    }

    /// <summary>
    /// Each refusal once: one every environment's Swarm file meets is the definition's, said plainly;
    /// one only some environments meet is said with their names, as the validator says it.
    /// </summary>
    private static List<StackDiagnostic> SaidOnce(TargetRefusals[] refusals, IReadOnlyList<ResolvedEnvironment> environments)
    {
        // Shared only when every environment has a Swarm file: else the refusal is the ones' that do.
        var shared = new HashSet<StackDiagnostic>();
        if (refusals.Length > 0 && refusals.Length == environments.Count)
        {
            shared.UnionWith(refusals[0].Found);
            for (var i = 1; i < refusals.Length; i++)
            {
                shared.IntersectWith(refusals[i].Found);
            }
        }

        var findings = new EnvironmentFindings();
        foreach (var (name, found) in refusals)
        {
            foreach (var refusal in found)
            {
                if (name is null || shared.Contains(refusal))
                {
                    findings.Plain(refusal);
                }
                else
                {
                    findings.In(EnvironmentNamed(environments, name), refusal);
                }
            }
        }

        return findings.Said();
    }

    private static Stack.Dsl.Environments.StackEnvironment EnvironmentNamed(IReadOnlyList<ResolvedEnvironment> environments, string name)
    {
        foreach (var resolved in environments)
        {
            if (resolved.Environment.Name == name)
            {
                return resolved.Environment;
            }
        }

        throw new InvalidOperationException($"No environment '{name}'.");
    }
}

/// <summary>One Swarm file to write: an environment (null without environments) and its stack.</summary>
internal sealed record SwarmTarget(string? Name, ComposeStack Stack);

/// <summary>One environment's Swarm files (paths under the output folder), the host files deploy.sh hashes for it, and what it refused.</summary>
internal sealed record TargetFiles(Dictionary<string, string> Files, FileHashes Hashes, TargetRefusals Refusals);

/// <summary>What the writer refused in one Swarm file (an environment's, or null without environments).</summary>
internal sealed record TargetRefusals(string? Name, List<StackDiagnostic> Found);

/// <summary>The Swarm target's files (paths under the output folder) and what it refused.</summary>
internal sealed record SwarmRendering(Dictionary<string, string> Files, IReadOnlyList<StackDiagnostic> Diagnostics);
