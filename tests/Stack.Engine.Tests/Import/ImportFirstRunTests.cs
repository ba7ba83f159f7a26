using Stack.Testing;
using static Stack.Engine.Tests.Import.ImportedProgram;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// The first run emits: every risk the compose file already takes is accepted with the import's
/// reason, the program writes the same stack, and each acceptance is a warning (STK0108) at its
/// line until a person rewrites it; with --warnaserror, nothing goes green unreviewed.
/// </summary>
[Trait("Category", "Engine")]
public sealed class ImportFirstRunTests
{
    private static string FileOf(string name) => Path.Combine(Repository.Root, "tests", "Stack.Engine.Tests", "Import", "Files", name + ".yml");

    [Fact]
    public void Each_risk_of_the_original_is_carried_over_and_listed()
    {
        var carried = new List<string>();
        var (code, errors) = AgreedImport.Import([(FileOf("first-run"), File.ReadAllText(FileOf("first-run")))], "0.1.0", "homelab", carriedRisks: carried);
        Assert.True(code is not null, string.Join('\n', errors));

        Assert.Equal(
            [
                "proxy: SecurityRisk.DaemonSocket", "proxy: SecurityRisk.PortOnAllInterfaces", "proxy: SecurityRisk.UnpinnedImage",
                "db: SecurityRisk.DatabasePortPublished",
                "app: SecurityRisk.HostPrivilege", "app: literal secret --password", "app: literal secret API_TOKEN", "app: literal secret DATABASE_URL", "app: literal secret DB_PASSWORD",
                "backup: SecurityRisk.DangerousCapability", "backup: SecurityRisk.HostPrivilege", "backup: SecurityRisk.WritableDockerSocket",
            ],
            carried);
        Assert.Equal(carried.Count, System.Text.RegularExpressions.Regex.Count(code!, "\"imported as is: review\"\\)"));

        // SECRET_PORT (a number) and SSL_KEY (a path) are not secrets: nothing to carry over.
        Assert.DoesNotContain("\"SECRET_PORT\", \"imported", code, StringComparison.Ordinal);
        Assert.DoesNotContain("\"SSL_KEY\", \"imported", code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("first-run", "Files")]
    [InlineData("risky-build", "Files")]
    [InlineData("resource-secrets", "Files")]
    [InlineData("long-syntax", "Corpus")]
    [InlineData("isolation", "Corpus")]
    public void The_first_run_emits_with_a_warning_per_carried_risk_and_warnaserror_fails(string name, string folder)
    {
        var file = folder == "Files" ? FileOf(name) : Path.Combine(Repository.Root, "tests", "Stack.Engine.Tests", "Corpus", "Files", name + ".yml");
        var carried = new List<string>();
        var (code, errors) = AgreedImport.Import([(file, File.ReadAllText(file))], "0.1.0", "imported", carriedRisks: carried);
        Assert.True(code is not null, string.Join('\n', errors));
        Assert.NotEmpty(carried);

        var (exit, stderr, emitted) = Run(code!, name);

        Assert.True(exit == 0, $"the first run failed:\n{stderr}\n{code}");
        Assert.NotEmpty(emitted);
        var warnings = stderr.Split('\n').Where(l => l.Contains(": warning STK0108: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(carried.Count, warnings.Count);
        Assert.DoesNotContain(": error ", stderr, StringComparison.Ordinal);

        // Each warning points at the line of its acceptance in the imported file.
        var lines = code!.Split('\n').Where(l => !l.StartsWith("#:", StringComparison.Ordinal)).ToList();
        Assert.All(warnings, w =>
        {
            var line = int.Parse(System.Text.RegularExpressions.Regex.Match(w, @"stack\.cs\((\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("\"imported as is: review\"", lines[line - 1], StringComparison.Ordinal);
        });

        var (strictExit, strictErrors, _) = Run(code!, name + "-strict", null, "--warnaserror");
        Assert.Equal(1, strictExit);
        Assert.Contains("STK0108", strictErrors, StringComparison.Ordinal);
    }

    [Fact]
    public void The_acceptances_are_what_the_rules_find_in_the_model_build_args_and_variable_ports_included()
    {
        var carried = new List<string>();
        var (code, errors) = AgreedImport.Import([(FileOf("risky-build"), File.ReadAllText(FileOf("risky-build")))], "0.1.0", "risky", carriedRisks: carried);
        Assert.True(code is not null, string.Join('\n', errors));

        // The YAML reading the importer had before missed the build arg, the variable port and the label.
        Assert.Contains("api: literal secret NPM_TOKEN", carried);
        Assert.Contains("api: SecurityRisk.PortOnAllInterfaces", carried);
        Assert.Contains("monitor: literal secret monitor.api_key", carried);
        Assert.Contains("db: SecurityRisk.DatabasePortPublished", carried);
        Assert.Contains("db: literal secret POSTGRES_PASSWORD", carried);
        Assert.Contains("monitor: SecurityRisk.HostPrivilege", carried);
        Assert.DoesNotContain(carried, c => c.Contains("VERSION", StringComparison.Ordinal));

        // Exactly what the rules report: without the acceptances, the run fails on each one and nothing else.
        var bare = System.Text.RegularExpressions.Regex.Replace(code!, @"\s*\.Accept(Risk|LiteralSecret)\([^\n]*?""imported as is: review""\)", string.Empty);
        var (exit, stderr, _) = Run(bare, "risky-bare");
        Assert.NotEqual(0, exit);
        Assert.Equal(carried.Count, RuleIds(stderr).Count(id => id.StartsWith("STK010", StringComparison.Ordinal) && id != "STK0108"));
    }

    [Fact]
    public void A_literal_secret_in_a_volumes_or_networks_driver_options_is_accepted_on_its_declaration()
    {
        var carried = new List<string>();
        var (code, errors) = AgreedImport.Import([(FileOf("resource-secrets"), File.ReadAllText(FileOf("resource-secrets")))], "0.1.0", "nas", carriedRisks: carried);
        Assert.True(code is not null, string.Join('\n', errors));

        // Each CIFS password and the plugin network's, on its own declaration; nothing for NFS or the MTU.
        Assert.Equal(["network mesh: literal secret password", "volume movies: literal secret password", "volume music: literal secret password"], carried.Order(StringComparer.Ordinal));
        var lines = code!.Split('\n');
        foreach (var (kind, name) in new[] { ("Network", "mesh"), ("Volume", "movies"), ("Volume", "music") })
        {
            Assert.Contains(lines, l => l.Contains($"new {kind}(\"{name}\")", StringComparison.Ordinal) && l.Contains(".AcceptLiteralSecret(\"password\", \"imported as is: review\")", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(lines, l => (l.Contains("new Volume(\"exports\")", StringComparison.Ordinal) || l.Contains("new Network(\"storage\")", StringComparison.Ordinal)) && l.Contains("Accept", StringComparison.Ordinal));

        // The project layout holds the same acceptances on its shared declarations.
        var (project, projectErrors) = AgreedImport.ImportProject([(FileOf("resource-secrets"), File.ReadAllText(FileOf("resource-secrets")))], "0.1.0", "nas");
        Assert.True(project is not null, string.Join('\n', projectErrors));
        Assert.Equal(carried.Count, project.Values.Sum(text => System.Text.RegularExpressions.Regex.Count(text, @"\.AcceptLiteralSecret\(""password"", ""imported as is: review""\)")));

        // Without the acceptances the run refuses each one, once, and nothing else.
        var bare = System.Text.RegularExpressions.Regex.Replace(code, @"\s*\.Accept(Risk|LiteralSecret)\([^\n]*?""imported as is: review""\)", string.Empty);
        var (exit, stderr, _) = Run(bare, "resource-secrets-bare");
        Assert.NotEqual(0, exit);
        var refused = stderr.Split('\n').Where(l => l.Contains(": error STK0100: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(carried.Count, refused.Count);
        Assert.Single(refused, l => l.Contains("Network 'mesh'", StringComparison.Ordinal));
        Assert.Single(refused, l => l.Contains("Volume 'movies'", StringComparison.Ordinal));
        Assert.Single(refused, l => l.Contains("Volume 'music'", StringComparison.Ordinal));
        Assert.Equal(carried.Count, RuleIds(stderr).Count(id => id.StartsWith("STK010", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_override_files_risks_come_from_the_rules_and_are_accepted_where_the_environment_changes_or_adds_the_service()
    {
        var carried = new List<string>();
        var (code, errors) = AgreedImport.Import(
            [
                ("docker-compose.yml", "services:\n  web:\n    image: nginx:1.27\n    environment:\n      DB_PASSWORD: changeme\n"),
                ("dc.prod.yml", "services:\n  web:\n    image: nginx:latest\n    ports:\n      - \"8080:80\"\n    environment:\n      API_TOKEN: abc123xyz\n  extra:\n    image: redis:latest\n    cap_add: [SYS_ADMIN]\n"),
            ],
            "0.1.0",
            "envrisks",
            carriedRisks: carried);
        Assert.True(code is not null, string.Join('\n', errors));

        // The environment's own risks on its MapService, the added service's on its declaration.
        Assert.Equal(
            [
                "web: literal secret DB_PASSWORD",
                "extra: SecurityRisk.DangerousCapability", "extra: SecurityRisk.UnpinnedImage",
                "web: SecurityRisk.PortOnAllInterfaces (environment prod)", "web: SecurityRisk.UnpinnedImage (environment prod)", "web: literal secret API_TOKEN (environment prod)",
            ],
            carried);
        var (exit, stderr, _) = Run(code!, "env-risks");
        Assert.True(exit == 0, $"the first run failed:\n{stderr}\n{code}");
        Assert.DoesNotContain(": error ", stderr, StringComparison.Ordinal);

        // Without the acceptances the run refuses each carried risk.
        var bare = System.Text.RegularExpressions.Regex.Replace(code!, @"\s*\.Accept(Risk|LiteralSecret)\([^\n]*?""imported as is: review""\)", string.Empty);
        var (bareExit, bareErrors, _) = Run(bare, "env-risks-bare");
        Assert.NotEqual(0, bareExit);
        Assert.Equal(
            ["STK0100", "STK0104", "STK0106", "STK0107"],
            RuleIds(bareErrors).Where(id => id.StartsWith("STK010", StringComparison.Ordinal) && id != "STK0108").Distinct().Order(StringComparer.Ordinal));
        Assert.Contains("API_TOKEN", bareErrors, StringComparison.Ordinal);
        Assert.Contains("DB_PASSWORD", bareErrors, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_first_run_means_what_the_file_means()
    {
        DockerCompose.RequireInstalled();
        var yaml = File.ReadAllText(FileOf("first-run"));
        var (code, errors) = AgreedImport.Import([(FileOf("first-run"), yaml)], "0.1.0", "homelab");
        Assert.True(code is not null, string.Join('\n', errors));

        var (exit, stderr, emitted) = Run(code!, "first-run-meaning");

        Assert.True(exit == 0, stderr);
        AssertSameMeaning(yaml, emitted, Variables(code!));
    }

    [Fact]
    public void A_reviewed_reason_ends_the_warning()
    {
        var (code, _) = AgreedImport.Import([(FileOf("first-run"), File.ReadAllText(FileOf("first-run")))], "0.1.0", "homelab");
        var reviewed = code!.Replace("\"imported as is: review\"", "\"reviewed: kept on purpose\"", StringComparison.Ordinal);

        var (exit, stderr, _) = Run(reviewed, "first-run-reviewed", null, "--warnaserror");

        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("STK0108", stderr, StringComparison.Ordinal);
    }
}
