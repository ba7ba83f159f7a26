using Stack.Definition.Common;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Testing;

namespace Stack.Definition.Tests;

public class ReferenceStackTests
{
    private static readonly string DefinitionDirectory = Path.Combine(Repository.Root, "src", "Stack.Definition");

    private static readonly string GeneratedDirectory = Path.Combine(Repository.Root, "generated");

    [Fact]
    public void Emits_the_reference_stack()
    {
        Snapshot.Match(Generate().Files[StackGenerator.ComposeFileName]);
    }

    [Theory]
    [InlineData("dc.dev.yml")]
    [InlineData("dc.stage.yml")]
    [InlineData("dc.prod.yml")]
    [InlineData("traefik.static.yml")]
    [InlineData("traefik.static.dev.yml")]
    [InlineData("traefik.static.stage.yml")]
    [InlineData("traefik.dynamic.yml")]
    [InlineData("traefik.dynamic.dev.yml")]
    [InlineData("excludes.txt")]
    [InlineData("RESTORE.md")]
    [InlineData("STACK.md")]
    public void Emits_each_file(string name)
    {
        Snapshot.Match(Generate().Files[name], Path.GetExtension(name).TrimStart('.'), method: "Emits_" + Path.GetFileNameWithoutExtension(name).Replace('.', '_'));
    }

    [Fact]
    public void Declares_dev_stage_and_prod() =>
        Assert.Equal(["dev", "prod", "stage"], Generate().Environments.Keys.Order(StringComparer.Ordinal));

    [SkippableTheory]
    [InlineData("dev")]
    [InlineData("stage")]
    [InlineData("prod")]
    public void Base_and_override_mean_the_whole_environment(string environment)
    {
        DockerCompose.RequireInstalled();
        var result = Generate();
        var variables = result.Variables.Select(v => v.Name).ToList();

        var merged = DockerCompose.Config([(StackGenerator.ComposeFileName, result.Files[StackGenerator.ComposeFileName]), ($"dc.{environment}.yml", result.Files[$"dc.{environment}.yml"])], variables);
        var whole = DockerCompose.Config([("whole.yml", result.Environments[environment])], variables);

        Assert.Equal(whole, merged);
    }

    [Fact]
    public void Committed_generated_folder_is_what_the_definition_emits()
    {
        var files = Generate().Files;

        // Besides the files, the manifest that records what Stack wrote there.
        Assert.Equal(files.Keys.Append(".stack-manifest").Order(StringComparer.Ordinal), Directory.GetFiles(GeneratedDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var (name, content) in files)
        {
            Assert.True(
                File.ReadAllText(Path.Combine(GeneratedDirectory, name)) == content,
                $"generated/{name} is stale: run `dotnet run --project src/Stack.Definition` and commit the result.");
        }
    }

    [Fact]
    public void Env_example_lists_every_variable_and_no_secret_value()
    {
        var lines = Generate().Files[".env.example"].Split('\n');
        var assignments = lines.Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#')).ToList();

        Assert.Equal(Generate().Variables.Select(v => v.Name + "="), assignments.Select(a => a[..(a.IndexOf('=', StringComparison.Ordinal) + 1)]));
        Assert.All(Variables.All.Where(v => v.IsSecret), secret => Assert.Contains(secret.Name + "=", assignments));
        Assert.All(assignments.Where(a => Variables.All.Single(v => a.StartsWith(v.Name + "=", StringComparison.Ordinal)).IsSecret), a => Assert.EndsWith("=", a, StringComparison.Ordinal));
        Assert.Contains("TIMEZONE=Etc/UTC", assignments);
    }

    [Fact]
    public void Every_project_file_the_stack_mounts_exists()
    {
        var missing = ReferenceStack.Build().Services
            .SelectMany(s => s.Volumes.OfType<BindMount>())
            .Select(m => m.Source)
            .OfType<ProjectHostPath>()
            .Select(p => p.RelativePath)
            .Where(p => !File.Exists(Path.Combine(DefinitionDirectory, p)) && !Directory.Exists(Path.Combine(DefinitionDirectory, p)))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Lists_the_variables_the_server_must_provide()
    {
        string[] expected =
        [
            "B2_APPLICATION_KEY", "B2_APPLICATION_KEY_ID", "B2_BUCKET", "BASE_HOST", "BLOG_HOST",
            "CF_DNS_API_TOKEN", "CF_ZONE_API_TOKEN", "GHOST_DB_PASSWORD", "LLDAP_JWT_SECRET", "LLDAP_LDAP_USER_PASS",
            "MYSQL_ROOT_PASSWORD", "RESTIC_PASSWORD", "SLACK_ALERTS_ENDPOINT", "SMTP_PASS", "SMTP_SENDER", "SMTP_USER", "TIMEZONE",
        ];

        Assert.Equal(expected, Generate().Variables.Select(v => v.Name));
    }

    [Fact]
    public void Every_service_group_of_the_reference_is_present()
    {
        string[] expected =
        [
            "adguardhome", "apprise", "authelia", "backup", "change-detection", "check", "devblog", "dozzle",
            "gc", "lldap", "mysql", "portainer", "prune", "redis", "traefik", "uptime-kuma", "whoami",
        ];

        Assert.Equal(expected, ReferenceStack.Build().Services.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_cleaned_up_definition_passes_the_whole_checklist_at_run_time()
    {
        // The build proves it for the analyzer (warnings are errors there); this proves it for the runtime check.
        Assert.Empty(Generate().Diagnostics);
    }

    [Fact]
    public void No_literal_password_reaches_generated()
    {
        var yaml = Generate().Files[StackGenerator.ComposeFileName];

        Assert.DoesNotContain("mysql-root-password", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("ghost-devblog-password", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Public_routers_say_why()
    {
        var publicRouters = ReferenceStack.Build().Services
            .SelectMany(s => s.Routers)
            .Where(r => r.PublicAccessReason is not null)
            .Select(r => r.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(["adguard-doh", "authelia", "devblog"], publicRouters);
    }

    private static GenerationResult Generate()
    {
        var result = StackGenerator.Generate(ReferenceStack.Build(), GenerationOptions.For(DefinitionDirectory, GeneratedDirectory) with
        {
            HeaderComments = [$"Change the C# definition and run: dotnet run --project src/Stack.Definition"],
        });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result;
    }
}
