using System.Diagnostics;
using Stack.Dsl.Cli;
using Stack.Dsl.Compose;
using Stack.Dsl.Environments;
using Stack.Dsl.Generation;
using Stack.Dsl.Generation.Picture;

namespace Stack.Dsl.Tests.Cli;

/// <summary>
/// The output folder under faults: every failure is one error line naming the path and the cause
/// (no stack trace) with the folder as it was; links and mount points are written through; what
/// a killed run leaves is cleared by the next one.
/// </summary>
public sealed class OutputFaultTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("stack-faults-").FullName;

    private string Out => Path.Combine(_root, "generated");

    public void Dispose()
    {
        Unmount(Out);
        Unmount(_root);
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void An_empty_out_option_is_a_usage_error() => AssertOneError(Run(["--out", ""]), ExitCodes.Usage, "--out needs a folder; it was empty.");

    [Fact]
    public void An_out_path_that_is_a_file_is_a_usage_error_and_the_file_stays()
    {
        File.WriteAllText(Out, "a file");

        AssertOneError(Run([]), ExitCodes.Usage, $"'{Out}' is a file; --out needs a folder.");
        Assert.Equal("a file", File.ReadAllText(Out));
    }

    [Fact]
    public void A_folder_that_cannot_be_created_is_one_error_line_naming_the_path()
    {
        File.WriteAllText(Path.Combine(_root, "blocker"), "a file where a folder would go");

        var (code, _, error) = Run(["--out", Path.Combine(_root, "blocker", "generated")]);

        AssertOneError((code, string.Empty, error), ExitCodes.Failed, $"could not write '{Path.Combine(_root, "blocker", "generated")}'");
    }

    [SkippableFact]
    public void A_read_only_file_system_is_one_error_line_and_the_folder_stays()
    {
        Run([]);
        var before = Contents(Out);
        Skip.IfNot(Mount(Out, "ro"), "mounting a file system needs root");

        var (code, _, error) = Run([], () => Valid().WithServices(Emit.Minimal("second")));

        AssertOneError((code, string.Empty, error), ExitCodes.Failed, $"could not write '{Out}'");
        Assert.Contains("Read-only file system", error, StringComparison.Ordinal);
        Unmount(Out);
        Assert.Equal(before, Contents(Out));
    }

    [SkippableTheory]
    [InlineData("the file system holding the folder")]
    [InlineData("the folder, a mount point")]
    public void A_full_disk_is_one_error_line_and_the_folder_stays_as_it_was_without_debris(string whatIsFull)
    {
        // A 64 KiB tmpfs: the first definition fits, one with a 200 KB label cannot.
        var mounted = whatIsFull == "the folder, a mount point" ? Out : _root;
        Directory.CreateDirectory(mounted);
        Skip.IfNot(Mount(mounted, "rw,size=64k"), "mounting a file system needs root");
        Assert.Equal(ExitCodes.Success, Run([]).Code);
        var before = Contents(Out);
        var entries = Directory.GetFileSystemEntries(_root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var (code, _, error) = Run([], () => new ComposeStack("test").WithServices(Emit.Minimal().WithLabel("x.big", new string('x', 200_000))));

        AssertOneError((code, string.Empty, error), ExitCodes.Failed, $"could not write '{Out}'");
        Assert.True(error.Contains("because the disk was full", StringComparison.Ordinal), error);
        Assert.Equal(before, Contents(Out));
        Assert.Equal(entries, Directory.GetFileSystemEntries(_root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        Unmount(mounted);
    }

    [Fact]
    public void A_symbolic_link_stays_a_link_and_its_target_gets_the_files()
    {
        var target = Path.Combine(_root, "real-folder");
        Directory.CreateDirectory(target);
        Directory.CreateSymbolicLink(Out, target);

        Assert.Equal(ExitCodes.Success, Run([]).Code);
        Assert.Equal(ExitCodes.Success, Run([], () => Valid().WithServices(Emit.Minimal("second"))).Code);

        Assert.Equal(target, new DirectoryInfo(Out).LinkTarget);
        Assert.Contains("second:", File.ReadAllText(Path.Combine(target, StackGenerator.ComposeFileName)), StringComparison.Ordinal);
        // The one-writer lock sits beside the folder the link points to (ConcurrentRunsTests).
        Assert.Equal([OutputFolderLock.FileName("real-folder"), "generated", "real-folder"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void A_mount_point_is_written_in_place_and_stays_mounted()
    {
        Directory.CreateDirectory(Out);
        Skip.IfNot(Mount(Out, "rw"), "mounting a file system needs root");
        var variable = new Stack.Dsl.Values.Variable("GREETING", "What the app says.");
        Assert.Equal(ExitCodes.Success, Run([], () => Valid().WithVariables(variable)).Code);

        var (code, output, error) = Run([]);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("Wrote", output, StringComparison.Ordinal);
        Assert.True(IsMountPoint(Out), "the mount point was replaced");
        Assert.Equal([OutputFolder.ManifestName, StackPicture.FileName, StackGenerator.ComposeFileName], Directory.GetFileSystemEntries(Out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_run_killed_between_its_two_renames_gets_the_old_folder_back_and_no_debris()
    {
        Run([]);
        var before = Contents(Out);
        Directory.Move(Out, Path.Combine(_root, ".generated.old-0123"));
        Directory.CreateDirectory(Path.Combine(_root, ".generated.new-4567"));

        Assert.Equal(ExitCodes.Success, Run([]).Code);

        Assert.Equal(before, Contents(Out));
        Assert.Equal([OutputFolderLock.FileName("generated"), "generated"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_in_place_write_killed_after_its_commit_point_is_finished_by_the_next_run()
    {
        Run([]);
        var committed = Path.Combine(Out, ".stack-committed");
        Directory.CreateDirectory(committed);
        File.WriteAllText(Path.Combine(committed, StackGenerator.ComposeFileName), "# Generated by Stack. Do not edit by hand.\nname: finished\n");
        File.WriteAllText(Path.Combine(committed, OutputFolder.ManifestName), "# header\n" + StackGenerator.ComposeFileName + "\n");

        new OutputFolder(Out).Recover();

        Assert.Contains("name: finished", File.ReadAllText(Path.Combine(Out, StackGenerator.ComposeFileName)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(committed));
    }

    [Fact]
    public void A_null_service_is_one_error_line_saying_what_is_null()
    {
        Service? notYetInitialized = null;

        AssertOneError(Run([], () => new ComposeStack("test").WithServices(Emit.Minimal(), notYetInitialized!)), ExitCodes.Failed, "Service number 2 passed to WithServices is null");
    }

    [Fact]
    public void An_environment_returning_no_stack_is_one_error_line()
    {
        var broken = new StackEnvironment("dev", _ => null!);

        AssertOneError(Run([], () => Valid().WithEnvironments(broken)), ExitCodes.Failed, "Environment 'dev' (");
    }

    [Fact]
    public void An_exception_message_on_several_lines_stays_one_diagnostic()
    {
        var (code, _, error) = Run([], () => throw new InvalidOperationException("first line\nerror STK9999: not a real diagnostic"));

        // MSBuild's format reads any line holding "error CODE:" as a diagnostic, even indented: one line.
        Assert.Equal(ExitCodes.Failed, code);
        var line = Assert.Single(error.Split('\n'), line => line.Contains("error STK", StringComparison.Ordinal));
        Assert.Contains("error STK0200: building the definition failed with InvalidOperationException: first line | error STK9999: not a real diagnostic", line, StringComparison.Ordinal);
    }

    private static ComposeStack Valid() => new ComposeStack("test").WithServices(Emit.Minimal());

    private (int Code, string Output, string Error) Run(string[] args, Func<ComposeStack>? define = null)
    {
        var settings = new StackCliSettings { DefinitionDirectory = Path.Combine(_root, "definition"), DefaultOutputDirectory = Out };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = StackCli.Run(args, define ?? Valid, settings, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Exactly one "error" line holding <paramref name="text"/>, the exit code, and no stack trace.</summary>
    private static void AssertOneError((int Code, string Output, string Error) run, int code, string text)
    {
        Assert.Equal(code, run.Code);
        var line = Assert.Single(run.Error.Split('\n'), l => l.StartsWith("error", StringComparison.Ordinal) || l.Contains(": error ", StringComparison.Ordinal));
        Assert.Contains(text, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    private static string Contents(string folder) => string.Join("\n", Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal).Select(f => Path.GetFileName(f) + "\n" + File.ReadAllText(f)));

    /// <summary>Mounts a tmpfs at <paramref name="folder"/>, holding what it held: "ro", or "rw" with tmpfs options; false where that is not allowed.</summary>
    private static bool Mount(string folder, string mode)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return false;
        }

        var copy = Directory.CreateTempSubdirectory("stack-mount-copy-").FullName;
        foreach (var file in Directory.GetFiles(folder))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var options = mode == "ro" ? "rw" : mode;
        if (Shell($"mount -t tmpfs -o {options} tmpfs '{folder}' && cp -a '{copy}/.' '{folder}/' && {(mode == "ro" ? $"mount -o remount,ro '{folder}'" : "true")}") != 0)
        {
            return false;
        }

        Directory.Delete(copy, recursive: true);
        return true;
    }

    private static void Unmount(string folder)
    {
        if (OperatingSystem.IsLinux() && IsMountPoint(folder))
        {
            Shell($"umount '{folder}'");
        }
    }

    private static bool IsMountPoint(string folder) =>
        File.ReadAllLines("/proc/self/mounts").Any(line => line.Split(' ')[1] == folder);

    private static int Shell(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("sh", ["-c", command]) { RedirectStandardError = true })!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
