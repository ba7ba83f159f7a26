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
    public void Bad_usage_exits_2()
    {
        Assert.Equal(ExitCodes.Usage, Run("--no-such-option").Code);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
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
