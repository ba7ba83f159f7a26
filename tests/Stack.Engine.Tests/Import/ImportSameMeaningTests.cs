using Stack.Testing;
using Stack.Tool.Import;
using static Stack.Engine.Tests.Import.ImportedProgram;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// Shapes real files have that once changed meaning or were refused pointing the wrong way: each
/// imports to what docker-compose config reads from the original, or is refused once, at its line.
/// </summary>
[Trait("Category", "Engine")]
public sealed class ImportSameMeaningTests
{
    [SkippableFact]
    public void Octal_and_hex_environment_numbers_keep_the_number_Compose_reads_and_say_so()
    {
        DockerCompose.RequireInstalled();
        const string yaml = """
            services:
              app:
                image: example/app:1.0
                restart: unless-stopped
                environment:
                  UMASK_SET: 022
                  MASK: 0x1F
                  WORKERS: 4
                  QUOTED: "022"
            """;

        var code = Imported(yaml);

        Assert.Contains(".WithEnvironment(\"UMASK_SET\", 18)", code, StringComparison.Ordinal);
        Assert.Contains(".WithEnvironment(\"MASK\", 31)", code, StringComparison.Ordinal);
        Assert.Contains("TODO(import): UMASK_SET: 022 is the octal number 18 to YAML", code, StringComparison.Ordinal);
        Assert.DoesNotContain("TODO(import): QUOTED", code, StringComparison.Ordinal);
        Assert.DoesNotContain("TODO(import): WORKERS", code, StringComparison.Ordinal);
        var (exit, stderr, emitted) = Run(code, "env-numbers");
        Assert.True(exit == 0, stderr);
        AssertSameMeaning(yaml, emitted, Variables(code));
    }

    [Theory]
    [InlineData("RATIO: 1.00", "1.00")]
    [InlineData("SCALE: 1_000", "1_000")]
    [InlineData("AT: 1:30", "1:30")]
    public void Numbers_Compose_versions_print_differently_keep_the_text_under_a_TODO(string line, string text)
    {
        var code = Imported($"services:\n  app:\n    image: example/app:1.0\n    environment:\n      {line}\n");

        var key = line.Split(':')[0];
        Assert.Contains($".WithEnvironment(\"{key}\", \"{text}\")", code, StringComparison.Ordinal);
        Assert.Contains($"TODO(import): {key}: {text} is a number to YAML, which Compose versions print differently", code, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Legacy_external_name_pull_policy_and_a_container_network_mode_mean_what_Compose_reads()
    {
        DockerCompose.RequireInstalled();
        const string yaml = """
            services:
              web:
                image: example/web:1.0
                restart: unless-stopped
                pull_policy: always
                networks: [proxy]
              sidecar:
                image: example/sidecar:1.0
                restart: unless-stopped
                network_mode: container:vpn
            networks:
              proxy:
                external:
                  name: traefik_proxy
            """;

        var code = Imported(yaml);

        Assert.Contains(".AsExternal().WithRealName(\"traefik_proxy\")", code, StringComparison.Ordinal);
        Assert.Contains(".WithPullPolicy(PullPolicy.Always)", code, StringComparison.Ordinal);
        Assert.Contains(".WithNetworkMode(NetworkMode.OfContainer(\"vpn\"))", code, StringComparison.Ordinal);
        var (exit, stderr, emitted) = Run(code, "legacy-external");
        Assert.True(exit == 0, stderr);
        AssertSameMeaning(yaml, emitted, Variables(code));
    }

    [Fact]
    public void A_refused_network_declaration_is_one_error_not_one_per_service_using_it()
    {
        const string yaml = """
            services:
              a: { image: "example/a:1", networks: [proxy] }
              b: { image: "example/b:1", networks: [proxy] }
              c: { image: "example/c:1", networks: { proxy: { aliases: [c] } } }
            networks:
              proxy:
                external: maybe
            """;

        var (code, errors) = AgreedImport.Import("dc.yml", yaml, "0.1.0", "s");

        Assert.Null(code);
        Assert.StartsWith("dc.yml(7,", Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("transfer.sh", "transfersh")]
    [InlineData("My Stack", "mystack")]
    [InlineData("_hidden-App.v2", "hidden-appv2")]
    [InlineData("...", "stack")]
    public void A_folder_name_becomes_the_project_name_Compose_makes_of_it(string folder, string project)
    {
        Assert.Equal(project, Naming.ComposeProjectName(folder));
        var (code, errors) = AgreedImport.Import("dc.yml", "services:\n  app:\n    image: example/app:1.0\n", "0.1.0", folder);
        Assert.True(code is not null, string.Join('\n', errors));
        Assert.Contains($"new ComposeStack(\"{project}\")", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bind_source_variable_with_a_project_folder_default_finds_that_folder_from_generated()
    {
        // ${DATA_ROOT:-./data} is read from the compose file's folder; written as is under generated/
        // it would name generated/data.
        using var folder = new Infrastructure.TemporaryFolder();
        var code = Imported("services:\n  app:\n    image: example/app:1.0\n    volumes:\n      - ${DATA_ROOT:-./data}:/data\n      - ${LOGS:-./logs}/app:/logs\n      - ${CACHE:-/var/cache}:/cache\n");

        Assert.Contains("HostPath.FromVariable(dataRoot.OrDefault(\"./data\"))", code, StringComparison.Ordinal);
        Assert.Contains("HostPath.FromVariable(logs.OrDefault(\"./logs\"), \"app\")", code, StringComparison.Ordinal);
        var (exit, stderr, emitted) = Run(code, "folder-default", folder.Path);
        Assert.True(exit == 0, stderr);
        Assert.Contains("- ${DATA_ROOT:-../data}:/data", emitted, StringComparison.Ordinal);
        Assert.Contains("- ${LOGS:-../logs}/app:/logs", emitted, StringComparison.Ordinal);
        Assert.Contains("- ${CACHE:-/var/cache}:/cache", emitted, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_service_naming_the_default_network_beside_another_joins_both()
    {
        DockerCompose.RequireInstalled();
        const string yaml = """
            services:
              web:
                image: example/web:1.0
                restart: unless-stopped
                networks: [front, default]
              app:
                image: example/app:1.0
                restart: unless-stopped
                networks:
                  default:
                    aliases: [backend]
              db:
                image: example/db:1.0
                restart: unless-stopped
            networks:
              front:
                external:
                  name: traefik_public
            """;

        var code = Imported(yaml);

        var (exit, stderr, emitted) = Run(code, "named-default");
        Assert.True(exit == 0, stderr);
        AssertSameMeaning(yaml, emitted, Variables(code));
    }

    [SkippableFact]
    public void A_GPU_reservation_is_a_device_request_beside_the_reserved_memory()
    {
        DockerCompose.RequireInstalled();
        const string yaml = """
            services:
              media:
                image: example/media:1.0
                restart: unless-stopped
                deploy:
                  resources:
                    limits:
                      memory: 8G
                    reservations:
                      memory: 1g
                      devices:
                        - driver: nvidia
                          count: 1
                          capabilities: [gpu]
                        - capabilities: [gpu, utility]
                          device_ids: ["0", "1"]
              ml:
                image: example/ml:1.0
                restart: unless-stopped
                deploy:
                  resources:
                    reservations:
                      devices:
                        - driver: nvidia
                          count: all
                          capabilities: [gpu]
            """;

        var code = Imported(yaml);

        Assert.Contains(".WithDeviceRequest(new DeviceRequest([\"gpu\"]) { Driver = \"nvidia\", Count = 1 })", code, StringComparison.Ordinal);
        var (exit, stderr, emitted) = Run(code, "gpu-reservation");
        Assert.True(exit == 0, stderr);
        AssertSameMeaning(yaml, emitted, Variables(code));
    }

    private static string Imported(string yaml)
    {
        var (code, errors) = AgreedImport.Import("dc.yml", yaml, "0.1.0", "meaning");
        Assert.True(code is not null, string.Join('\n', errors));
        return code!;
    }
}
