using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation.Backups;
using Stack.Dsl.Generation.Environments;
using Stack.Dsl.Generation.Picture;
using Stack.Dsl.Generation.Swarm;
using Stack.Dsl.Generation.Traefik;
using Stack.Dsl.Validation;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;
using Stack.Rules;

namespace Stack.Dsl.Generation;

/// <summary>Validates a stack and renders its files. Pure: it writes nothing to disk.</summary>
public static class StackGenerator
{
    /// <summary>The compose file's name in the output folder.</summary>
    public const string ComposeFileName = "docker-compose.yml";

    /// <summary>
    /// Validates <paramref name="stack"/> and, when it is valid, renders every output file.
    /// With any diagnostic, no file is rendered.
    /// </summary>
    public static GenerationResult Generate(ComposeStack stack, GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(options);

        var environments = EnvironmentFiles.Resolve(stack);

        // Rendering does not depend on the rules' verdict, only waits for it: with a second core
        // it runs while the rules run (a cold start spends most of its time loading code for
        // both). Its result is used only when no rule finds an error; its failure only then too.
        // STACK.md is drawn by whichever thread reaches it first: for a large stack the rules are
        // done long before the compose file is written, and this thread would only wait.
        var picture = new Lazy<string>(() => StackPicture.Render(stack, GenerationOptions.FirstHeaderLine), LazyThreadSafetyMode.ExecutionAndPublication);
        var swarmJobs = SpareThread.Available ? new SharedJobs() : null;
        var rendering = swarmJobs is not null
            ? SpareThread.Run(() => RenderAll(stack, environments, options, picture, swarmJobs))
            : null;
        var diagnostics = EnvironmentValidation.Validate(stack, environments, options.ProjectDirectory);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new GenerationResult(diagnostics, new Dictionary<string, string>(StringComparer.Ordinal), []);
        }

        if (rendering is { IsCompleted: false })
        {
            _ = picture.Value;
            // With the Swarm target on, the rendering thread still has its files to write: take some.
            swarmJobs!.Help();
        }

        var (files, resolved, variables, onlyIn, targetErrors) = rendering?.Result ?? RenderAll(stack, environments, options, picture, swarmJobs: null);
        if (targetErrors.Count > 0)
        {
            return new GenerationResult([.. diagnostics, .. targetErrors], new Dictionary<string, string>(StringComparer.Ordinal), []);
        }

        // Every ${VAR} the YAML uses must be declared on the stack, so .env.example is complete.
        var declared = new HashSet<string>(stack.Variables.Select(v => v.Name), StringComparer.Ordinal);
        var undeclared = variables.Keys.Where(name => !declared.Contains(name)).Order(StringComparer.Ordinal).ToList();
        if (undeclared.Count > 0)
        {
            var errors = undeclared.SelectMany(name => Undeclared(stack, name, onlyIn));
            return new GenerationResult([.. diagnostics, .. errors], new Dictionary<string, string>(StringComparer.Ordinal), []);
        }

        return new GenerationResult(diagnostics, files, [.. variables.Values.OrderBy(v => v.Name, StringComparer.Ordinal)]) { Environments = resolved };
    }

    /// <summary>STK0214 for one variable: at the definition, or at each environment whose override alone uses it, saying which.</summary>
    private static IEnumerable<StackDiagnostic> Undeclared(ComposeStack stack, string name, Dictionary<string, List<Stack.Dsl.Environments.StackEnvironment>> onlyIn)
    {
        var message = $"The stack uses ${{{name}}} but does not declare it, so .env.example would not list it. Add it with ComposeStack.WithVariables(...).";
        if (!onlyIn.TryGetValue(name, out var environments))
        {
            return [new StackDiagnostic(RuleIds.UndeclaredVariable, message, stack.Location)];
        }

        return environments.Select(e => new StackDiagnostic(RuleIds.UndeclaredVariable, EnvironmentFindings.Prefix([e]) + message, e.Location));
    }

    /// <summary>Every file's text, each environment's whole compose file, and every variable the YAML references.</summary>
    private static Rendered RenderAll(
        ComposeStack stack, IReadOnlyList<ResolvedEnvironment> environments, GenerationOptions options, Lazy<string> picture, SharedJobs? swarmJobs)
    {
        try
        {
            return RenderEvery(stack, environments, options, picture, swarmJobs);
        }
        finally
        {
            // The main thread may be waiting to help with the Swarm files: none (or no more) come.
            swarmJobs?.Close();
        }
    }

    private static Rendered RenderEvery(
        ComposeStack stack, IReadOnlyList<ResolvedEnvironment> environments, GenerationOptions options, Lazy<string> picture, SharedJobs? swarmJobs)
    {
        // One pass writes the YAML and collects every variable it references.
        // Plain dictionaries, sorted once at the end: SortedDictionary's generic code over
        // KeyValuePair is not precompiled and costs start-up time.
        var variables = new Dictionary<string, Variable>(StringComparer.Ordinal);
        var uses = new Dictionary<string, List<Variable>>(StringComparer.Ordinal); // every form, for .env.example
        void CollectAll(YamlScalar scalar)
        {
            Collect(variables, scalar);
            foreach (var variable in scalar.Variables)
            {
                if (!uses.TryGetValue(variable.Name, out var forms))
                {
                    uses[variable.Name] = forms = [];
                }

                forms.Add(variable);
            }
        }

        // A variable only environments' overrides use is their finding (STK0214 says which).
        var elsewhere = new HashSet<string>(StringComparer.Ordinal);
        var inOverrides = new Dictionary<string, List<Stack.Dsl.Environments.StackEnvironment>>(StringComparer.Ordinal);
        void CollectShared(YamlScalar scalar)
        {
            CollectAll(scalar);
            foreach (var variable in scalar.Variables)
            {
                elsewhere.Add(variable.Name);
            }
        }

        void CollectOverride(Stack.Dsl.Environments.StackEnvironment environment, YamlScalar scalar)
        {
            CollectAll(scalar);
            foreach (var variable in scalar.Variables)
            {
                if (!inOverrides.TryGetValue(variable.Name, out var where))
                {
                    inOverrides[variable.Name] = where = [];
                }

                if (!where.Contains(environment))
                {
                    where.Add(environment);
                }
            }
        }

        Dictionary<string, string> files;
        IReadOnlyDictionary<string, string> resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        if (environments.Count == 0)
        {
            files = Render(stack, options, CollectShared);
        }
        else
        {
            var rendered = EnvironmentFiles.Render(stack, environments, options, [GenerationOptions.FirstHeaderLine, .. options.HeaderComments], CollectShared, CollectOverride);
            (files, resolved) = (rendered.Files, rendered.Resolved);
        }

        foreach (var name in elsewhere)
        {
            inOverrides.Remove(name);
        }

        if (stack.Backups is { } plan)
        {
            var inventory = BackupInventory.Of(stack with { Environments = [] }, plan);
            files[BackupPlan.ExcludesFileName] = ExcludesFile.Render(inventory, [GenerationOptions.FirstHeaderLine, .. options.HeaderComments]);
            var restore = RestoreProcedure.Of(inventory);
            files[RestoreRunbook.FileName] = RestoreRunbook.Render(restore, [.. stack.Environments.Select(e => e.OverrideFileName)], GenerationOptions.FirstHeaderLine);
            files[RestoreScript.FileName] = RestoreScript.Render(restore, stack.Environments, [GenerationOptions.FirstHeaderLine, .. options.HeaderComments]);
        }

        if (!stack.Variables.IsEmpty)
        {
            files[EnvExample.FileName] = EnvExample.Render(stack.Variables.DistinctBy(v => v.Name, StringComparer.Ordinal), uses, GenerationOptions.FirstHeaderLine);
        }

        IReadOnlyList<StackDiagnostic> targetErrors = [];
        if (stack.Targets.Includes(DeployTarget.Swarm) || environments.Any(e => e.Stack.Targets.Includes(DeployTarget.Swarm)))
        {
            var swarm = SwarmFiles.Render(stack, environments, options, [GenerationOptions.FirstHeaderLine, .. options.HeaderComments], new WrittenFiles(files, picture), swarmJobs);
            targetErrors = swarm.Diagnostics;
            foreach (var (name, text) in swarm.Files)
            {
                files[name] = text;
            }
        }

        // Last: with the Swarm files to write, the main thread is done with the rules before this
        // one gets here and draws STACK.md meanwhile (see Generate). A Swarm file that carries it
        // as a config draws it when it asks (WrittenFiles).
        files[StackPicture.FileName] = picture.Value;

        if (!stack.Targets.Includes(DeployTarget.Compose))
        {
            // Swarm alone: the compose files (and Traefik's files they mount) are not written.
            foreach (var name in files.Keys.Where(IsComposeOnly).ToList())
            {
                files.Remove(name);
            }
        }

        return new Rendered(files, resolved, variables, inOverrides, targetErrors);
    }

    private static void Collect(Dictionary<string, Variable> variables, YamlScalar scalar)
    {
        foreach (var variable in scalar.Variables)
        {
            variables.TryAdd(variable.Name, variable);
        }
    }

    /// <summary>Renders the compose file and, when the stack declares its Traefik, Traefik's two config files.</summary>
    private static Dictionary<string, string> Render(ComposeStack stack, GenerationOptions options, Action<YamlScalar> collect)
    {
        string[] header = [GenerationOptions.FirstHeaderLine, .. options.HeaderComments];

        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ComposeFileName] = YamlWriter.Write(ComposeDocument.Build(stack, options, TraefikFileNames.Default), header, collect),
        };
        if (TraefikWiring.Render(stack, header, collect) is { } traefik)
        {
            if (traefik.Static is { } staticConfig)
            {
                files[TraefikFileNames.Default.Static] = staticConfig;
            }

            files[TraefikFileNames.Default.Dynamic] = traefik.Dynamic;
        }

        return files;
    }

    /// <summary>What rendering made. A class, not a tuple: a task of a tuple is generic code the runtime compiles at start-up.</summary>
    private sealed record Rendered(Dictionary<string, string> Files, IReadOnlyDictionary<string, string> Resolved, Dictionary<string, Variable> Variables, Dictionary<string, List<Stack.Dsl.Environments.StackEnvironment>> OnlyInOverrides, IReadOnlyList<StackDiagnostic> TargetErrors);

    /// <summary>Files only the Compose target reads: the compose file, the overrides and Traefik's files they mount.</summary>
    private static bool IsComposeOnly(string name) =>
        !name.Contains('/', StringComparison.Ordinal)
        && (name == ComposeFileName || (name.StartsWith("dc.", StringComparison.Ordinal) && name.EndsWith(".yml", StringComparison.Ordinal)) || name.StartsWith("traefik.", StringComparison.Ordinal));
}

/// <summary>What generating a stack produced.</summary>
/// <param name="Diagnostics">Every problem found; when any is an error, <paramref name="Files"/> is empty.</param>
/// <param name="Files">File name to content.</param>
/// <param name="Variables">Every <c>${VAR}</c> the stack needs, sorted by name.</param>
public sealed record GenerationResult(
    IReadOnlyList<StackDiagnostic> Diagnostics,
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyList<Variable> Variables)
{
    /// <summary>Each environment's whole compose file (base and override merged), by environment name; empty without environments.</summary>
    public IReadOnlyDictionary<string, string> Environments { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Whether the stack was valid and its files rendered.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
