using Stack.Dsl.Cli;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Generation.Picture;

namespace Stack.Dsl.Tests.Cli;

public sealed class StackCliTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("stack-cli-").FullName;

    private string Out => Path.Combine(_root, "generated");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Writes_the_compose_file_and_exits_0()
    {
        var (code, output, _) = Run([], ValidStack);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Wrote 2 file(s)", output, StringComparison.Ordinal);
        Assert.Contains("image: example/app:1.0", File.ReadAllText(Path.Combine(Out, StackGenerator.ComposeFileName)), StringComparison.Ordinal);
    }

    /// <summary>No arguments skips the parser (a speed path): it must do exactly what the parsed defaults do.</summary>
    [Fact]
    public void No_arguments_does_what_the_parsed_defaults_do()
    {
        var (plainCode, plainOutput, plainError) = Run([], ValidStack);
        var plain = File.ReadAllText(Path.Combine(Out, StackGenerator.ComposeFileName));
        Directory.Delete(Out, recursive: true);

        var (parsedCode, parsedOutput, parsedError) = Run(["--out", Out], ValidStack);

        Assert.Equal((parsedCode, parsedOutput, parsedError), (plainCode, plainOutput, plainError));
        Assert.Equal(File.ReadAllText(Path.Combine(Out, StackGenerator.ComposeFileName)), plain);
    }

    [Fact]
    public void Out_option_writes_elsewhere()
    {
        var elsewhere = Path.Combine(_root, "elsewhere");

        var (code, _, _) = Run(["--out", elsewhere], ValidStack);

        Assert.Equal(ExitCodes.Success, code);
        Assert.True(File.Exists(Path.Combine(elsewhere, StackGenerator.ComposeFileName)));
        Assert.False(Directory.Exists(Out));
    }

    /// <summary>
    /// A shell completes a folder with a trailing '/': every spelling of one folder is one folder,
    /// with one lock beside it (two spellings with two locks would let two runs write it at once),
    /// and nothing of Stack's own inside it.
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/.")]
    [InlineData("//")]
    public void Out_with_a_trailing_separator_is_the_same_folder_with_its_lock_beside_it(string tail)
    {
        var spelled = Out + tail;

        var first = Run(["--out", spelled], ValidStack);
        var again = Run(["--out", spelled], ValidStack);
        var check = Run(["--out", Out, "--check"], ValidStack);

        Assert.True(first.Code == ExitCodes.Success, first.Error);
        Assert.True(again.Code == ExitCodes.Success, again.Error);
        Assert.True(check.Code == ExitCodes.Success, check.Error);
        Assert.Equal([".generated.lock", "generated"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(Out), f => Path.GetFileName(f).StartsWith("..", StringComparison.Ordinal));
        Assert.Equal(new OutputFolder(Out).LockPath, new OutputFolder(spelled).LockPath);
    }

    [Fact]
    public void Check_passes_when_up_to_date_and_writes_nothing()
    {
        Run([], ValidStack);
        var before = File.GetLastWriteTimeUtc(Path.Combine(Out, StackGenerator.ComposeFileName));

        var (code, output, _) = Run(["--check"], ValidStack);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("up to date", output, StringComparison.Ordinal);
        Assert.Equal(before, File.GetLastWriteTimeUtc(Path.Combine(Out, StackGenerator.ComposeFileName)));
    }

    [Fact]
    public void Check_fails_with_a_diff_when_stale_and_writes_nothing()
    {
        Run([], ValidStack);
        var file = Path.Combine(Out, StackGenerator.ComposeFileName);
        var stale = File.ReadAllText(file).Replace("example/app:1.0", "example/app:0.9", StringComparison.Ordinal);
        File.WriteAllText(file, stale);

        var (code, _, error) = Run(["--check"], ValidStack);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("-    image: example/app:0.9\n+    image: example/app:1.0\n", error, StringComparison.Ordinal);
        Assert.Contains("is stale", error, StringComparison.Ordinal);
        Assert.Equal(stale, File.ReadAllText(file));
    }

    [Fact]
    public void Check_reports_a_missing_folder()
    {
        var (code, _, error) = Run(["--check"], ValidStack);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("(missing)", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Validation_errors_exit_1_and_leave_the_previous_output_untouched()
    {
        Run([], ValidStack);
        var previous = File.ReadAllText(Path.Combine(Out, StackGenerator.ComposeFileName));

        var (code, _, error) = Run([], () => new ComposeStack("test").WithServices(Emit.Minimal("dup"), Emit.Minimal("dup")));

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("error STK0202:", error, StringComparison.Ordinal);
        Assert.Contains("nothing was written", error, StringComparison.Ordinal);
        Assert.Equal(previous, File.ReadAllText(Path.Combine(Out, StackGenerator.ComposeFileName)));
    }

    [Theory]
    [InlineData("restart", ".WithRestart(...)")]
    [InlineData("labels", ".WithLabel(...)")]
    [InlineData("deploy", ".WithDeployment(...)")]
    public void A_modeled_key_in_the_escape_hatch_names_the_method_and_no_parameter(string key, string method)
    {
        var (code, _, error) = Run([], () => new ComposeStack("test").WithServices(Emit.Minimal().WithField(key, "x")));

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains($"error STK0200: The service key '{key}' is modeled by the DSL, so WithField refuses it: set it with {method}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter '", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Exception_in_the_definition_is_one_line_at_the_users_call_without_a_stack_trace()
    {
        var (code, _, error) = Run([], () => new ComposeStack("test").WithServices(Emit.Minimal().WithEnvironment("A=B", "x")));

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Matches(@"StackCliTests\.cs\(\d+,\d+\): error STK0200: Environment variable name 'A=B' must not contain '='", error);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void A_definition_that_throws_fails_every_command_that_needs_its_stack()
    {
        // The definition builds while the command line is parsed: its failure is kept for the command.
        foreach (var args in new[] { new[] { "--out", Out }, ["--check"], ["--environment", "prod"] })
        {
            var (code, _, error) = Run(args, ThrowingStack);

            Assert.Equal(ExitCodes.Failed, code);
            Assert.Matches(@"StackCliTests\.cs\(\d+(,\d+)?\): error STK0200: building the definition failed with InvalidOperationException: no stack today", error);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Help_and_bad_usage_do_not_report_a_failing_definition()
    {
        var (helpCode, help, helpError) = Run(["--help"], ThrowingStack);
        var (usageCode, _, usageError) = Run(["--frobnicate"], ThrowingStack);

        Assert.Equal(ExitCodes.Success, helpCode);
        Assert.Contains("--out", help, StringComparison.Ordinal);
        Assert.Empty(helpError);
        Assert.Equal(ExitCodes.Usage, usageCode);
        Assert.Contains("--frobnicate", usageError, StringComparison.Ordinal);
        Assert.DoesNotContain("no stack today", usageError, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_option_is_bad_usage_exit_2()
    {
        var (code, _, error) = Run(["--frobnicate"], ValidStack);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--frobnicate", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_options_and_exit_codes()
    {
        var (code, output, _) = Run(["--help"], ValidStack);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("--out", output, StringComparison.Ordinal);
        Assert.Contains("--check", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnaserror_fails_on_every_kind_of_warning_and_its_help_names_each()
    {
        // Every warning the generator gives: a checklist miss (no restart policy) and a volume without a backup decision.
        ComposeStack Warned() => new ComposeStack("test").WithServices(Emit.Minimal().WithVolume(new Volume("data"), "/data"));
        var (warnedCode, _, warnings) = Run([], Warned);
        var ids = System.Text.RegularExpressions.Regex.Matches(warnings, "warning (STK[0-9]{4})").Select(m => m.Groups[1].Value).Distinct().Order().ToList();

        var (failedCode, _, _) = Run(["--warnaserror"], Warned);
        var (_, help, _) = Run(["--help"], Warned);

        Assert.Equal((ExitCodes.Success, ExitCodes.Failed), (warnedCode, failedCode));
        Assert.Equal(["STK0001", "STK0300"], ids);
        // The option's description, however the help wraps it: from its line to the next option's.
        var lines = help.Split('\n');
        var first = Array.FindIndex(lines, l => l.TrimStart().StartsWith("--warnaserror", StringComparison.Ordinal));
        var description = string.Join(' ', lines.Skip(first).TakeWhile((l, i) => i == 0 || !l.TrimStart().StartsWith('-')));
        Assert.All(ids, id => Assert.Contains(id, description, StringComparison.Ordinal));
    }

    [Fact]
    public void Findings_come_before_what_writing_says_though_written_meanwhile()
    {
        // The findings are put into words on the spare core while the files are written: one
        // writer for both streams shows the order a terminal shows, run after run.
        ComposeStack Warned() => new ComposeStack("test").WithServices(Emit.Minimal().WithVolume(new Volume("data"), "/data"));
        var settings = new StackCliSettings { DefinitionDirectory = Path.Combine(_root, "definition"), DefaultOutputDirectory = Out };
        for (var run = 0; run < 5; run++)
        {
            using var both = new StringWriter();
            var code = StackCli.Run([], Warned, settings, both, both);

            var text = both.ToString();
            Assert.Equal(ExitCodes.Success, code);
            var warning = text.IndexOf("warning STK0001", StringComparison.Ordinal);
            var said = text.IndexOf(run == 0 ? "Wrote " : "is up to date", StringComparison.Ordinal);
            Assert.True(warning >= 0 && said > warning, text);
        }
    }

    [Fact]
    public void Environment_option_prints_the_whole_environment_and_writes_nothing()
    {
        var stack = ValidStack().WithEnvironments(new Stack.Dsl.Environments.StackEnvironment("dev", s => s.MapServices(x => x.WithEnvironment("MODE", "dev"))));

        var (code, output, _) = Run(["--environment", "dev"], () => stack);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("MODE: dev", output, StringComparison.Ordinal);
        Assert.Contains("image: example/app:1.0", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void An_environment_that_throws_is_one_line_at_the_users_call()
    {
        var stack = ValidStack().WithEnvironments(new Stack.Dsl.Environments.StackEnvironment("dev", s => s.MapService(new Service("missing"), x => x)));

        var (code, _, error) = Run([], () => stack);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("StackCliTests.cs(", error, StringComparison.Ordinal);
        Assert.Contains("error STK0200: The stack has no service named 'missing'.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Environment_option_names_the_environments_there_are()
    {
        var stack = ValidStack().WithEnvironments(new Stack.Dsl.Environments.StackEnvironment("dev", s => s), new Stack.Dsl.Environments.StackEnvironment("prod", s => s));

        var (code, _, error) = Run(["--environment", "qa"], () => stack);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("the stack has no environment 'qa'; it has: dev, prod.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_folder_with_files_stack_did_not_write()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "notes.txt"), "mine");

        var (code, _, error) = Run([], ValidStack);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("holds files Stack did not write: notes.txt.", error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Out, "notes.txt")));
    }

    [Fact]
    public void The_output_folders_dot_env_is_kept_across_runs_and_not_counted_as_drift()
    {
        // docker compose reads .env from the compose file's folder and swarm/deploy.sh from ../.env:
        // a user who generates and deploys from one checkout keeps it here.
        Assert.Equal(ExitCodes.Success, Run([], ValidStack).Code);
        var env = Path.Combine(Out, ".env");
        File.WriteAllText(env, "SECRET=kept");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(env, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var (code, _, error) = Run([], ValidStack);
        var (checkCode, _, checkError) = Run(["--check"], ValidStack);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal("SECRET=kept", File.ReadAllText(env));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(env));
        }

        Assert.True(checkCode == ExitCodes.Success, checkError);
        Assert.DoesNotContain(".env\n", File.ReadAllText(Path.Combine(Out, OutputFolder.ManifestName)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_full_of_other_files_is_refused_naming_ten_of_them()
    {
        // --out at a home folder or a disk: the search stops once it has ten files to name and one more.
        Directory.CreateDirectory(Out);
        for (var i = 0; i < 15; i++)
        {
            File.WriteAllText(Path.Combine(Out, $"file{i:00}.txt"), "mine");
        }

        var (code, _, error) = Run([], ValidStack);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Matches(@"holds files Stack did not write: (file\d\d\.txt, ){9}file\d\d\.txt and more\.", error);
        Assert.Equal(15, Directory.GetFiles(Out).Length);
    }

    [Fact]
    public void A_link_to_nothing_is_refused_as_a_link()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Out)!);
        File.CreateSymbolicLink(Out, Path.Combine(_root, "nowhere"));

        var (code, _, error) = Run([], ValidStack);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("is a symbolic link to '", error, StringComparison.Ordinal);
        Assert.Contains("nowhere', which is not a folder", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "nowhere")));
    }

    [Fact]
    public void A_file_added_to_a_folder_Stack_wrote_is_named_and_kept()
    {
        Run([], ValidStack);
        File.WriteAllText(Path.Combine(Out, "docker-compose.override.yml"), "# mine");

        var (code, _, error) = Run([], ValidStack);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("did not write: docker-compose.override.yml.", error, StringComparison.Ordinal);
        Assert.Equal("# mine", File.ReadAllText(Path.Combine(Out, "docker-compose.override.yml")));
    }

    [Fact]
    public void Regenerating_replaces_the_folder_and_drops_files_no_longer_generated()
    {
        var variable = new Stack.Dsl.Values.Variable("GREETING", "What the app says.");
        Run([], () => ValidStack().WithVariables(variable)); // writes .env.example too
        Assert.True(File.Exists(Path.Combine(Out, ".env.example")));

        var (check, _, error) = Run(["--check"], ValidStack);
        var (code, _, _) = Run([], ValidStack);

        Assert.Equal(ExitCodes.Failed, check);
        Assert.Contains(".env.example: no longer generated", error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal([OutputFolder.ManifestName, StackPicture.FileName, StackGenerator.ComposeFileName], Directory.GetFiles(Out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Directory.GetDirectories(_root), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void Project_files_are_written_relative_to_the_output_folder()
    {
        Directory.CreateDirectory(Path.Combine(_root, "definition", "conf"));
        File.WriteAllText(Path.Combine(_root, "definition", "conf", "app.toml"), "x = 1");

        var (code, _, _) = Run([], () => new ComposeStack("test").WithServices(Emit.Minimal().WithBind(HostPath.InProject("conf/app.toml"), "/app.toml")));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("- ../definition/conf/app.toml:/app.toml", File.ReadAllText(Path.Combine(Out, StackGenerator.ComposeFileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_project_file_is_an_error_and_nothing_is_written()
    {
        var (code, _, error) = Run([], () => new ComposeStack("test").WithServices(Emit.Minimal().WithBind(HostPath.InProject("nope.toml"), "/app.toml")));

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Matches(@"StackCliTests\.cs\(\d+,\d+\): error STK0205: Service 'app' bind-mounts 'nope.toml'", error);
        Assert.False(Directory.Exists(Out));
    }

    private static ComposeStack ValidStack() => new ComposeStack("test").WithServices(Emit.Minimal());

    private static ComposeStack ThrowingStack() => throw new InvalidOperationException("no stack today");

    private (int Code, string Output, string Error) Run(string[] args, Func<ComposeStack> define)
    {
        var settings = new StackCliSettings { DefinitionDirectory = Path.Combine(_root, "definition"), DefaultOutputDirectory = Out };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = StackCli.Run(args, define, settings, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
