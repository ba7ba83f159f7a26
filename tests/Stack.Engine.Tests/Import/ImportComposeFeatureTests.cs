using Stack.Testing;
using static Stack.Engine.Tests.Import.ImportedProgram;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// stack import of the compose features real files use beyond the corpus: merge keys, bind modes,
/// secrets and configs with their grants, env files, dependency settings, keys typed elsewhere.
/// </summary>
[Trait("Category", "Engine")]
public sealed class ImportComposeFeatureTests
{
    /// <summary>
    /// Settings shared through an x- anchor and merge keys (how many real files avoid repeating
    /// themselves) become each service's own typed settings, the service's keys winning as compose
    /// reads them; a bind's SELinux label and propagation modes are typed too.
    /// </summary>
    [SkippableFact]
    public void Merge_keys_and_bind_modes_import_as_typed_settings_that_mean_the_same()
    {
        DockerCompose.RequireInstalled();
        const string yaml = """
            x-common: &common
              restart: unless-stopped
              environment:
                TZ: Europe/Paris
              logging:
                driver: json-file
                options:
                  max-size: 10m
            x-labels: &labels
              com.example.team: web
            services:
              web:
                <<: *common
                image: nginx:1.27.3
                labels:
                  <<: *labels
                  com.example.role: front
                volumes:
                  - /srv/web/conf:/etc/nginx/conf.d:ro,z
                  - /srv/web/mounts:/mnt:rslave
              api:
                <<: [*common]
                image: example/api:1.0
                restart: always
                environment:
                  MODE: api
            """;

        var (code, errors) = AgreedImport.Import("dc.yml", yaml, "0.1.0", "merges");
        Assert.True(code is not null, string.Join('\n', errors));

        Assert.DoesNotContain("\"<<\"", code, StringComparison.Ordinal);
        Assert.Contains(".WithRestart(RestartPolicy.Always)", code, StringComparison.Ordinal);
        Assert.Contains(".WithEnvironment(\"TZ\", \"Europe/Paris\")", code, StringComparison.Ordinal);
        Assert.Contains("new BindMount(HostPath.Absolute(\"/srv/web/conf\"), \"/etc/nginx/conf.d\") { ReadOnly = true, SeLinux = SeLinuxRelabel.Shared }", code, StringComparison.Ordinal);
        Assert.Contains("{ Propagation = BindPropagation.RSlave }", code, StringComparison.Ordinal);
        var (exit, stderr, emitted) = Run(code!, "merges");
        Assert.True(exit == 0, $"the imported program failed:\n{stderr}\n{code}");
        AssertSameMeaning(yaml, emitted, Variables(code!));
    }

    /// <summary>
    /// Secrets and configs from files and the services' grants in both syntaxes: imported and
    /// emitted, they mean what the file means.
    /// </summary>
    [SkippableFact]
    public void Secrets_configs_env_files_and_dependency_settings_import_as_typed_settings_that_mean_the_same()
    {
        DockerCompose.RequireInstalled();
        const string yaml = """
            services:
              db:
                image: postgres:16.4
                restart: unless-stopped
                secrets: [db_password]
                environment:
                  POSTGRES_PASSWORD_FILE: /run/secrets/db_password
              app:
                image: example/app:2.3.1
                restart: unless-stopped
                depends_on:
                  db:
                    condition: service_started
                secrets:
                  - source: api_key
                    target: key.txt
                    uid: "1000"
                    gid: "1000"
                    mode: 0440
                configs:
                  - app_config
                  - source: motd
                    target: /etc/motd
                    mode: 292
            secrets:
              db_password:
                file: /srv/secrets/db_password.txt
              api_key:
                file: /srv/secrets/api_key.txt
            configs:
              app_config:
                file: /srv/config/app.toml
              motd:
                file: /srv/config/motd
            """;

        var (code, errors) = AgreedImport.Import("dc.yml", yaml, "0.1.0", "grants");
        Assert.True(code is not null, string.Join('\n', errors));

        Assert.Contains(".WithSecret(apiKeySecret, target: \"key.txt\", uid: \"1000\", gid: \"1000\", mode: Convert.ToInt32(\"440\", 8))", code, StringComparison.Ordinal);
        Assert.Contains(".WithConfig(motdConfig, target: \"/etc/motd\", mode: 292)", code, StringComparison.Ordinal);
        var (exit, stderr, emitted) = Run(code!, "grants");
        Assert.True(exit == 0, $"the imported program failed:\n{stderr}\n{code}");
        AssertSameMeaning(yaml, emitted, Variables(code!));
    }

    /// <summary>
    /// The Compose v2 forms docker-compose 1.29 cannot read (so no meaning comparison): a secret
    /// from a variable, a config's inline content, env_file's long syntax, depends_on's restart and
    /// required; and env files (which compose reads while comparing, so they are checked as code).
    /// </summary>
    [Fact]
    public void Compose_v2_secret_config_env_file_and_dependency_forms_import_as_typed_settings()
    {
        const string yaml = """
            services:
              app:
                image: example/app:2.3.1
                restart: unless-stopped
                env_file:
                  - /srv/app/common.env
                  - path: /srv/app/app.env
                    required: true
                depends_on:
                  cache:
                    condition: service_started
                    restart: true
                    required: false
                secrets: [api_key]
                configs: [motd]
              cache:
                image: redis:7.4.1
                restart: unless-stopped
            secrets:
              api_key:
                environment: API_KEY
            configs:
              motd:
                content: Welcome to ${HOST_NAME}
            """;

        var (code, errors) = AgreedImport.Import("dc.yml", yaml, "0.1.0", "v2");
        Assert.True(code is not null, string.Join('\n', errors));

        Assert.Contains("Secret.FromEnvironment(\"api_key\", apiKey)", code, StringComparison.Ordinal);
        Assert.Contains("Config.FromContent(\"motd\", $\"Welcome to {hostName}\")", code, StringComparison.Ordinal);
        Assert.Contains(".WithEnvFile(HostPath.Absolute(\"/srv/app/common.env\"))\n        .WithEnvFile(HostPath.Absolute(\"/srv/app/app.env\"))", code, StringComparison.Ordinal);
        Assert.Contains(".DependsOn(new Dependency(cache, DependencyCondition.ServiceStarted) { Restart = true, Required = false })", code, StringComparison.Ordinal);
        var (exit, stderr, _) = Run(code!, "v2");
        Assert.True(exit == 0, $"the imported program failed:\n{stderr}\n{code}");
    }

    /// <summary>
    /// A variable with a default or a message in a short-syntax mount (<c>${DATA:-./data}:/data</c>):
    /// the ':' inside the reference is not a separator, so the source stays one variable path and
    /// the file means the same emitted.
    /// </summary>
    [SkippableFact]
    public void Variables_with_defaults_in_mounts_import_as_one_source()
    {
        DockerCompose.RequireInstalled();
        const string yaml = """
            services:
              app:
                image: nginx:1.27.3
                volumes:
                  - ${DATA_DIR:-./data}:/data
                  - ${CONF_DIR:-/etc/app}/app.conf:/etc/app.conf:ro
            """;

        var (code, errors) = AgreedImport.Import("dc.yml", yaml, "0.1.0", "variables");
        Assert.True(code is not null, string.Join('\n', errors));

        // A project folder as the default is read from the compose file's folder: the generator writes it
        // from generated/ (ImportHomelabCorpusTests' nested-defaults.yml compares it in place with docker-compose config).
        Assert.Contains(".WithBind(HostPath.FromVariable(dataDir.OrDefault(\"./data\")), \"/data\")", code, StringComparison.Ordinal);
        Assert.Contains(".WithBind(HostPath.Absolute($\"{confDir.OrDefault(\"/etc/app\")}/app.conf\"), \"/etc/app.conf\", readOnly: true)", code, StringComparison.Ordinal);
        using var folder = new Infrastructure.TemporaryFolder();
        var (exit, stderr, emitted) = Run(code!, "variables", folder.Path);
        Assert.True(exit == 0, $"the imported program failed:\n{stderr}\n{code}");
        Assert.Contains("- ${DATA_DIR:-../data}:/data", emitted, StringComparison.Ordinal);
        Assert.Contains("- ${CONF_DIR:-/etc/app}/app.conf:/etc/app.conf:ro", emitted, StringComparison.Ordinal);
    }

    [Fact]
    public void An_env_file_that_may_be_missing_is_refused_with_why()
    {
        var (code, errors) = AgreedImport.Import("dc.yml", "services:\n  web:\n    image: nginx:1.27\n    env_file:\n      - path: ./a.env\n        required: false\n", "0.1.0", "s");

        Assert.Null(code);
        Assert.Equal("dc.yml(5,9): error STK0218: env_file's required: false is not typed by Stack; a Stack env file must exist (keep it in the project, or move its variables into the definition).", Assert.Single(errors).ToString());
    }

    [Fact]
    public void A_key_stack_does_not_type_goes_through_the_escape_hatch_with_a_todo()
    {
        var (code, _) = AgreedImport.Import("dc.yml", "services:\n  web:\n    image: nginx:1.27\n    blkio_config:\n      weight: 300\n", "0.1.0", "s");

        Assert.Contains("// TODO(import): 'blkio_config' is not typed by Stack", code, StringComparison.Ordinal);
        Assert.Contains(".WithField(\"blkio_config\", YamlValue.Mapping(new YamlEntry(\"weight\", YamlValue.Number(300))))", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_compose_reads_as_a_typed_one_is_kept_with_a_todo_naming_that_api()
    {
        var (code, _) = AgreedImport.Import("dc.yml", "services:\n  web:\n    image: nginx:1.27\n    mem_limit: 1g\n", "0.1.0", "s");

        Assert.Contains("// TODO(import): 'mem_limit' is kept as written; Stack types the same setting as deploy.resources.limits.memory (Service.WithResourceLimits)", code, StringComparison.Ordinal);
        Assert.Contains(".WithField(\"mem_limit\", YamlValue.Text(\"1g\"))", code, StringComparison.Ordinal);
    }
}
