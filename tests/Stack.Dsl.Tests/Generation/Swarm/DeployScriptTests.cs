using System.Diagnostics;
using Stack.Dsl.Compose;
using Stack.Dsl.Environments;
using Stack.Dsl.Values;

namespace Stack.Dsl.Tests.Generation.Swarm;

/// <summary>
/// swarm/deploy.sh run by a real sh, with a stand-in docker on PATH that prints what it was given:
/// the .env values reach docker stack deploy as written, the shell's own values win, and a bad
/// environment name or line is refused.
/// </summary>
public sealed class DeployScriptTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("stack-deploy-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(bool environments = true)
    {
        var stack = new ComposeStack("shop").WithServices(Emit.Minimal().WithEnvironment("A", new Variable("A")));
        stack = environments ? stack.WithEnvironments(new StackEnvironment("dev", s => s), new StackEnvironment("prod", s => s)) : stack;
        foreach (var (name, text) in SwarmEmit.Files(stack).Where(f => f.Key.StartsWith("swarm/", StringComparison.Ordinal)))
        {
            var path = Path.Combine(_root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        var bin = Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName;
        var docker = Path.Combine(bin, "docker");
        File.WriteAllText(docker, "#!/bin/sh\necho \"args: $*\"\necho \"A=[$A]\"\necho \"B=[$B]\"\necho \"C=[$C]\"\necho \"D=[$D]\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(docker, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        // PATH is this folder alone: the real docker must be out of reach (the script needs dirname besides builtins).
        File.CreateSymbolicLink(Path.Combine(bin, "dirname"), "/usr/bin/dirname");
        return bin;
    }

    private (int Code, string Output) Run(string bin, string? env, IReadOnlyDictionary<string, string>? exported = null, params string[] arguments)
    {
        if (env is not null)
        {
            File.WriteAllText(Path.Combine(_root, ".env"), env);
        }

        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(_root, "swarm", "deploy.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = bin;
        foreach (var name in new[] { "A", "B", "C", "D" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in exported ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    [Fact]
    public void Reads_dot_env_as_compose_does_and_deploys_the_environments_file()
    {
        var bin = Write();

        var (code, output) = Run(bin, "# comment\n\nA=plain value # note\nexport B='$HOME `x`'\nC=\"quoted\"\r\nD=\n", null, "prod");

        Assert.Equal(0, code);
        Assert.Contains("args: stack deploy --prune -c stack.prod.yml shop", output, StringComparison.Ordinal);
        Assert.Contains("A=[plain value]", output, StringComparison.Ordinal);
        Assert.Contains("B=[$HOME `x`]", output, StringComparison.Ordinal);
        Assert.Contains("C=[quoted]", output, StringComparison.Ordinal);
        Assert.Contains("D=[]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_value_ends_at_its_closing_quote_before_a_comment_as_docker_compose_reads_it()
    {
        // docker-compose 1.29 config reads these as: x y, q y, a"b (and the rest of C's line is not there).
        var (code, output) = Run(Write(), "A='x y' # rotated 2026\nB=\"q y\"  # note\nC=\"a\\\"b\"\nD='a' b\n", null, "prod");

        Assert.Equal(0, code);
        Assert.Contains("A=[x y]", output, StringComparison.Ordinal);
        Assert.Contains("B=[q y]", output, StringComparison.Ordinal);
        Assert.Contains("C=[a\"b]", output, StringComparison.Ordinal);
        Assert.Contains("D=['a' b]", output, StringComparison.Ordinal); // more than a comment after the quote: read as written
    }

    [Fact]
    public void A_value_the_shell_exports_wins()
    {
        var (code, output) = Run(Write(), "A=from-file\n", new Dictionary<string, string> { ["A"] = "from-shell" }, "dev");

        Assert.Equal(0, code);
        Assert.Contains("A=[from-shell]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_dot_env_it_says_so_and_deploys_with_what_the_shell_exports()
    {
        // Otherwise the deploy stops on the first required variable with docker's message, which
        // a newcomer running deploy.sh reads as the reason, not the missing file.
        var (code, output) = Run(Write(), null, new Dictionary<string, string> { ["A"] = "from-shell" }, "prod");

        Assert.Equal(0, code);
        Assert.Contains("no ../.env: only the variables this shell exports reach the stack (usage: ./deploy.sh {dev|prod} [ENV_FILE])", output, StringComparison.Ordinal);
        Assert.Contains("A=[from-shell]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_environments_an_environment_name_is_refused_with_the_usage()
    {
        // README's './deploy.sh prod' on a stack without environments names a missing env file.
        var (code, output) = Run(Write(environments: false), "A=1\n", null, "prod");

        Assert.Equal(1, code);
        Assert.Contains("prod: no such file (usage: ./deploy.sh [ENV_FILE])", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("qa", "A=1\n", 2, "usage: ./deploy.sh {dev|prod} [ENV_FILE]")]
    [InlineData("dev", "A B=1\n", 1, "not a KEY=VALUE line: A B=1")]
    [InlineData("dev", "$(touch pwned)=1\n", 1, "not a KEY=VALUE line")]
    public void Refuses_an_unknown_environment_and_a_line_that_is_no_assignment(string environment, string env, int exit, string message)
    {
        var (code, output) = Run(Write(), env, null, environment);

        Assert.Equal((exit, true), (code, output.Contains(message, StringComparison.Ordinal)));
        Assert.False(File.Exists(Path.Combine(_root, "swarm", "pwned")));
    }
}
