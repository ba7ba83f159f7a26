using System.Diagnostics;
using Stack.Dsl.Cli;

namespace Stack.Definition.Tests;

/// <summary>The built program end to end: arguments in, files and exit code out.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly string _out = Path.Combine(Directory.CreateTempSubdirectory("stack-definition-").FullName, "generated");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_out)!, recursive: true);

    [Fact]
    public void Writes_then_checks_clean_then_detects_drift()
    {
        Assert.Equal(ExitCodes.Success, Run("--out", _out).Code);
        Assert.Equal(ExitCodes.Success, Run("--out", _out, "--check").Code);

        File.AppendAllText(Path.Combine(_out, "docker-compose.yml"), "# edited by hand\n");
        var (code, _, error) = Run("--out", _out, "--check");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("-# edited by hand", error, StringComparison.Ordinal);
    }

    [Fact]
    public void One_core_and_two_write_the_same_files_for_every_target()
    {
        // With two cores the rules, the compose files and the Swarm files share two threads; with
        // one, everything runs in turn. The files and the findings must not show which.
        var oneCore = _out + "-one-core";
        var two = Run(environment: null, "--out", _out, "--target", "all");
        var one = Run(("DOTNET_PROCESSOR_COUNT", "1"), "--out", oneCore, "--target", "all");

        Assert.Equal(ExitCodes.Success, two.Code);
        Assert.Equal(ExitCodes.Success, one.Code);
        Assert.Equal(two.Error, one.Error);
        var files = Directory.GetFiles(_out, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_out, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(Path.Combine("swarm", "stack.prod.yml"), files);
        Assert.Equal(files, Directory.GetFiles(oneCore, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(oneCore, f)).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(_out, f)), File.ReadAllBytes(Path.Combine(oneCore, f))));
    }

    [Fact]
    public void Bad_usage_exits_2()
    {
        Assert.Equal(ExitCodes.Usage, Run("--no-such-option").Code);
    }

    private static (int Code, string Output, string Error) Run(params string[] args) => Run(environment: null, args);

    private static (int Code, string Output, string Error) Run((string Name, string Value)? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (environment is { } variable)
        {
            info.Environment[variable.Name] = variable.Value;
        }

        info.ArgumentList.Add(typeof(ReferenceStack).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
