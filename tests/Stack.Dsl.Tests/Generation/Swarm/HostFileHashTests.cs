using System.Diagnostics;
using System.Security.Cryptography;
using Stack.Dsl.Compose;
using Stack.Dsl.Environments;
using Stack.Dsl.Values;

namespace Stack.Dsl.Tests.Generation.Swarm;

/// <summary>
/// A secret or config made from a file only the deploying host has: its Swarm name ends in a
/// variable, and swarm/deploy.sh (run by a real sh, with a stand-in docker that prints what it
/// was given) sets it to the file's hash, so a changed file deploys under a new name. Paths with
/// quotes, spaces and '$' stay one word; a path from .env is read after .env.
/// </summary>
public sealed class HostFileHashTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("stack-hash-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string HostFile(string name, string content)
    {
        var path = Path.Combine(_root, "host", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Hash(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))[..10];

    private static ComposeStack Stack(string absolute)
    {
        var db = Secret.FromFile("db-password", HostPath.Absolute(absolute));
        var api = Config.FromFile("api.conf", HostPath.FromVariable(new Variable("SECRETS_DIR"), "api.conf"));
        var app = Emit.Minimal().WithSecret(db).WithConfig(api, "/etc/api.conf");
        return new ComposeStack("shop").WithServices(app).WithSecrets(db).WithConfigs(api)
            .WithEnvironments(new StackEnvironment("dev", s => s), new StackEnvironment("prod", s => s));
    }

    private void WriteSwarmFiles(ComposeStack stack)
    {
        foreach (var (name, text) in SwarmEmit.Files(stack).Where(f => f.Key.StartsWith("swarm/", StringComparison.Ordinal)))
        {
            var path = Path.Combine(_root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    private (int Code, string Output) Deploy(string env, string environment)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName;
        var docker = Path.Combine(bin, "docker");
        File.WriteAllText(docker, "#!/bin/sh\necho \"args: $*\"\nenv | grep '^STACK_' | sort\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(docker, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        foreach (var tool in new[] { "dirname", "sha256sum", "env", "grep", "sort" })
        {
            var link = Path.Combine(bin, tool);
            if (!File.Exists(link))
            {
                File.CreateSymbolicLink(link, "/usr/bin/" + tool);
            }
        }

        File.WriteAllText(Path.Combine(_root, ".env"), env);
        var start = new ProcessStartInfo("/bin/sh", [Path.Combine(_root, "swarm", "deploy.sh"), environment]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = bin;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    [Fact]
    public void The_name_ends_in_a_variable_that_deploy_sh_sets_to_the_files_hash()
    {
        var secret = HostFile("it's a $HOME `x` file", "s3cret\n");
        var config = HostFile("dir/api.conf", "port 80\n");
        var stack = Stack(secret);
        WriteSwarmFiles(stack);

        var document = SwarmEmit.Parse(File.ReadAllText(Path.Combine(_root, "swarm", "stack.prod.yml")));
        Assert.Equal("shop_db-password-${STACK_SECRET_DB_PASSWORD_HASH:?" + "the hash of this file, which swarm/deploy.sh sets: deploy with it}", ((YamlDotNet.RepresentationModel.YamlScalarNode)document["secrets"]["db-password"]["name"]).Value);
        Assert.StartsWith("shop_api.conf-${STACK_CONFIG_API_CONF_HASH:?", ((YamlDotNet.RepresentationModel.YamlScalarNode)document["configs"]["api.conf"]["name"]).Value, StringComparison.Ordinal);

        var env = $"SECRETS_DIR={Path.GetDirectoryName(config)}\n";
        var (code, output) = Deploy(env, "prod");
        Assert.True(code == 0, output);
        Assert.Contains("args: stack deploy --prune -c stack.prod.yml shop", output, StringComparison.Ordinal);
        Assert.Contains($"STACK_SECRET_DB_PASSWORD_HASH={Hash(secret)}\n", output, StringComparison.Ordinal);
        Assert.Contains($"STACK_CONFIG_API_CONF_HASH={Hash(config)}\n", output, StringComparison.Ordinal);

        // A changed file: a new hash, so a new name, which Swarm takes as a new object.
        File.WriteAllText(secret, "rotated\n");
        var (again, changed) = Deploy(env, "prod");
        Assert.True(again == 0, changed);
        Assert.Contains($"STACK_SECRET_DB_PASSWORD_HASH={Hash(secret)}\n", changed, StringComparison.Ordinal);
        Assert.NotEqual(Hash(config), Hash(secret));
        Assert.False(File.Exists(Path.Combine(_root, "swarm", "x")), "a backtick in the path ran as a command");
    }

    [Fact]
    public void A_file_that_is_not_on_this_host_stops_the_deploy_before_docker_runs()
    {
        WriteSwarmFiles(Stack(Path.Combine(_root, "host", "missing")));
        HostFile("dir/api.conf", "port 80\n");

        var (code, output) = Deploy($"SECRETS_DIR={_root}/host/dir\n", "dev");

        Assert.Equal(1, code);
        Assert.Contains($"{_root}/host/missing: cannot read it; its hash (STACK_SECRET_DB_PASSWORD_HASH) names a secret or config in stack.dev.yml", output, StringComparison.Ordinal);
        Assert.DoesNotContain("args:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_deployed_environments_files_are_hashed()
    {
        var prodOnly = Secret.FromFile("tls", HostPath.Absolute(Path.Combine(_root, "host", "absent-on-this-laptop")));
        var stack = new ComposeStack("shop").WithServices(Emit.Minimal())
            .WithEnvironments(new StackEnvironment("dev", s => s), new StackEnvironment("prod", s => s.WithSecrets(prodOnly).MapServices(a => a.WithSecret(prodOnly))));
        WriteSwarmFiles(stack);

        Assert.True(Deploy(string.Empty, "dev").Code == 0);
        Assert.Equal(1, Deploy(string.Empty, "prod").Code);
    }

    [Fact]
    public void Keys_that_upper_case_alike_get_their_own_variables()
    {
        var one = Secret.FromFile("a-b", HostPath.Absolute(HostFile("one", "1")));
        var two = Secret.FromFile("a_b", HostPath.Absolute(HostFile("two", "2")));
        var stack = new ComposeStack("shop").WithServices(Emit.Minimal().WithSecret(one).WithSecret(two)).WithSecrets(one, two)
            .WithEnvironments(new StackEnvironment("prod", s => s));
        WriteSwarmFiles(stack);

        var (code, output) = Deploy(string.Empty, "prod");

        Assert.True(code == 0, output);
        Assert.Contains($"STACK_SECRET_A_B_HASH={Hash(Path.Combine(_root, "host", "one"))}\n", output, StringComparison.Ordinal);
        Assert.Contains($"STACK_SECRET_A_B_HASH_2={Hash(Path.Combine(_root, "host", "two"))}\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_lines_are_in_the_order_of_their_variables_whatever_order_they_were_met_in()
    {
        // The secret is met first (top-level secrets come before configs); its variable sorts last.
        var text = SwarmEmit.Files(Stack(Path.Combine(_root, "host", "db")))["swarm/deploy.sh"];

        var config = text.IndexOf("hash_of STACK_CONFIG_API_CONF_HASH ", StringComparison.Ordinal);
        var secret = text.IndexOf("hash_of STACK_SECRET_DB_PASSWORD_HASH ", StringComparison.Ordinal);
        Assert.True(config >= 0 && secret >= 0, text);
        Assert.True(config < secret, text);
    }

    [Fact]
    public void A_path_whose_variable_has_a_default_keeps_a_plain_name_and_no_hash_line()
    {
        var folder = new Variable("SECRETS_DIR").OrDefault("/run/secrets");
        var db = Secret.FromFile("db", HostPath.FromVariable(folder, "db"));
        var stack = new ComposeStack("shop").WithServices(Emit.Minimal().WithSecret(db)).WithSecrets(db);

        var files = SwarmEmit.Files(stack);

        Assert.Equal("shop_db", ((YamlDotNet.RepresentationModel.YamlScalarNode)SwarmEmit.Parse(files[SwarmEmit.FileName])["secrets"]["db"]["name"]).Value);
        Assert.DoesNotContain("hash_of", files["swarm/deploy.sh"], StringComparison.Ordinal);
    }
}
