using System.Runtime.CompilerServices;
using Stack.Dsl.Backups;
using Stack.Dsl.Cli;
using Stack.Dsl.Compose;
using Stack.Dsl.Environments;
using Stack.Dsl.Traefik;
using Stack.Dsl.Validation.Text;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// Every kind of name a definition gives, with every name an attacker would try (a trailing
/// newline, NUL, a space, a path, a climb, a lone surrogate, a line separator, an option, a
/// variable, a template), run through the command line as a user would: each is refused with
/// STK0201 naming the kind and the name (made visible), at the C# line that made the thing,
/// exit code 1, and generated/ left as it was. The bad-definition corpus, generated.
/// </summary>
public sealed class HostileNameTests : IDisposable
{
    private static readonly string[] HostileNames =
    [
        "web\n", "web\0", "we b", "a/b", "..", "-web", "web\u2028", "\ud800web", "web:ro", "${HOME}", "{{web}}", "web\t", "Web.", "web,x",
        "gz@docker", "gz{{.}}", ".", ".data",
    ];

    private static readonly Network Net = new("n");

    private readonly string _root = Directory.CreateTempSubdirectory("stack-names-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>
    /// A kind of name: how the message calls it; a valid stack that gives a thing of that kind the
    /// name, and the line that made it; and the hostile-looking names its consumers accept (services,
    /// networks, volumes, secrets and configs: <c>^[a-zA-Z0-9][a-zA-Z0-9._-]*$</c>, compose's schema
    /// starting with a letter or digit: a volume <c>.</c> or <c>.data</c> would be mounted as
    /// <c>.:/data</c>, a bind of the project folder, and <c>-web</c> is an option to the commands).
    /// </summary>
    internal sealed record Kind(string What, Func<string, (ComposeStack Stack, int Line)> Build, params string[] Accepted);

    private static readonly string[] ComposeAccepts = ["Web."];

    private static Service Safe(string name = "a") => new Service(name).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net);

    /// <summary>A stack whose proxy is declared at the caller's line (where its entrypoints, resolvers and middlewares are reported).</summary>
    private static ComposeStack Proxied(Func<TraefikProxy, TraefikProxy> change, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var traefik = Safe("traefik").WithImage("traefik:v3.3").WithVolume(new Volume("acme").WithBackup(VolumeBackup.Files()), "/letsencrypt");
        return new ComposeStack("s").WithServices(traefik, Safe()).WithTraefik(change(new TraefikProxy(traefik, Net, file, line)));
    }

    private static (ComposeStack, int) At(ComposeStack stack, [CallerLineNumber] int line = 0) => (stack, line);

    internal static readonly Dictionary<string, Kind> Kinds = new()
    {
        ["project"] = new("project name", name => At(new ComposeStack(name).WithServices(Safe()))),
        ["service"] = new("service name", name => At(new ComposeStack("s").WithServices(new Service(name).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net))), ComposeAccepts),
        ["container"] = new("container name of service 'a'", name => At(new ComposeStack("s").WithServices(new Service("a").WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net).WithContainerName(name))), "Web."),
        ["network"] = new("network name", name => At(new ComposeStack("s").WithServices(Safe() with { Networks = [] }).WithNetworks(new Network(name))), ComposeAccepts),
        ["volume"] = new("volume name", name => At(new ComposeStack("s").WithServices(Safe()).WithVolumes(new Volume(name).WithBackup(VolumeBackup.Files()))), ComposeAccepts),
        ["secret"] = new("secret name", name => At(new ComposeStack("s").WithServices(Safe()).WithSecrets(Secret.FromExternal(name))), ComposeAccepts),
        ["config"] = new("config name", name => At(new ComposeStack("s").WithServices(Safe()).WithConfigs(Config.FromContent(name, "x"))), ComposeAccepts),
        ["router"] = new("Traefik router name", name => At(new ComposeStack("s").WithServices(Safe().WithRouter(new Router(name).WithHost("a.example").WithPort(80).OnDefaultEntryPoints("test").WithPublicAccess("test")))), "-web"),
        ["entrypoint"] = new("Traefik entrypoint name", name => At(Proxied(p => p with { EntryPoints = [new EntryPoint(name, 80)] })), "-web"),
        ["certificate resolver"] = new("Traefik certificate resolver name", name => At(Proxied(p => p with { CertResolvers = [new CertResolver(name)] })), "-web"),
        ["entrypoint middleware"] = new("Traefik middleware", name => At(Proxied(p => p with { EntryPoints = [new EntryPoint("web", 80) { Middlewares = [new CompressMiddleware(name)] }] })), "-web"),
        ["extra middleware"] = new("Traefik middleware", name => At(Proxied(p => p with { ExtraMiddlewares = [new CompressMiddleware(name)] })), "-web"),
        ["router middleware"] = new("middleware of router 'r'", name => At(new ComposeStack("s").WithServices(Safe().WithRouter(new Router("r").WithHost("a.example").WithPort(80).OnDefaultEntryPoints("test").WithPublicAccess("test").WithMiddlewares(new CompressMiddleware(name))))), "-web"),
        ["network alias"] = new("network alias of service 'a'", name => At(new ComposeStack("s").WithServices((Safe() with { Networks = [] }).WithNetwork(new NetworkAttachment(Net) { Aliases = [name] })))),
        ["environment"] = new("environment name", name => At(new ComposeStack("s").WithServices(Safe()).WithEnvironments(new StackEnvironment(name, s => s)))),
    };

    public static TheoryData<string, int> Refused() => Cases(accepted: false);

    public static TheoryData<string, int> Accepted() => Cases(accepted: true);

    private static TheoryData<string, int> Cases(bool accepted)
    {
        var cases = new TheoryData<string, int>();
        foreach (var (kind, what) in Kinds)
        {
            for (var i = 0; i < HostileNames.Length; i++)
            {
                if (what.Accepted.Contains(HostileNames[i]) == accepted)
                {
                    cases.Add(kind, i);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void A_name_compose_itself_accepts_generates(string kind, int hostile)
    {
        var (stack, _) = Kinds[kind].Build(HostileNames[hostile]);
        var settings = new StackCliSettings { DefinitionDirectory = Path.Combine(_root, "definition"), DefaultOutputDirectory = Path.Combine(_root, "generated") };

        using var error = new StringWriter();
        Assert.True(StackCli.Run([], () => stack, settings, TextWriter.Null, error) == ExitCodes.Success, error.ToString());
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Is_refused_as_an_invalid_name_at_its_line_and_leaves_generated_untouched(string kind, int hostile)
    {
        var name = HostileNames[hostile];
        var (stack, line) = Kinds[kind].Build(name);

        var (code, error, before, after) = CommandLineRun.After(() => new ComposeStack("s").WithServices(Safe("previous")), () => stack, _root);

        Assert.Equal(ExitCodes.Failed, code);
        var refusal = Assert.Single(error.Split('\n'), l => l.Contains(": error STK0201: ", StringComparison.Ordinal));
        var shown = kind.EndsWith("middleware", StringComparison.Ordinal) ? name + "@file" : name;
        Assert.True(refusal.Contains($"The {Kinds[kind].What} '{TextRules.Visible(shown)}' is not valid", StringComparison.Ordinal), refusal);
        Assert.Matches($@"^.*HostileNameTests\.cs\({line},\d+\): error STK0201: ", refusal);
        Assert.DoesNotContain(error.Split('\n'), l => l.StartsWith("   at ", StringComparison.Ordinal));
        Assert.Equal(before, after);
    }

    /// <summary>Names that become host names Docker's DNS answers: a DNS label holds 63 characters (RFC 1035).</summary>
    public static TheoryData<string> DnsNamed() => ["project", "service", "network alias"];

    [Theory]
    [MemberData(nameof(DnsNamed))]
    public void A_name_longer_than_a_DNS_label_is_refused_and_one_as_long_is_taken(string kind)
    {
        var (longest, _) = Kinds[kind].Build(new string('a', 63));
        Assert.DoesNotContain(Stack.Dsl.Validation.StackValidator.Validate(longest), d => d.Id == "STK0201");

        var (tooLong, line) = Kinds[kind].Build(new string('a', 64));
        var refusal = Assert.Single(Stack.Dsl.Validation.StackValidator.Validate(tooLong), d => d.Id == "STK0201");
        Assert.Contains("at most 63", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(line, refusal.Location.Line);
    }
}
