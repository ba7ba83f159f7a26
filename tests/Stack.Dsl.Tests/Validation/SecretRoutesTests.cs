using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Validation;
using Stack.Dsl.Values;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// STK0100 over every route a literal secret takes into generated/: every text field the hostile
/// text corpus sets (<see cref="HostileTextTests.Fields"/>, one per text the generator writes) with
/// a secret put there in every keyless form, and every keyed text (environment, labels, build args,
/// options, escape-hatch fields, a config's content) with a secret-named key and a literal, numeric
/// or variable-joined value. A variable reference, a file path, a flag value and an accepted name
/// are not reported.
/// </summary>
public sealed class SecretRoutesTests
{
    private const string Id = "STK0100";

    /// <summary>A secret held inside a text, whatever the text's key: each separated from what the field puts before it.</summary>
    private static readonly string[] KeylessForms =
    [
        "postgres://app:hunter2@db/app",
        ";export DB_PASSWORD=hunter2",
        ";PASSWORD=hunter2",
        ",password=hunter2",
        ";--password=hunter2",
        "?token=a1b2c3d4e5",
        // A key and its value as a file or a header writes them (YAML and JSON, INI, compact JSON, HTTP).
        ";password: hunter2;",
        ";password = hunter2;",
        ";{password:hunter2};",
        ";Authorization: Bearer a1b2c3d4e5;",
        // Programs whose credential flags do not say so by their name.
        ";mysqladmin ping -phunter2;",
        ";redis-cli -a hunter2 ping;",
        ";redis-server --requirepass hunter2;",
        ";curl -u admin:hunter2 http://app/;",
        // A CIFS share's password after '%' in its user name.
        ",user=media%hunter2,",
    ];

    /// <summary>The same places holding no literal secret.</summary>
    /// <remarks>Each ends on a separator: a field may append text of its own (".example.org").</remarks>
    private static readonly string[] HarmlessForms =
    [
        "postgres://app@db/app;",
        ";export DB_PASSWORD_FILE=/run/secrets/db;",
        ";--password-file=/run/secrets/db;",
        ";PASSWORD=$DB_PASSWORD;",
        ",password=/run/secrets/db_password,",
        "?token_ttl=3600;",
        ";ALLOW_EMPTY_PASSWORD=no;",
        ";Password: the one in the vault;",
        ";password: $DB_PASSWORD;",
        ";mysql -p;",
        ";cp -pr /a /b;",
        ";curl -u admin http://app/;",
        ";gosu app:app run;",
        ";${DB_PASSWORD:?set it};",
        ",user=media,uid=1000,",
        ",user=media%$CIFS_PASSWORD,",
    ];

    /// <summary>
    /// Fields that cannot carry any of the forms: the DSL or another rule refuses a text with ';',
    /// ',', '?' or '=' there, so nothing is written (the test proves each is refused).
    /// </summary>
    private static readonly Dictionary<string, string> CannotCarry = new()
    {
        ["container name"] = "a Docker name: STK0201 refuses ':', ';', ',', '?', '=' and spaces",
        ["external middleware name"] = "a Traefik name: STK0201 refuses all but letters, digits, '_' and '-'",
        ["external middleware provider"] = "a Traefik name: STK0201 refuses all but letters, digits, '_' and '-'",
    };

    public static TheoryData<string, int> Keyless()
    {
        var cases = new TheoryData<string, int>();
        foreach (var field in HostileTextTests.Fields.Keys)
        {
            for (var i = 0; i < KeylessForms.Length; i++)
            {
                cases.Add(field, i);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Keyless))]
    public void A_secret_anywhere_in_a_text_is_reported(string field, int form)
    {
        var (diagnostics, refused) = Validate(() => HostileTextTests.Fields[field](KeylessForms[form]));
        if (refused is not null || CannotCarry.ContainsKey(field) && !diagnostics.Any(d => d.Id == Id))
        {
            Assert.True(refused is not null || diagnostics.Count > 0, $"'{field}' is listed as unable to carry a secret, but {KeylessForms[form]} was taken");
            return;
        }

        Assert.True(diagnostics.Any(d => d.Id == Id), $"'{field}' holding {KeylessForms[form]} was not reported: {string.Join(" | ", diagnostics.Select(d => d.Id + " " + d.Message))}");
    }

    public static TheoryData<string, int> Harmless()
    {
        var cases = new TheoryData<string, int>();
        foreach (var field in HostileTextTests.Fields.Keys)
        {
            for (var i = 0; i < HarmlessForms.Length; i++)
            {
                cases.Add(field, i);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Harmless))]
    public void A_reference_a_path_or_a_flag_is_not_a_secret(string field, int form)
    {
        var (diagnostics, _) = Validate(() => HostileTextTests.Fields[field](HarmlessForms[form]));
        Assert.DoesNotContain(diagnostics, d => d.Id == Id);
    }

    private static readonly Variable Host = new("HOST", "The host.");

    /// <summary>Each keyed text: a key and a value, on a service where the service can accept it.</summary>
    private static readonly Dictionary<string, Func<string, ComposeString, Func<Service, Service>, ComposeStack>> Keyed = new()
    {
        ["environment"] = (k, v, accept) => Stack(accept(Safe().WithEnvironment(k, v))),
        ["label"] = (k, v, accept) => Stack(accept(Safe().WithLabel("app." + k, v))),
        ["build arg"] = (k, v, accept) => Stack(accept(Safe().WithBuild(new BuildSpec(HostPath.InProject("app")).WithArg(k, v)))),
        ["logging option"] = (k, v, accept) => Stack(accept(Safe().WithLogging(new Logging("splunk").WithOption(k, v)))),
        ["storage option"] = (k, v, accept) => Stack(accept(Safe().WithStorageOption(k, v))),
        ["deploy label"] = (k, v, accept) => Stack(accept(Safe().WithDeployment(new Deployment { Labels = Sorted(k, v) }))),
        ["escape-hatch field"] = (k, v, accept) => Stack(accept(Safe().WithField("x-" + k, v.ToString()))),
        ["volume driver option"] = (k, v, _) => Stack(Safe().WithVolume(new Volume("data").WithBackup(VolumeBackup.Files()).WithDriverOption(k, v), "/data")),
        ["volume label"] = (k, v, _) => Stack(Safe().WithVolume(new Volume("data").WithBackup(VolumeBackup.Files()).WithLabel("app." + k, v), "/data")),
        ["network label"] = (k, v, _) => Stack((Safe() with { Networks = [] }).WithNetworks(new Network("n").WithLabel("app." + k, v))),
        ["network ipam option"] = (k, v, _) => Stack((Safe() with { Networks = [] }).WithNetworks(new Network("n").WithIpam(new NetworkIpam { Options = Sorted(k, v) }))),
        ["stack extension"] = (k, v, _) => Stack(Safe()).WithExtension("x-" + k, v.ToString()),
        ["config content"] = (k, v, _) => Stack(Safe()).WithConfigs(Config.FromContent(k.ToLowerInvariant(), v)),
        ["secret label"] = (k, v, _) => Stack(Safe()).WithSecrets(Secret.FromFile("s", HostPath.Absolute("/srv/s")).WithLabel("app." + k, v)),
    };

    /// <summary>A literal value in each form a secret takes under a secret's name.</summary>
    private static readonly Dictionary<string, Func<ComposeString>> SecretValues = new()
    {
        ["literal"] = () => "hunter2",
        ["numeric"] = () => "987654321",
        ["joined to a variable"] = () => $"hunter2{Host}",
        ["variable joined to it"] = () => $"{Host}-hunter2",
        ["a URL with a password"] = () => $"postgres://app:hunter2@{Host}/app",
        ["the default of a plainly named variable"] = () => new Variable("API").OrDefault("hunter2"),
    };

    public static TheoryData<string, string> KeyedCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var field in Keyed.Keys)
        {
            foreach (var value in SecretValues.Keys)
            {
                cases.Add(field, value);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(KeyedCases))]
    public void A_literal_under_a_secret_name_is_reported(string field, string value)
    {
        var (diagnostics, refused) = Validate(() => Keyed[field]("DB_PASSWORD", SecretValues[value](), s => s));
        Assert.Null(refused);
        Assert.True(diagnostics.Any(d => d.Id == Id), $"{field} DB_PASSWORD = {value} was not reported: {string.Join(" | ", diagnostics.Select(d => d.Id + " " + d.Message))}");
    }

    public static TheoryData<string> KeyedFields() => [.. Keyed.Keys];

    [Theory]
    [MemberData(nameof(KeyedFields))]
    public void A_reference_a_path_a_flag_or_an_accepted_name_is_not_reported(string field)
    {
        var notSecrets = new ComposeString[] { new Variable("DB_PASSWORD", "d"), $"{Host}:{new Variable("DB_PASSWORD", "d")}", "/run/secrets/db_password", "no" };
        foreach (var value in notSecrets)
        {
            var (diagnostics, _) = Validate(() => Keyed[field]("DB_PASSWORD", value, s => s));
            Assert.DoesNotContain(diagnostics, d => d.Id == Id);
        }

        var accepted = Validate(() => Keyed[field]("DB_PASSWORD", "hunter2", s => s.AcceptLiteralSecret("DB_PASSWORD", "a test").AcceptLiteralSecret("app.DB_PASSWORD", "a test").AcceptLiteralSecret("x-DB_PASSWORD", "a test")));
        if (!field.StartsWith("volume", StringComparison.Ordinal) && !field.StartsWith("network", StringComparison.Ordinal) && field is not "stack extension" and not "config content" and not "secret label")
        {
            Assert.DoesNotContain(accepted.Diagnostics, d => d.Id == Id);
        }
    }

    [Fact]
    public void A_numeric_environment_value_is_a_secret_only_under_a_secret_s_name()
    {
        Assert.Contains(Validate(() => Stack(Safe().WithEnvironment("DB_PASSWORD", 987654321))).Diagnostics, d => d.Id == Id);
        Assert.DoesNotContain(Validate(() => Stack(Safe().WithEnvironment("TOKEN_LIFETIME", 3600))).Diagnostics, d => d.Id == Id);
    }

    [Fact]
    public void A_secret_in_a_command_is_reported_whichever_line_it_is_on()
    {
        string[][] commands =
        [
            ["sh", "-c", "export DB_PASSWORD=hunter2; exec app"],
            ["app", "--password", "hunter2"],
            ["env", "API_TOKEN=a1b2c3d4", "app"],
        ];
        foreach (var command in commands)
        {
            Assert.Contains(Validate(() => Stack(Safe().WithCommand(command.Select(c => (ComposeString)c).ToArray()))).Diagnostics, d => d.Id == Id);
            Assert.Contains(Validate(() => Stack(Safe().WithEntrypoint(command.Select(c => (ComposeString)c).ToArray()))).Diagnostics, d => d.Id == Id);
            Assert.Contains(Validate(() => Stack(Safe().WithHealthcheck(new Healthcheck(HealthcheckTest.Exec(command.Select(c => (ComposeString)c).ToArray()))))).Diagnostics, d => d.Id == Id);
            Assert.Contains(Validate(() => Stack(Safe().WithCommand(CommandLine.Shell(string.Join(' ', command))))).Diagnostics, d => d.Id == Id);
        }
    }

    [Fact]
    public void The_subject_of_a_shell_assignment_is_the_name_to_accept()
    {
        var service = Safe().WithCommand(CommandLine.Shell("export DB_PASSWORD=hunter2; exec app"));
        Assert.Contains(Validate(() => Stack(service)).Diagnostics, d => d.Id == Id && d.Message.Contains("DB_PASSWORD=...", StringComparison.Ordinal));
        Assert.DoesNotContain(Validate(() => Stack(service.AcceptLiteralSecret("DB_PASSWORD", "a test"))).Diagnostics, d => d.Id == Id);
    }

    private static (IReadOnlyList<StackDiagnostic> Diagnostics, Exception? Refused) Validate(Func<ComposeStack> build)
    {
        try
        {
            return (StackValidator.Validate(build()), null);
        }
        catch (ArgumentException refused)
        {
            return ([], refused);
        }
    }

    private static System.Collections.Immutable.ImmutableSortedDictionary<string, ComposeString> Sorted(string key, ComposeString value) =>
        System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, ComposeString>(key, value)]);

    private static readonly Network Net = new("n");

    private static Service Safe() => new Service("app").WithImage("example/app:1.0").WithRestart(RestartPolicy.No).WithNetworks(Net);

    private static ComposeStack Stack(Service service) => new ComposeStack("secrets").WithServices(service);
}
