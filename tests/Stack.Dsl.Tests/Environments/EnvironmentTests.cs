using System.Net;
using CsCheck;
using Stack.Dsl.Compose;
using Stack.Dsl.Environments;
using Stack.Dsl.Generation;
using Stack.Dsl.Generation.Environments;
using Stack.Dsl.Traefik;
using Stack.Dsl.Validation;
using Stack.Testing;

namespace Stack.Dsl.Tests.Environments;

/// <summary>Environments: a shared base file plus one override each, holding exactly the differences.</summary>
public sealed class EnvironmentTests
{
    private static readonly Network Web = new("web");
    private static readonly EntryPoint Https = new("https", 443);
    private static readonly EntryPoint Http = new EntryPoint("http", 80).RedirectingTo(Https);
    private static readonly CertResolver Acme = new("le") { DnsChallengeProvider = "cloudflare" };
    private static readonly Service Proxy = new Service("proxy").WithImage("traefik:v3.1").WithRestart(RestartPolicy.UnlessStopped).WithNetworks(Web)
        .WithPort(80, 80).WithPort(443, 443).AcceptRisk(SecurityRisk.PortOnAllInterfaces, "the front door")
        .WithVolume(new Volume("certificates"), "/letsencrypt");

    private static ComposeStack Demo() => new ComposeStack("demo")
        .WithTraefik(new TraefikProxy(Proxy, Web).WithEntryPoints(Http, Https).WithCertResolvers(Acme))
        .WithServices(
            Proxy,
            new Service("app").WithImage("example/app:1.0").WithRestart(RestartPolicy.UnlessStopped).WithNetworks(Web).WithEnvironment("LOG", "info")
                .WithRouter(new Router("app").WithHost("app.example.org").WithEntryPoints(Https).WithTls(Acme).WithPublicAccess("a test site").WithPort(8080)))
        .WithEnvironments(
            new StackEnvironment("dev", stack => stack
                .MapTraefik(p => p with { EntryPoints = [Http with { RedirectTo = null }], CertResolvers = [] })
                .MapServices(s => s.MapRouters(r => r.WithoutTls().OnlyOnEntryPoints(Http)).MapPorts(p => p.Target.Start == 443 ? null : p with { HostIp = IPAddress.Loopback }))
                .MapService(Proxy, s => s.WithRestart(RestartPolicy.No))),
            new StackEnvironment("prod", stack => stack.MapServices(s => s.Name == "app" ? s.WithEnvironment("LOG", "warn") : s)));

    private static GenerationResult Generate(ComposeStack stack)
    {
        var result = StackGenerator.Generate(stack, Emit.Options);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result;
    }

    [Fact]
    public void Base_file()
    {
        Snapshot.Match(Generate(Demo()).Files["docker-compose.yml"]);
    }

    [Fact]
    public void Dev_override()
    {
        Snapshot.Match(Generate(Demo()).Files["dc.dev.yml"]);
    }

    [Fact]
    public void Prod_override()
    {
        Snapshot.Match(Generate(Demo()).Files["dc.prod.yml"]);
    }

    [Fact]
    public void Writes_the_base_each_override_and_each_distinct_Traefik_file() =>
        Assert.Equal(
            ["STACK.md", "dc.dev.yml", "dc.prod.yml", "docker-compose.yml", "traefik.dynamic.yml", "traefik.static.dev.yml", "traefik.static.yml"],
            Generate(Demo()).Files.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Environments_that_change_nothing_get_empty_overrides_and_the_whole_stack_as_base()
    {
        var result = Generate((Demo() with { Environments = [] }).WithEnvironments(new StackEnvironment("a", s => s), new StackEnvironment("b", s => s)));

        Assert.EndsWith("\nservices:\n  app: {}\n", result.Files["dc.a.yml"], StringComparison.Ordinal);
        Assert.Equal(Uncommented(Generate(Demo() with { Environments = [] }).Files["docker-compose.yml"]), Uncommented(result.Files["docker-compose.yml"]));
    }

    [Fact]
    public void A_problem_only_an_environment_brings_names_the_environment()
    {
        var broken = new StackEnvironment("broken", s => s.MapService(Proxy, p => p.WithNetworks(new Network("bad name")))); var line = ThisLine();

        var result = StackGenerator.Generate(Demo().WithEnvironments(broken), Emit.Options);

        var error = Assert.Single(result.Diagnostics, d => d.Id == "STK0201");
        Assert.StartsWith($"In environment 'broken' (", error.Message, StringComparison.Ordinal);
        Assert.Contains($"EnvironmentTests.cs({line})", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Files);
    }

    [Fact]
    public void A_problem_several_environments_bring_is_said_once_naming_each_of_them()
    {
        Func<ComposeStack, ComposeStack> breaks = s => s.MapService(Proxy, p => p.WithNetworks(new Network("bad name"))); var line = ThisLine();
        StackEnvironment first = new("first", breaks), fine = new("fine", s => s), third = new("third", breaks);

        var result = StackGenerator.Generate(Demo().WithEnvironments(first, fine, third), Emit.Options);

        // Said once, for both: fixing 'first' alone would not be the end of it.
        var error = Assert.Single(result.Diagnostics, d => d.Id == "STK0201");
        Assert.StartsWith($"In environments 'first' ({first.Location}) and 'third' ({third.Location}): ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'fine'", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"EnvironmentTests.cs({line})", error.Location.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_names_must_be_valid_and_unique()
    {
        var result = StackGenerator.Generate(Demo().WithEnvironments(new StackEnvironment("Dev Box", s => s), new StackEnvironment("dev", s => s)), Emit.Options);

        Assert.Contains(result.Diagnostics, d => d.Id == "STK0201" && d.Message.Contains("'Dev Box'", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Id == "STK0202" && d.Message.Contains("Two environments are named 'dev'", StringComparison.Ordinal));
    }

    [Fact]
    public void Base_plus_override_is_each_random_environment_under_both_merge_models() =>
        EnvironmentGenerators.StackWithEnvironments.Sample(stack =>
        {
            stack = stack with { Services = [.. stack.Services.Select(Emit.AcceptingEveryRisk)] };
            var environments = EnvironmentFiles.Resolve(stack);
            if (StackValidator.Validate(stack).Any(d => d.Severity == DiagnosticSeverity.Error)
                || environments.Any(e => StackValidator.Validate(e.Stack).Any(d => d.Severity == DiagnosticSeverity.Error)))
            {
                return true; // A change made an environment invalid; generation refuses those (tested above).
            }

            var documents = environments.Select(e => YamlTree.Resolve(ComposeDocument.Build(e.Stack, Emit.Options))).ToList();
            var common = OverrideSplit.Common(YamlTree.Resolve(ComposeDocument.Build(stack with { Environments = [] }, Emit.Options)), documents);
            return documents.All(document =>
            {
                var difference = OverrideSplit.Difference(common, document);
                var expected = ComposeMergeModel.Canonical(document);
                return ComposeMergeModel.Canonical(ComposeMergeModel.Merge(common, difference, deepNestedMappings: false)).Equals(expected)
                    && ComposeMergeModel.Canonical(ComposeMergeModel.Merge(common, difference, deepNestedMappings: true)).Equals(expected);
            });
        }, iter: 300);

    [SkippableFact]
    public void Docker_compose_merges_base_and_override_into_each_random_environment()
    {
        DockerCompose.RequireInstalled();
        EnvironmentGenerators.StackWithEnvironments.Sample(stack =>
        {
            stack = stack with { Services = [.. stack.Services.Select(Emit.AcceptingEveryRisk)] };
            var result = StackGenerator.Generate(stack, Emit.Options);
            if (!result.Succeeded)
            {
                return;
            }

            var variables = result.Variables.Select(v => v.Name).ToList();
            foreach (var environment in stack.Environments)
            {
                var merged = DockerCompose.Config([("docker-compose.yml", result.Files["docker-compose.yml"]), (environment.OverrideFileName, result.Files[environment.OverrideFileName])], variables);
                Assert.Equal(DockerCompose.Config([("whole.yml", result.Environments[environment.Name])], variables), merged);
            }
        }, iter: 6, threads: 1);
    }

    private static IEnumerable<string> Uncommented(string yaml) => yaml.Split('\n').Where(l => !l.StartsWith('#'));

    private static int ThisLine([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;
}
