using System.Diagnostics;

namespace Stack.Testing;

/// <summary>
/// Runs docker-compose 1.29 (Debian's; there is no Docker engine here) to normalise compose files
/// with <c>config</c>. CI installs it; a machine without it skips these tests, never in CI.
/// </summary>
internal static class DockerCompose
{
    private static readonly Lazy<bool> Installed = new(() =>
    {
        try
        {
            return Run(Directory.GetCurrentDirectory(), ["version", "--short"]).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    /// <summary>Skips the calling test when docker-compose is missing, unless running in CI, where it must be there.</summary>
    public static void RequireInstalled()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (ci)
        {
            Assert.True(Installed.Value, "CI must install docker-compose (apt-get install -y docker-compose) before dotnet test.");
        }

        Skip.IfNot(Installed.Value, "docker-compose is not installed (apt-get install -y docker-compose).");
    }

    /// <summary>
    /// <c>docker-compose -f F1 -f F2 ... config</c> over the given file contents, written into a
    /// fresh folder. The top-level <c>name:</c> is dropped (1.29 predates it); every variable in
    /// <paramref name="variables"/> is set to a token, so unset variables do not warn.
    /// </summary>
    public static string Config(IReadOnlyList<(string Name, string Content)> files, IEnumerable<string> variables, IReadOnlyDictionary<string, string>? extraFiles = null)
    {
        var folder = Directory.CreateTempSubdirectory("stack-compose-");
        try
        {
            foreach (var (name, content) in extraFiles ?? new Dictionary<string, string>())
            {
                File.WriteAllText(Path.Combine(folder.FullName, name), content);
            }

            var arguments = new List<string> { "--project-directory", folder.FullName };
            foreach (var (name, content) in files)
            {
                File.WriteAllText(Path.Combine(folder.FullName, name), string.Join('\n', content.Split('\n').Where(l => !l.StartsWith("name:", StringComparison.Ordinal))));
                arguments.Add("-f");
                arguments.Add(Path.Combine(folder.FullName, name));
            }

            arguments.Add("config");
            var (exitCode, output, error) = Run(folder.FullName, arguments, variables.ToDictionary(v => v, v => $"@{v}@", StringComparer.Ordinal));
            Assert.True(exitCode == 0, $"docker-compose config failed:\n{error}");
            return output.Replace(folder.FullName, "<folder>", StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static (int ExitCode, string Output, string Error) Run(string directory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("docker-compose") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
