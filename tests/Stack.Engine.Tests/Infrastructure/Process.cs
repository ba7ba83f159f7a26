using System.Diagnostics;

namespace Stack.Engine.Tests.Infrastructure;

/// <summary>The outcome of a command: exit code and both streams.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
internal sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Both streams, for a failure message.</summary>
    public string Transcript => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs a command to completion, capturing its output.</summary>
internal static class Command
{
    public static CommandResult Run(string file, IEnumerable<string> arguments, string? directory = null, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = directory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.StandardInput.Close(); // nothing to read: a command waiting on input fails instead of hanging
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in time.");
        }

        return new CommandResult(process.ExitCode, output.Result, error.Result);
    }
}
