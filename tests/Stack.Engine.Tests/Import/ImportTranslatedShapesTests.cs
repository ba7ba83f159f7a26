using Stack.Testing;
using static Stack.Engine.Tests.Import.ImportedProgram;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// Shapes the importer once refused at their line (issue 24) and now translates: each imported
/// stack compiles, emits on its first run, and its compose file means what the original means to
/// docker-compose config, with the variables unset and, where compose accepts any text, set.
/// </summary>
[Trait("Category", "Engine")]
public sealed class ImportTranslatedShapesTests
{
    [SkippableFact]
    public void Expose_keeps_each_ports_protocol()
    {
        const string yaml = """
            services:
              vpn:
                image: example/wg:1.0
                restart: unless-stopped
                expose:
                  - 8080/tcp
                  - 51820/udp
                  - "6000-6001/sctp"
                  - "9000"
                  - 7000-7002
            """;

        var code = Emitted(yaml, "expose-udp", out var emitted);

        Assert.Contains("new ExposedPort(51820, PortProtocol.Udp)", code, StringComparison.Ordinal);
        Assert.Contains("new ExposedPort(PortRange.Between(6000, 6001), PortProtocol.Sctp)", code, StringComparison.Ordinal);
        Assert.Contains("'51820/udp'", emitted, StringComparison.Ordinal);
        AssertSameMeaningBothWays(yaml, emitted, code);
    }

    [SkippableFact]
    public void Tmpfs_keeps_every_mount_option()
    {
        const string yaml = """
            services:
              app:
                image: example/app:1.0
                restart: unless-stopped
                tmpfs:
                  - /run:size=64m,noexec,nosuid,uid=1000,gid=1000
                  - /cache:rw,mode=1770,nodev
                  - /plain
            """;

        var code = Emitted(yaml, "tmpfs-options", out var emitted);

        Assert.Contains("Options = [\"noexec\", \"nosuid\", \"uid=1000\", \"gid=1000\"]", code, StringComparison.Ordinal);
        Assert.Contains("Options = [\"rw\", \"nodev\"]", code, StringComparison.Ordinal);
        AssertSameMeaningBothWays(yaml, emitted, code);
    }

    [Fact]
    public void A_tmpfs_option_the_DSL_cannot_hold_is_refused_at_its_line()
    {
        var (code, errors) = AgreedImport.Import("dc.yml", "services:\n  app:\n    image: example/app:1.0\n    tmpfs:\n      - /run:size=64m\n      - /x:noexec,uid=${UID}\n", "0.1.0", "s");

        Assert.Null(code);
        var error = Assert.Single(errors).ToString();
        Assert.StartsWith("dc.yml(6,", error, StringComparison.Ordinal);
        Assert.Contains("the tmpfs option 'uid=${UID}' is a variable", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_restart_policy_from_a_variable_keeps_the_variable_and_the_checklist_judges_its_default()
    {
        const string yaml = """
            services:
              app:
                image: example/app:1.0
                restart: ${RESTART:-unless-stopped}
              worker:
                image: example/worker:1.0
                restart: ${WORKER_RESTART-on-failure:3}
            """;

        var code = Emitted(yaml, "restart-variable", out var emitted, out var stderr);

        Assert.Contains(".WithRestart(RestartPolicy.FromVariable(restart.OrDefault(\"unless-stopped\")))", code, StringComparison.Ordinal);
        Assert.Contains(".WithRestart(RestartPolicy.FromVariable(workerRestart.OrDefaultIfUnset(\"on-failure:3\")))", code, StringComparison.Ordinal);
        Assert.DoesNotContain("STK0001", stderr, StringComparison.Ordinal);
        AssertSameMeaningBothWays(yaml, emitted, code);
    }

    [Fact]
    public void A_restart_variable_without_a_policy_as_default_is_refused_at_its_line_with_the_fix()
    {
        var (code, errors) = AgreedImport.Import("dc.yml", "services:\n  app:\n    image: example/app:1.0\n    restart: ${RESTART}\n", "0.1.0", "s");

        Assert.Null(code);
        var error = Assert.Single(errors).ToString();
        Assert.StartsWith("dc.yml(4,", error, StringComparison.Ordinal);
        Assert.Contains("${RESTART:-unless-stopped}", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_nested_default_becomes_a_default_holding_a_variable()
    {
        const string yaml = """
            services:
              app:
                image: example/app:1.0
                restart: unless-stopped
                environment:
                  ROOT_URL: ${ROOT_URL:-http://localhost:${HOST_PORT:-3000}/}
                  DB: ${DB_HOST:-${FALLBACK_HOST:-db}}:5432
                  DEEP: x${A:-${B:-${C:-c}}}y
            """;

        var (code, errors) = AgreedImport.Import("dc.yml", yaml, "0.1.0", "nested");
        Assert.True(code is not null, string.Join('\n', errors));
        Assert.Contains("rootUrl.OrDefault($\"http://localhost:{hostPort.OrDefault(\"3000\")}/\")", code, StringComparison.Ordinal);

        var (exit, stderr, files) = RunForFiles(code!, "nested-default");

        Assert.True(exit == 0, stderr + "\n" + code);
        var emitted = files["docker-compose.yml"];
        // The text Compose v2 expands as the original: the same references, nested alike.
        Assert.Contains("${ROOT_URL:-http://localhost:${HOST_PORT:-3000}/}", emitted, StringComparison.Ordinal);
        Assert.Contains("x${A:-${B:-${C:-c}}}y", emitted, StringComparison.Ordinal);
        // Every inner variable is declared and listed for whoever fills in .env.
        Assert.All(["HOST_PORT", "FALLBACK_HOST", "B", "C"], v => Assert.Contains(v, files[".env.example"], StringComparison.Ordinal));
        AssertSameMeaningBothWays(yaml, emitted, code!);
    }

    [Fact]
    public void A_nested_reference_in_another_form_is_still_refused_at_its_line()
    {
        var (code, errors) = AgreedImport.Import("dc.yml", "services:\n  app:\n    image: example/app:1.0\n    environment:\n      TZ: UTC\n      URL: ${URL?needs ${HOST}}\n", "0.1.0", "s");

        Assert.Null(code);
        Assert.StartsWith("dc.yml(6,", Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_host_port_from_a_variable_keeps_the_variable_and_the_rules_judge_its_default()
    {
        const string yaml = """
            services:
              web:
                image: example/web:1.0
                restart: unless-stopped
                ports:
                  - ${HTTP_PORT:-8080}:80
                  - 127.0.0.1:${DNS_PORT-5353}:53/udp
                  - target: 443
                    published: ${HTTPS_PORT:-8443}
            """;

        var code = Emitted(yaml, "port-variable", out var emitted, out var stderr);

        Assert.Contains(".WithPort(PortMapping.FromVariable(httpPort.OrDefault(\"8080\"), 80))", code, StringComparison.Ordinal);
        Assert.Contains("PortMapping.FromVariable(dnsPort.OrDefaultIfUnset(\"5353\"), 53) with { HostIp = IPAddress.Parse(\"127.0.0.1\"), Protocol = PortProtocol.Udp }", code, StringComparison.Ordinal);
        Assert.Contains(".WithPort(PortMapping.FromVariable(httpsPort.OrDefault(\"8443\"), 443))", code, StringComparison.Ordinal);
        // The default 8080 answers on every interface: the rule saw it, and the import carried it over.
        Assert.Contains("warning STK0108", stderr, StringComparison.Ordinal);
        Assert.Contains("SecurityRisk.PortOnAllInterfaces", code, StringComparison.Ordinal);
        DockerCompose.RequireInstalled();
        AssertSameMeaning(yaml, emitted, []);
    }

    [Fact]
    public void A_host_port_from_a_variable_clashes_on_its_default()
    {
        const string yaml = "services:\n  a:\n    image: example/a:1.0\n    restart: unless-stopped\n    ports: [\"127.0.0.1:${A_PORT:-8080}:80\"]\n  b:\n    image: example/b:1.0\n    restart: unless-stopped\n    ports: [\"127.0.0.1:8080:81\"]\n";
        var (code, errors) = AgreedImport.Import("dc.yml", yaml, "0.1.0", "clash");
        Assert.True(code is not null, string.Join('\n', errors));

        var (exit, stderr, _) = Run(code!, "port-clash");

        Assert.NotEqual(0, exit);
        Assert.Contains("error STK0208", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${HTTP_PORT}:80")]
    [InlineData("${HTTP_PORT:-http}:80")]
    [InlineData("8080:${TARGET:-80}")]
    public void A_port_variable_the_rules_cannot_judge_is_refused_at_its_line(string port)
    {
        var (code, errors) = AgreedImport.Import("dc.yml", $"services:\n  app:\n    image: example/app:1.0\n    ports:\n      - \"{port}\"\n", "0.1.0", "s");

        Assert.Null(code);
        var error = Assert.Single(errors).ToString();
        Assert.StartsWith("dc.yml(5,", error, StringComparison.Ordinal);
        Assert.Contains("${PORT:-8080}", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_container_path_from_a_variable_keeps_the_variable_and_the_checks_judge_its_default()
    {
        const string yaml = """
            services:
              core:
                image: example/komodo:1.0
                restart: unless-stopped
                volumes:
                  - ${ROOT:-/etc/komodo}:${ROOT:-/etc/komodo}
                  - data:${DATA_DIR-/data}:ro
                  - ${CACHE:-/cache}
            volumes:
              data: {}
            """;

        var code = Emitted(yaml, "mount-target-variable", out var emitted);

        Assert.Contains("new BindMount(HostPath.Absolute($\"{root.OrDefault(\"/etc/komodo\")}\"), root.OrDefault(\"/etc/komodo\"))", code, StringComparison.Ordinal);
        Assert.Contains("new VolumeMount(dataVolume, dataDir.OrDefaultIfUnset(\"/data\")) { ReadOnly = true }", code, StringComparison.Ordinal);
        Assert.Contains("new AnonymousVolumeMount(cache.OrDefault(\"/cache\"))", code, StringComparison.Ordinal);
        Assert.Contains("${ROOT:-/etc/komodo}:${ROOT:-/etc/komodo}", emitted, StringComparison.Ordinal);

        // Set, the variables would have to be paths for compose to read either file: compared unset.
        DockerCompose.RequireInstalled();
        AssertSameMeaning(yaml, emitted, []);
    }

    [Fact]
    public void A_long_syntax_container_path_from_a_variable_keeps_the_variable()
    {
        // docker-compose 1.29 does not read create_host_path (Compose v2 does): compared by what is written.
        const string yaml = "services:\n  core:\n    image: example/komodo:1.0\n    restart: unless-stopped\n    volumes:\n      - type: bind\n        source: /srv/config\n        target: ${CONFIG_DIR:-/config}\n        bind:\n          create_host_path: true\n";

        var code = Emitted(yaml, "long-mount-variable", out var emitted);

        Assert.Contains(".WithMount(new BindMount(HostPath.Absolute(\"/srv/config\"), configDir.OrDefault(\"/config\")) { CreateHostPath = true })", code, StringComparison.Ordinal);
        Assert.Contains("target: ${CONFIG_DIR:-/config}", emitted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("      - /srv:${TARGET}\n")]
    [InlineData("      - /srv:${TARGET:-data}\n")]
    [InlineData("      - /srv:/opt/${SUB:-x}\n")]
    public void A_container_path_variable_the_checks_cannot_judge_is_refused_at_its_line(string mount)
    {
        var (code, errors) = AgreedImport.Import("dc.yml", "services:\n  app:\n    image: example/app:1.0\n    volumes:\n" + mount, "0.1.0", "s");

        Assert.Null(code);
        var error = Assert.Single(errors).ToString();
        Assert.StartsWith("dc.yml(5,", error, StringComparison.Ordinal);
        Assert.Contains("${ROOT:-/etc/komodo}", error, StringComparison.Ordinal);
    }

    private static void AssertSameMeaningBothWays(string yaml, string emitted, string code)
    {
        DockerCompose.RequireInstalled();
        AssertSameMeaning(yaml, emitted, []);
        AssertSameMeaning(yaml, emitted, Variables(code));
    }

    private static string Emitted(string yaml, string name, out string emitted) => Emitted(yaml, name, out emitted, out _);

    private static string Emitted(string yaml, string name, out string emitted, out string stderr)
    {
        var (code, errors) = AgreedImport.Import("dc.yml", yaml, "0.1.0", name);
        Assert.True(code is not null, string.Join('\n', errors));
        (var exit, stderr, emitted) = Run(code!, name);
        Assert.True(exit == 0, stderr + "\n" + code);
        return code!;
    }
}
