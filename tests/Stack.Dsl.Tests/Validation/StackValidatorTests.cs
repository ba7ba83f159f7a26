using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Validation;

public class StackValidatorTests
{
    // These tests are about structure (STK02nn); the checklist warnings have their own tests.
    private static List<StackDiagnostic> Errors(ComposeStack stack, string? projectDirectory = null) =>
        [.. StackValidator.Validate(stack, projectDirectory).Where(d => d.Severity == DiagnosticSeverity.Error)];

    [Fact]
    public void Valid_stack_has_no_diagnostics()
    {
        var db = Emit.Minimal("db");
        Assert.Empty(Errors(new ComposeStack("ok").WithServices(db, Emit.Minimal("app").DependsOn(db, DependencyCondition.ServiceStarted))));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/name")]
    [InlineData("")]
    public void Invalid_service_name_is_STK0201_at_its_line(string name)
    {
        var (service, line) = (new Service(name).WithImage("a:1"), Line());

        var diagnostic = Assert.Single(Errors(new ComposeStack("test").WithServices(service)));

        Assert.Equal("STK0201", diagnostic.Id);
        Assert.Equal(line, diagnostic.Location.Line);
        Assert.EndsWith(nameof(StackValidatorTests) + ".cs", diagnostic.Location.FilePath, StringComparison.Ordinal);
        Assert.Contains($"The service name '{name}' is not valid", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_project_network_volume_and_router_names_are_STK0201()
    {
        var service = Emit.Minimal()
            .WithNetworks(new Network("bad net"))
            .WithVolume(new Volume("bad:vol"), "/data")
            .WithRouter(new Router("bad.router").WithHost("x").WithPort(1));

        var diagnostics = Errors(new ComposeStack("Upper").WithServices(service));

        Assert.All(diagnostics, d => Assert.Equal("STK0201", d.Id));
        Assert.Equal(4, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.Message.Contains("project name 'Upper'", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message.Contains("network name 'bad net'", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message.Contains("volume name 'bad:vol'", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message.Contains("Traefik router name 'bad.router'", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_service_is_STK0202_at_the_second_one()
    {
        var first = Emit.Minimal("app");
        var (second, line) = (new Service("app").WithImage("a:1"), Line());

        var diagnostic = Assert.Single(Errors(new ComposeStack("test").WithServices(first, second)));

        Assert.Equal("STK0202", diagnostic.Id);
        Assert.Equal(line, diagnostic.Location.Line);
        Assert.Contains("Service 'app' is added to the stack twice", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_container_name_is_STK0202()
    {
        var diagnostic = Assert.Single(Errors(new ComposeStack("test").WithServices(
            Emit.Minimal("a").WithContainerName("same"),
            Emit.Minimal("b").WithContainerName("same"))));

        Assert.Equal("STK0202", diagnostic.Id);
        Assert.Contains("both use container name 'same'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_different_networks_with_one_name_are_STK0202_but_equal_ones_are_fine()
    {
        var plain = new Network("net");
        var samePlain = new Network("net");
        var (different, line) = (new Network("net") { Internal = true }, Line());

        Assert.Empty(Errors(new ComposeStack("test").WithServices(Emit.Minimal("a").WithNetworks(plain), Emit.Minimal("b").WithNetworks(samePlain))));
        var diagnostic = Assert.Single(Errors(new ComposeStack("test").WithServices(Emit.Minimal("a").WithNetworks(plain), Emit.Minimal("b").WithNetworks(different))));
        Assert.Equal("STK0202", diagnostic.Id);
        Assert.Equal(line, diagnostic.Location.Line);
    }

    [Fact]
    public void Router_name_used_twice_is_STK0202()
    {
        var diagnostic = Assert.Single(Errors(new ComposeStack("test").WithServices(
            Emit.Minimal("a").WithRouter(new Router("web").WithHost("a").WithPort(1)),
            Emit.Minimal("b").WithRouter(new Router("web").WithHost("b").WithPort(1)))));

        Assert.Equal("STK0202", diagnostic.Id);
        Assert.Contains("Traefik router 'web' on service 'b' is already defined on service 'a'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dependency_outside_the_stack_is_STK0203()
    {
        var db = Emit.Minimal("db");
        var (app, line) = (Emit.Minimal("app").DependsOn(db, DependencyCondition.ServiceHealthy), Line());

        var diagnostic = Assert.Single(Errors(new ComposeStack("test").WithServices(app)));

        Assert.Equal("STK0203", diagnostic.Id);
        Assert.Equal(line, diagnostic.Location.Line);
        Assert.Contains("depends on 'db', which is not in the stack", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Network_mode_of_a_service_outside_the_stack_and_undeclared_secrets_are_STK0203()
    {
        var vpn = Emit.Minimal("vpn");
        var app = Emit.Minimal("app")
            .WithNetworkMode(NetworkMode.OfService(vpn))
            .WithSecret(Secret.FromExternal("token"))
            .WithConfig(Config.FromContent("motd", "hi"));

        var diagnostics = Errors(new ComposeStack("test").WithServices(app));

        Assert.Equal(3, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("STK0203", d.Id));
    }

    [Fact]
    public void Hand_written_label_that_contradicts_a_router_is_STK0204()
    {
        var (app, line) = (new Service("app").WithImage("a:1").WithRouter(new Router("app").WithHost("a").WithPort(80)).WithLabel("traefik.http.services.app.loadbalancer.server.port", "81"), Line());

        var diagnostic = Assert.Single(Errors(new ComposeStack("test").WithServices(app)));

        Assert.Equal("STK0204", diagnostic.Id);
        Assert.Equal(line, diagnostic.Location.Line);
    }

    [Fact]
    public void Missing_project_files_are_STK0205_at_the_call_that_names_them()
    {
        var project = Directory.CreateTempSubdirectory("stack-project-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(project, "present.conf"), "x");
            Directory.CreateDirectory(Path.Combine(project, "init"));
            var (service, line) = (Emit.Minimal()
                .WithBind(HostPath.InProject("present.conf"), "/present")
                .WithBind(HostPath.InProject("init"), "/init")
                .WithBind(HostPath.Absolute("/not/checked"), "/host")
                .WithBind(HostPath.InProject("missing.conf"), "/missing"), Line());
            var withEnvFile = Emit.Minimal("other").WithEnvFile(HostPath.InProject("missing.env"));
            var secret = Secret.FromFile("token", HostPath.InProject("secrets/token.txt"));
            var stack = new ComposeStack("test").WithServices(service, withEnvFile).WithSecrets(secret);

            var diagnostics = Errors(stack, project);

            Assert.All(diagnostics, d => Assert.Equal("STK0205", d.Id));
            Assert.Equal(3, diagnostics.Count);
            var bind = Assert.Single(diagnostics, d => d.Message.Contains("'missing.conf'", StringComparison.Ordinal));
            Assert.Equal(line, bind.Location.Line);
            Assert.Contains(diagnostics, d => d.Message.Contains("env file 'missing.env'", StringComparison.Ordinal));
            Assert.Contains(diagnostics, d => d.Message.Contains("Secret 'token'", StringComparison.Ordinal));
            Assert.Empty(Errors(stack));
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public void A_missing_data_folder_Docker_creates_is_no_STK0205_but_a_missing_file_or_read_only_folder_is()
    {
        var project = Directory.CreateTempSubdirectory("stack-project-").FullName;
        try
        {
            var stack = new ComposeStack("test").WithServices(Emit.Minimal()
                .WithBind(HostPath.InProject("redis"), "/data")
                .WithBind(HostPath.InProject("data/db"), "/var/lib/db")
                .WithBind(HostPath.InProject("traefik.yml"), "/etc/traefik/traefik.yml")
                .WithBind(HostPath.InProject("dynamic"), "/etc/traefik/dynamic.yml")
                .WithBind(HostPath.InProject("config"), "/config", readOnly: true)
                .WithMount(new BindMount(HostPath.InProject("strict"), "/strict") { CreateHostPath = false }));

            var missing = Errors(stack, project).Select(d => (d.Id, Path: d.Message.Split('\'')[3])).ToList();

            Assert.Equal([("STK0205", "traefik.yml"), ("STK0205", "dynamic"), ("STK0205", "config"), ("STK0205", "strict")], missing);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var stack = new ComposeStack("test").WithServices(
            new Service("bad name").WithImage("a:1"),
            Emit.Minimal("dup"),
            Emit.Minimal("dup"),
            Emit.Minimal("orphan").DependsOn(Emit.Minimal("ghost"), DependencyCondition.ServiceStarted));

        Assert.Equal(["STK0201", "STK0202", "STK0203"], Errors(stack).Select(d => d.Id).Order().ToArray());
    }

    [Fact]
    public void Diagnostic_prints_in_msbuild_format()
    {
        var diagnostic = new StackDiagnostic("STK0201", "Bad.", new SourceLocation("/src/Def.cs", 12));

        Assert.Equal("/src/Def.cs(12): error STK0201: Bad.", diagnostic.ToString());
    }

    private static int Line([CallerLineNumber] int line = 0) => line;
}
