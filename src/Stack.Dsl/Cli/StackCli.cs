using System.CommandLine;
using System.Text;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Cli;

/// <summary>
/// The command line of a definition project: generate the files, or check that they are up to
/// date. A definition's <c>Main</c> is one call: <c>return StackCli.Run(args, Define);</c>
/// </summary>
public static class StackCli
{
    /// <summary>
    /// Runs the command line with the settings the Stack.Dsl package records in the program that
    /// holds <paramref name="define"/> (<see cref="StackCliSettings.ForDefinition"/>): the project's
    /// (or single file's) folder, and generated/ beside it.
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="define">Builds the stack; exceptions it throws become error lines, not stack traces.</param>
    /// <returns>An exit code from <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, Func<ComposeStack> define) =>
        Start(args, define, () => StackCliSettings.ForDefinition(define), output: null, error: null);

    /// <summary>Runs the command line against the stack <paramref name="define"/> builds.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="define">Builds the stack; exceptions it throws become error lines, not stack traces.</param>
    /// <param name="settings">Where the definition lives and where files go.</param>
    /// <param name="output">Where normal output goes; standard output when unset.</param>
    /// <param name="error">Where errors go; standard error when unset.</param>
    /// <returns>An exit code from <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, Func<ComposeStack> define, StackCliSettings settings, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Start(args, define, () => settings, output, error);
    }

    /// <summary>
    /// A run is mostly first-call cost (loading and compiling code), so it is split over two cores:
    /// the definition builds on this thread, as the user's code expects, while a second thread
    /// reads the settings, opens the console and parses the command line. The definition is built
    /// even for <c>--help</c>; it is meant to be a pure function. (A warm-up of the YAML writer on
    /// the second thread, measured in interleaved runs, saved nothing once rendering ran there too.)
    /// </summary>
    private static int Start(string[] args, Func<ComposeStack> define, Func<StackCliSettings> settings, TextWriter? output, TextWriter? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(define);
        BuiltDefinition? built = null;
        PreparedRun Preparation() => Prepare(args, settings(), output ?? Console.Out, error ?? Console.Error, () => built!);
        var preparing = SpareThread.Available ? SpareThread.Run(Preparation) : SpareWork<PreparedRun>.Done(Preparation());
        built = BuiltDefinition.Of(define);
        var prepared = preparing.Result;

        // The everyday run has no arguments: nothing to parse.
        if (prepared.Parsed is not { } parsed)
        {
            var request = new GenerateRequest(prepared.Settings.DefaultOutputDirectory, Check: false, WarningsAsErrors: false, Environment: null, Targets: null);
            return Generate(built, prepared.Settings, request, prepared.Output, prepared.Error);
        }

        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                prepared.Error.WriteLine($"error: {parseError.Message}");
            }

            prepared.Error.WriteLine("Run with --help for usage.");
            return ExitCodes.Usage;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = prepared.Output, Error = prepared.Error });
    }

    /// <summary>The command line, parsed; its action generates from the definition <paramref name="definition"/> gives by then.</summary>
    private static PreparedRun Prepare(string[] args, StackCliSettings settings, TextWriter output, TextWriter error, Func<BuiltDefinition> definition)
    {
        // Skipping the parser matters for a single-file stack, where System.CommandLine's code is
        // compiled at run time (~60 methods).
        if (args.Length == 0)
        {
            return new PreparedRun(settings, output, error, Parsed: null);
        }

        var outOption = new Option<string>("--out")
        {
            Description = "Write into this folder instead of the default one.",
            HelpName = "DIR",
            DefaultValueFactory = _ => settings.DefaultOutputDirectory,
        };
        var checkOption = new Option<bool>("--check")
        {
            Description = "Write nothing; exit 1 with a diff when the folder is not what the definition generates.",
        };
        var warningsAsErrorsOption = new Option<bool>("--warnaserror")
        {
            Description = "Treat warnings as errors: the checklist (STK0001-STK0005) and a volume without a backup decision (STK0300); write nothing and exit 1.",
        };
        var environmentOption = new Option<string?>("--environment")
        {
            Description = "Write nothing; print this environment as one compose file (the base file and its override merged).",
            HelpName = "NAME",
        };
        var targetOption = new Option<string?>("--target")
        {
            Description = "What to write files for, instead of what the definition chooses (WithTargets): compose, swarm, or all (both). Swarm files go under swarm/.",
            HelpName = "compose|swarm|all",
        };
        targetOption.AcceptOnlyFromAmong("compose", "swarm", "all");
        var root = new RootCommand(
            "Generates the compose files of this stack from its C# definition.\n" +
            "Exit codes: 0 written or up to date; 1 errors in the definition (or warnings with --warnaserror), or --check found stale files; 2 bad usage.")
        {
            outOption,
            checkOption,
            warningsAsErrorsOption,
            environmentOption,
            targetOption,
        };
        root.SetAction(parsed => Generate(
            definition(),
            settings,
            new GenerateRequest(parsed.GetValue(outOption)!, parsed.GetValue(checkOption), parsed.GetValue(warningsAsErrorsOption), parsed.GetValue(environmentOption), Targets(parsed.GetValue(targetOption))),
            output,
            error));
        return new PreparedRun(settings, output, error, root.Parse(args));
    }

    private static int Generate(BuiltDefinition built, StackCliSettings settings, GenerateRequest request, TextWriter output, TextWriter error)
    {
        GenerationResult generated;
        var compiled = CompilerFindings.Take(settings.CompilerFindingsHandOver);
        if (string.IsNullOrWhiteSpace(request.OutDirectory))
        {
            error.WriteLine("error: --out needs a folder; it was empty.");
            return ExitCodes.Usage;
        }

        var folder = new OutputFolder(request.OutDirectory);
        try
        {
            var stack = built.Stack();
            if (request.Targets is { } targets)
            {
                stack = stack.WithTargets(targets);
            }

            // Environments are user code too: they run while generating.
            generated = StackGenerator.Generate(stack, settings.OptionsFor(folder.Path));
        }
#pragma warning disable CA1031 // Any failure in user code becomes one readable line, never a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            error.WriteLine(DefinitionFailure.Describe(exception));
            error.WriteLine("Nothing was written.");
            return ExitCodes.Failed;
        }

        var errors = generated.Diagnostics.Count(d => request.WarningsAsErrors || d.Severity == DiagnosticSeverity.Error);
        if (errors > 0)
        {
            error.Write(Findings(generated, request, compiled));
            error.WriteLine($"{errors} error(s) in the definition; nothing was written.");
            return ExitCodes.Failed;
        }

        if (request.Environment is { } name)
        {
            error.Write(Findings(generated, request, compiled));
            return PrintEnvironment(generated, name, output, error);
        }

        // The findings are put into words on the spare core while the files are written (the
        // reference's 32 warnings take about 2 ms, each file's source read for its columns); what
        // writing says is held until they are printed, so the order is as it reads.
        var findings = SpareThread.Available ? SpareThread.Run(() => Findings(generated, request, compiled)) : SpareWork<string>.Done(Findings(generated, request, compiled));
        var written = new StringWriter();
        var said = new StringWriter();
        try
        {
            return Write(folder, generated, request, settings, written, said);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            said.WriteLine($"error: could not write '{folder.Path}': {exception.Message.ReplaceLineEndings(" ")}");
            said.WriteLine("The folder is as it was before this run.");
            return ExitCodes.Failed;
        }
        finally
        {
            error.Write(findings.Result);
            error.Write(said.ToString());
            output.Write(written.ToString());
        }
    }

    /// <summary>The findings as printed, one a line (those the build already printed are left out, and counted).</summary>
    private static string Findings(GenerationResult generated, GenerateRequest request, CompilerFindings compiled)
    {
        var text = new StringBuilder();
        var columns = new SourceColumns();
        foreach (var diagnostic in generated.Diagnostics)
        {
            if (!request.WarningsAsErrors && compiled.Printed(diagnostic))
            {
                continue;
            }

            text.AppendLine((request.WarningsAsErrors ? diagnostic with { Severity = DiagnosticSeverity.Error } : diagnostic).Describe(columns.Format));
        }

        if (compiled.Skipped > 0)
        {
            text.AppendLine($"({compiled.Skipped} warning(s) the build printed above also hold for the stack; not repeated.)");
        }

        return text.ToString();
    }

    /// <summary>The targets --target names; null when not given (the definition's choice stands).</summary>
    private static DeployTarget[]? Targets(string? option) => option switch
    {
        "compose" => [DeployTarget.Compose],
        "swarm" => [DeployTarget.Swarm],
        "all" => [DeployTarget.Compose, DeployTarget.Swarm],
        _ => null,
    };

    /// <summary>Compares with or replaces the output folder; IO failures are the caller's to report.</summary>
    /// <summary>How long a run waits for another writing the same folder.</summary>
    private static readonly TimeSpan LockPatience = TimeSpan.FromMinutes(2);

    private static int Write(OutputFolder folder, GenerationResult generated, GenerateRequest request, StackCliSettings settings, TextWriter output, TextWriter error)
    {
        if (File.Exists(folder.Path))
        {
            // A symbolic link to nothing (or to itself) reads as a file too: say what it is.
            error.WriteLine(new FileInfo(folder.Path).LinkTarget is { } target
                ? $"error: '{folder.Path}' is a symbolic link to '{target}', which is not a folder; --out needs a folder (or a link to one)."
                : $"error: '{folder.Path}' is a file; --out needs a folder.");
            return ExitCodes.Usage;
        }

        // Two runs at once would each take the other's staging folder for a killed run's debris.
        using var held = folder.Lock(LockPatience);
        if (held is null)
        {
            error.WriteLine($"error: another Stack run is writing '{folder.Path}' (it holds {folder.LockPath}) and did not finish within {LockPatience.TotalSeconds:0} s; nothing was written. Run again when it has finished.");
            return ExitCodes.Failed;
        }

        if (!request.Check)
        {
            folder.Recover();
        }

        const int named = 10;
        var foreign = folder.ForeignFiles(limit: named + 1);
        if (foreign.Count > 0)
        {
            error.WriteLine($"error: '{folder.Path}' holds files Stack did not write: {string.Join(", ", foreign.Take(named))}{(foreign.Count > named ? " and more" : string.Empty)}. Stack replaces the whole folder, so it only writes into a new, empty or Stack-written one: move those files away, or choose another folder with --out.");
            return ExitCodes.Usage;
        }

        if (Drift.IsUpToDate(folder, generated.Files))
        {
            output.WriteLine($"{folder.Path} is up to date.");
            return ExitCodes.Success;
        }

        if (request.Check)
        {
            foreach (var difference in Drift.Describe(folder, generated.Files))
            {
                error.Write(difference);
            }

            error.WriteLine($"{folder.Path} is stale: run `{settings.RunCommand}` and commit the result.");
            return ExitCodes.Failed;
        }

        folder.ReplaceWith(generated.Files);
        output.WriteLine($"Wrote {generated.Files.Count} file(s) to {folder.Path}.");
        return ExitCodes.Success;
    }

    /// <summary>Prints one environment as a single compose file: what <c>docker compose -f base -f override config</c> would mean.</summary>
    private static int PrintEnvironment(GenerationResult generated, string name, TextWriter output, TextWriter error)
    {
        if (generated.Environments.TryGetValue(name, out var yaml))
        {
            output.Write(yaml);
            return ExitCodes.Success;
        }

        error.WriteLine(generated.Environments.Count == 0
            ? $"error: the stack declares no environments, so there is no '{name}'."
            : $"error: the stack has no environment '{name}'; it has: {string.Join(", ", generated.Environments.Keys.Order(StringComparer.Ordinal))}.");
        return ExitCodes.Usage;
    }
}

/// <summary>What the command line asked for.</summary>
internal sealed record GenerateRequest(string OutDirectory, bool Check, bool WarningsAsErrors, string? Environment, DeployTarget[]? Targets);

/// <summary>What the spare core prepared: the settings, the console's writers and the parsed command line (none without arguments).</summary>
internal sealed record PreparedRun(StackCliSettings Settings, TextWriter Output, TextWriter Error, ParseResult? Parsed);
