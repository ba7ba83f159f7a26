using Stack.Engine.Tests.Corpus;
using Stack.Engine.Tests.Infrastructure;
using Stack.Testing;
using static Stack.Engine.Tests.Import.ImportedProgram;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// Files that name other files: <c>include:</c> and <c>extends: {file: ...}</c> are followed as
/// Compose follows them (each file's relative paths read from its own folder), so the stack holds
/// every service typed; the emitted file means what docker-compose config reads from the originals.
/// </summary>
[Trait("Category", "Engine")]
public sealed class ImportIncludeExtendsTests
{
    private const string Common = """
        services:
          base:
            image: example/app:1.0
            restart: unless-stopped
            environment:
              TZ: UTC
              MODE: base
            volumes:
              - /srv/app/config:/config:ro
              - /srv/app/cache:/cache
            cap_drop: [ALL]
            healthcheck:
              test: ["CMD", "true"]
              interval: 30s
              retries: 3
        """;

    private const string Extending = """
        services:
          web:
            extends:
              file: common.yml
              service: base
            environment:
              - MODE=web
            volumes:
              - /srv/web/cache:/cache
            ports:
              - 127.0.0.1:8080:80
            healthcheck:
              interval: 10s
          plain:
            image: example/plain:1.0
            restart: unless-stopped
        """;

    [SkippableFact]
    public void A_service_extending_another_files_service_holds_both_merged_as_Compose_merges_them()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "common.yml"), Common);
        var file = Path.Combine(folder.Path, "docker-compose.yml");
        File.WriteAllText(file, Extending);

        var (code, errors) = AgreedImport.Import([(file, Extending)], "0.1.0", "merged");
        Assert.True(code is not null, string.Join('\n', errors));
        Assert.DoesNotContain("\"extends\"", code, StringComparison.Ordinal);

        var (exit, stderr, emitted) = Run(code, "extends-file");

        Assert.True(exit == 0, stderr + "\n" + code);
        DockerCompose.RequireInstalled();
        var extra = new Dictionary<string, string> { ["common.yml"] = Common };
        Assert.Equal(
            CorpusRoundTripTests.Meaning(DockerCompose.Config([("docker-compose.yml", Extending)], [], extra)),
            CorpusRoundTripTests.Meaning(DockerCompose.Config([("docker-compose.yml", emitted)], [])));
    }

    [Fact]
    public void An_extended_service_in_another_folder_keeps_its_paths_from_its_own_folder()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "shared"));
        File.WriteAllText(Path.Combine(folder.Path, "shared", "db.yml"), "services:\n  db:\n    image: example/db:1.0\n    volumes:\n      - ./data:/var/lib/db\n    env_file: db.env\n  db2:\n    extends:\n      service: db\n    restart: always\n");
        var yaml = "services:\n  db:\n    extends:\n      file: shared/db.yml\n      service: db2\n";
        var file = Path.Combine(folder.Path, "docker-compose.yml");

        var (code, errors) = AgreedImport.Import([(file, yaml)], "0.1.0", "extends");

        Assert.True(code is not null, string.Join('\n', errors));
        Assert.Contains("HostPath.InProject(\"shared/data\")", code, StringComparison.Ordinal);
        Assert.Contains("shared/db.env", code, StringComparison.Ordinal);
        Assert.Contains("RestartPolicy.Always", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Extends_naming_a_missing_file_or_service_is_refused_at_its_line()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "common.yml"), Common);
        var file = Path.Combine(folder.Path, "dc.yml");

        var (code, errors) = AgreedImport.Import([(file, "services:\n  web:\n    extends:\n      file: nowhere.yml\n      service: base\n")], "0.1.0", "s");
        Assert.Null(code);
        Assert.Contains("dc.yml(4,", Assert.Single(errors).ToString(), StringComparison.Ordinal);

        (code, errors) = AgreedImport.Import([(file, "services:\n  web:\n    extends:\n      file: common.yml\n      service: other\n")], "0.1.0", "s");
        Assert.Null(code);
        var error = Assert.Single(errors).ToString();
        Assert.Contains("dc.yml(5,", error, StringComparison.Ordinal);
        Assert.Contains("'other', which common.yml does not define", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_include_only_file_imports_the_files_it_includes_as_Compose_reads_them()
    {
        const string a = "services:\n  a:\n    image: example/a:1.0\n    restart: unless-stopped\n    networks: [back]\nnetworks:\n  back: {}\n";
        const string b = "services:\n  b:\n    image: example/b:1.0\n    restart: unless-stopped\n    environment:\n      PEER: a\n";
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "a.yml"), a);
        File.WriteAllText(Path.Combine(folder.Path, "b.yml"), b);
        var file = Path.Combine(folder.Path, "compose.yml");
        const string including = "include:\n  - a.yml\n  - path: [b.yml]\n";

        var (code, errors) = AgreedImport.Import([(file, including)], "0.1.0", "included");
        Assert.True(code is not null, string.Join('\n', errors));
        Assert.Contains("new Service(\"a\")", code, StringComparison.Ordinal);
        Assert.Contains("new Service(\"b\")", code, StringComparison.Ordinal);

        var (exit, stderr, emitted) = Run(code, "include-only");

        Assert.True(exit == 0, stderr + "\n" + code);
        DockerCompose.RequireInstalled();
        // docker-compose 1.29 has no include:; the included files read together (-f a.yml -f b.yml) are what include: means when they do not clash.
        Assert.Equal(
            CorpusRoundTripTests.Meaning(DockerCompose.Config([("a.yml", a), ("b.yml", b)], [])),
            CorpusRoundTripTests.Meaning(DockerCompose.Config([("docker-compose.yml", emitted)], [])));
    }

    [Fact]
    public void Included_files_in_other_folders_keep_their_paths_and_their_own_includes()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "apps", "media"));
        File.WriteAllText(Path.Combine(folder.Path, "apps", "all.yml"), "include:\n  - media/compose.yml\n");
        File.WriteAllText(Path.Combine(folder.Path, "apps", "media", "compose.yml"), "services:\n  media:\n    image: example/media:1.0\n    restart: unless-stopped\n    volumes:\n      - ./library:/library\n      - ../../shared:/shared:ro\n");
        var file = Path.Combine(folder.Path, "compose.yml");
        const string yaml = "include:\n  - apps/all.yml\nservices:\n  proxy:\n    image: example/proxy:1.0\n    restart: unless-stopped\n";

        var (code, errors) = AgreedImport.Import([(file, yaml)], "0.1.0", "nested");

        Assert.True(code is not null, string.Join('\n', errors));
        Assert.Contains("HostPath.InProject(\"apps/media/library\")", code, StringComparison.Ordinal);
        Assert.Contains("HostPath.InProject(\"shared\")", code, StringComparison.Ordinal);
        Assert.Contains("new Service(\"proxy\")", code, StringComparison.Ordinal);
    }

    [Fact]
    public void An_included_file_that_is_missing_or_defines_a_service_again_is_refused_at_its_line()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "a.yml"), "services:\n  app:\n    image: example/a:1.0\n");
        var file = Path.Combine(folder.Path, "compose.yml");

        var (code, errors) = AgreedImport.Import([(file, "include:\n  - a.yml\n  - gone.yml\n")], "0.1.0", "s");
        Assert.Null(code);
        Assert.Contains("compose.yml(3,", Assert.Single(errors).ToString(), StringComparison.Ordinal);

        (code, errors) = AgreedImport.Import([(file, "include:\n  - a.yml\nservices:\n  app:\n    image: example/b:1.0\n")], "0.1.0", "s");
        Assert.Null(code);
        Assert.Contains("the service 'app' is also in", Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }
}
