using System.Net;
using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;
using Stack.Dsl.Validation;
using Stack.Rules;

namespace Stack.Dsl.Tests.Validation;

/// <summary>STK0100-STK0107: each risk is refused with its ID and a fix, and accepted with a reason.</summary>
public sealed class SecurityRulesTests
{
    private static readonly Network Net = new("n");

    /// <summary>A service that passes every rule, to add one risk to.</summary>
    private static Service Safe(string name = "app", [CallerLineNumber] int line = 0) =>
        new Service(name, "Definition.cs", line).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net);

    private static List<StackDiagnostic> Security(params Service[] services) =>
        [.. StackValidator.Validate(new ComposeStack("s").WithServices(services)).Where(d => d.Id.StartsWith("STK01", StringComparison.Ordinal))];

    public static TheoryData<string, SecurityRisk, string> Risky => new()
    {
        { "literal password", SecurityRisk.LiteralSecret, "STK0100" },
        { "writable docker socket", SecurityRisk.WritableDockerSocket, "STK0101" },
        { "read-only containerd socket", SecurityRisk.DaemonSocket, "STK0102" },
        { "host network", SecurityRisk.HostPrivilege, "STK0103" },
        { "privileged", SecurityRisk.HostPrivilege, "STK0103" },
        { "pid host", SecurityRisk.HostPrivilege, "STK0103" },
        { "SYS_ADMIN", SecurityRisk.DangerousCapability, "STK0104" },
        { "published database", SecurityRisk.DatabasePortPublished, "STK0105" },
        { "port on all interfaces", SecurityRisk.PortOnAllInterfaces, "STK0106" },
        { "no tag", SecurityRisk.UnpinnedImage, "STK0107" },
        { "latest", SecurityRisk.UnpinnedImage, "STK0107" },
    };

    private static Service Make(string risk) => risk switch
    {
        "literal password" => Safe().WithEnvironment("DB_PASSWORD", "hunter2"),
        "writable docker socket" => Safe().WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock"),
        "read-only containerd socket" => Safe().WithBind(HostPath.Absolute("/run/containerd/containerd.sock"), "/run/containerd/containerd.sock", readOnly: true),
        "host network" => Safe() with { Networks = [], NetworkMode = NetworkMode.Host },
        "privileged" => Safe().WithPrivileged(),
        "pid host" => Safe().WithPid(NamespaceMode.Host),
        "SYS_ADMIN" => Safe().WithCapAdd("SYS_ADMIN", "SYS_NICE"),
        "published database" => Safe().WithImage("mysql:8.4.3").WithPort(3306, 3306, IPAddress.Loopback),
        "port on all interfaces" => Safe().WithPort(8080, 80),
        "no tag" => Safe().WithImage("traefik/whoami"),
        "latest" => Safe().WithImage("registry.example.org:5000/team/app:latest"),
        _ => throw new ArgumentOutOfRangeException(nameof(risk)),
    };

    [Theory]
    [MemberData(nameof(Risky))]
    public void A_risk_is_an_error_that_says_how_to_accept_it(string risk, SecurityRisk kind, string id)
    {
        var diagnostic = Assert.Single(Security(Make(risk)));

        Assert.Equal((id, DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains(kind == SecurityRisk.LiteralSecret ? ".AcceptLiteralSecret(\"NAME\", \"why\")" : $".AcceptRisk(SecurityRisk.{kind}, \"why\")", diagnostic.Message, StringComparison.Ordinal);
        Assert.Matches($@"^[^(]+\(\d+\): error {id}: Service 'app' ", diagnostic.ToString());
    }

    [Theory]
    [MemberData(nameof(Risky))]
    public void An_accepted_risk_with_a_reason_passes(string risk, SecurityRisk kind, string id)
    {
        var service = kind == SecurityRisk.LiteralSecret ? Make(risk).AcceptLiteralSecret("DB_PASSWORD", "tested on purpose") : Make(risk).AcceptRisk(kind, "tested on purpose");

        Assert.Empty(Security(service));
        Assert.NotEmpty(id);
    }

    [Fact]
    public void A_literal_secret_is_accepted_by_name_so_accepting_one_does_not_hide_another()
    {
        var service = Safe()
            .WithEnvironment("PUBLIC_KEY", "ssh-ed25519 AAAA")
            .WithEnvironment("DB_PASSWORD", "hunter2")
            .WithEnvironment("DATABASE_URL", "postgres://app:hunter2@db/app")
            .WithLabel("app.api-token", "abc")
            .WithCommand("serve", "--password=hunter2")
            .AcceptLiteralSecret("PUBLIC_KEY", "a public key only looks secret");

        var messages = Security(service).Select(d => d.Message).ToList();
        Assert.Equal(4, messages.Count);
        Assert.DoesNotContain(messages, m => m.Contains("PUBLIC_KEY", StringComparison.Ordinal));

        var accepted = service
            .AcceptLiteralSecret("DB_PASSWORD", "test")
            .AcceptLiteralSecret("DATABASE_URL", "test")
            .AcceptLiteralSecret("app.api-token", "test")
            .AcceptLiteralSecret("--password", "test");
        Assert.Empty(Security(accepted));
    }

    [Fact]
    public void Accepting_literal_secrets_as_a_whole_is_refused_with_the_way_to_name_one()
    {
        var error = Assert.Throws<ArgumentException>(() => Safe().AcceptRisk(SecurityRisk.LiteralSecret, "all of them"));

        Assert.Contains(".AcceptLiteralSecret(\"NAME\", reason)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepting_one_risk_does_not_accept_another()
    {
        var service = Safe().WithImage("redis:latest").WithPort(6379, 6379).AcceptRisk(SecurityRisk.UnpinnedImage, "tested");

        Assert.Equal(["STK0105", "STK0106"], Security(service).Select(d => d.Id).Order());
    }

    [Fact]
    public void Safe_settings_pass()
    {
        var service = Safe()
            .WithEnvironment("DB_PASSWORD", new Stack.Dsl.Values.Variable("DB_PASSWORD"))
            .WithEnvironment("DB_PASSWORD_FILE", "/run/secrets/db")
            .WithEnvironment("KEYBOARD_LAYOUT", "de")
            .WithPort(8080, 80, IPAddress.Loopback)
            .WithCapAdd("NET_BIND_SERVICE")
            .WithImage("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

        Assert.Empty(Security(service));
    }

    [Fact]
    public void Socket_findings_point_at_the_mount_call()
    {
        var service = Safe().WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock"); var line = ThisLine();

        Assert.Equal(line, Assert.Single(Security(service)).Location.Line);
    }

    [Fact]
    public void Blank_reasons_are_rejected() =>
        Assert.Throws<ArgumentException>(() => Safe().AcceptRisk(SecurityRisk.UnpinnedImage, " "));

    [Theory]
    [InlineData("nginx:1.27.3", false)]
    [InlineData("ghost:5.94.2-alpine", false)]
    [InlineData("nginx", true)]
    [InlineData("nginx:", true)]
    [InlineData("nginx:latest", true)]
    [InlineData("redis:alpine", true)]
    [InlineData("postgres:bookworm", true)]
    [InlineData("redis:alpine@sha256:0123456789abcdef0123456789abcdef", false)]
    public void Versions_pin_and_variants_move(string image, bool unpinned) => Assert.Equal(unpinned, ImageReference.Parse(image).IsUnpinned);

    [Theory]
    [InlineData("postgres:17", true)]
    [InlineData("bitnami/postgresql:17.2.0", true)]
    [InlineData("redis/redis-stack-server:7.4.0", true)]
    [InlineData("mongodb/mongodb-community-server:8.0.4", true)]
    [InlineData("timescale/timescaledb-ha:pg17.2", true)]
    [InlineData("Percona:8.0", true)]
    [InlineData("perconaproxy:1.0", false)]
    [InlineData("mongo-express:1.0.2", false)]
    [InlineData("dpage/pgadmin4:8.14", false)]
    [InlineData("redis/redisinsight:2.64", false)]
    [InlineData("prometheuscommunity/postgres-exporter:v0.16.0", false)]
    [InlineData("nginx:1.27", false)]
    public void Databases_are_recognised_by_vendor_names_too(string image, bool database) => Assert.Equal(database, HostRisks.IsDatabaseImage(ImageReference.Parse(image)));

    [Theory]
    [InlineData("mysql", "mysql", null, false)]
    [InlineData("mysql:8.4.3", "mysql", "8.4.3", false)]
    [InlineData("localhost:5000/app", "localhost:5000/app", null, false)]
    [InlineData("localhost:5000/app:1.2", "localhost:5000/app", "1.2", false)]
    [InlineData("ghcr.io/org/app:1@sha256:abc", "ghcr.io/org/app", "1", true)]
    public void Image_references_parse(string image, string repository, string? tag, bool digest) =>
        Assert.Equal(new ImageReference(repository, tag, digest), ImageReference.Parse(image));

    [Theory]
    [InlineData("MYSQL_ROOT_PASSWORD", true)]
    [InlineData("database__connection__password", true)]
    [InlineData("B2_ACCOUNT_KEY", true)]
    [InlineData("api-token", true)]
    [InlineData("MYSQL_ROOT_PASSWORD_FILE", false)]
    [InlineData("KEYBOARD", false)]
    [InlineData("PASSTHROUGH", false)]
    [InlineData("dbPassword", true)]
    [InlineData("ADMINPASSWORD", true)]
    [InlineData("AppSecret", true)]
    [InlineData("MONKEY", false)]
    [InlineData("keyboardLayout", false)]
    [InlineData("SECRET_PORT", false)]
    [InlineData("SECRET_FILE_SIZE", false)]
    [InlineData("TOKEN_SOURCE", false)]
    [InlineData("JWT_KEY_ALGORITHM", false)]
    [InlineData("SECRET_KEY_BASE", true)]
    [InlineData("SSL_KEY", true)]
    public void Secret_names_are_words_or_glued_long_words(string name, bool secret) => Assert.Equal(secret, SecretNames.LooksSecret(name));

    [Theory]
    [InlineData("no", false)]
    [InlineData("TRUE", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData("/run/secrets/db_password", false)]
    [InlineData("\"$MYSQL_ROOT_PASSWORD\"", false)]
    [InlineData("hunter2", true)]
    [InlineData("nope", true)]
    [InlineData("/etc/secrets/db", false)]
    [InlineData("/etc/ssl/x.key", false)]
    [InlineData("/config/jwt/public.pem", false)]
    [InlineData("./jwt/private.pem", false)]
    [InlineData("~/keys/id_ed25519", false)]
    [InlineData("3000", false)]
    [InlineData("10485760", false)]
    [InlineData("/hunter2", true)]
    [InlineData("/x!pass/word", true)]
    [InlineData("/a//b", true)]
    [InlineData("3000x", true)]
    [InlineData("accessToken", true)]
    public void Flags_numbers_and_paths_are_not_secrets(string value, bool couldBe) => Assert.Equal(couldBe, SecretNames.CouldBeSecret("SECRET_PORT", value));

    // A number under a name whose last word is a secret's is the secret itself (a numeric password
    // or PIN); under a setting about one (a lifetime, a port, a length) it is that setting.
    [Theory]
    [InlineData("DB_PASSWORD", "987654321", true)]
    [InlineData("ADMIN_PIN_PASSWORD", "1234", true)]
    [InlineData("apiToken", "123456", true)]
    [InlineData("TOKEN_LIFETIME", "3600", false)]
    [InlineData("SECRET_FILE_SIZE", "10", false)]
    [InlineData("PASSWORD_MIN_LENGTH", "8", false)]
    [InlineData("DB_PASSWORD", "1", false)]
    [InlineData("DB_PASSWORD", "/etc/db/password", false)]
    public void A_number_is_a_secret_only_under_a_secrets_name(string name, string value, bool couldBe) => Assert.Equal(couldBe, SecretNames.CouldBeSecret(name, value));

    [Fact]
    public void Secrets_from_variables_and_harmless_flags_pass_everywhere()
    {
        var password = Stack.Dsl.Values.Variable.Secret("DB_PASSWORD");
        var service = Safe("a")
            .WithEnvironment("DATABASE_URL", $"postgres://app:{password}@db/app")
            .WithEnvironment("DB_PASSWORD", password)
            .WithCommand("server", "--password-file=/run/secrets/db", "--token", $"{password}", "--verbose")
            .WithLabel("app.token-ttl", "3600s")
            .WithLabel("app.token", "3600s");

        // A TTL is a setting about a token; app.token's 3600s is not a flag, so that label is the one finding.
        var finding = Assert.Single(Security(service));
        Assert.Contains("sets label app.token to", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flag_on_a_secret_looking_name_passes_and_a_glued_name_with_a_literal_does_not()
    {
        var findings = Security(Safe("a").WithEnvironment("ALLOW_EMPTY_PASSWORD", "no").WithEnvironment("MARIADB_PASSWORD_HASH", "/run/secrets/hash"), Safe("b").WithEnvironment("ADMINPASSWORD", "hunter2"));

        var finding = Assert.Single(findings);
        Assert.Contains("Service 'b' sets ADMINPASSWORD", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_paths_and_settings_about_a_secret_are_not_literal_secrets()
    {
        var findings = Security(
            Safe("a")
                .WithEnvironment("SECRET_PORT", "3000")
                .WithEnvironment("SECRET_FILE_SIZE", "10")
                .WithEnvironment("TOKEN_SOURCE", "accessToken")
                .WithEnvironment("SSL_KEY", "/etc/ssl/x.key")
                .WithEnvironment("JWT_PUBLIC_KEY", "/config/jwt/public.pem")
                .WithCommand("certonly", "--dns-cloudflare-credentials", "/root/cloudflare.ini"),
            Safe("b").WithEnvironment("API_TOKEN", "accessToken"));

        var finding = Assert.Single(findings);
        Assert.Contains("Service 'b' sets API_TOKEN", finding.Message, StringComparison.Ordinal);
    }

    private static int ThisLine([CallerLineNumber] int line = 0) => line;
}
