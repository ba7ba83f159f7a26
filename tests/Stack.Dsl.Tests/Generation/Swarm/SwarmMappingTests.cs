using Stack.Dsl.Compose;
using Stack.Dsl.Environments;
using Stack.Dsl.Generation;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stack.Dsl.Tests.Generation.Swarm;

/// <summary>What the model holds, as the Swarm file says it (read back with a YAML parser).</summary>
public sealed class SwarmMappingTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("stack-swarm-").FullName;

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private static ComposeStack StackOf(params Service[] services) => new ComposeStack("demo").WithServices(services);

    [Theory]
    [InlineData("no", "none")]
    [InlineData(null, "none")] // compose's default is no restart; Swarm's is restart forever
    [InlineData("always", "any")]
    [InlineData("unless-stopped", "any")]
    [InlineData("on-failure", "on-failure")]
    public void Restart_policy_becomes_the_condition_swarm_reads(string? restart, string condition)
    {
        var service = Emit.Minimal();
        service = restart switch
        {
            "no" => service.WithRestart(RestartPolicy.No),
            "always" => service.WithRestart(RestartPolicy.Always),
            "unless-stopped" => service.WithRestart(RestartPolicy.UnlessStopped),
            "on-failure" => service.WithRestart(RestartPolicy.OnFailure),
            _ => service,
        };

        var app = SwarmEmit.Document(StackOf(service)).At("services", "app")!;

        Assert.Equal(condition, app.Text("deploy", "restart_policy", "condition"));
        Assert.Null(app.At("restart"));
    }

    [Fact]
    public void On_failure_with_a_limit_keeps_the_limit_and_a_one_shot_job_runs_once()
    {
        var document = SwarmEmit.Document(StackOf(
            Emit.Minimal("retry").WithRestart(RestartPolicy.OnFailureAtMost(3)),
            Emit.Minimal("job").WithRestart(RestartPolicy.UnlessStopped).AsOneShot()));

        Assert.Equal("3", document.Text("services", "retry", "deploy", "restart_policy", "max_attempts"));
        Assert.Equal("none", document.Text("services", "job", "deploy", "restart_policy", "condition"));
    }

    [Fact]
    public void A_modelled_deploy_restart_policy_wins_and_the_rest_of_deploy_is_kept()
    {
        var web = Emit.Minimal("web").WithRestart(RestartPolicy.No).WithResourceLimits(new ResourceLimits { Cpus = 0.5m, Memory = ByteSize.Megabytes(512) })
            .WithDeployment(new Deployment
            {
                Replicas = 3,
                Placement = new Placement { Constraints = ["node.labels.disk == ssd"], MaxReplicasPerNode = 2 },
                RestartPolicy = new DeployRestartPolicy { Condition = DeployRestartCondition.OnFailure, MaxAttempts = 5 },
                UpdateConfig = new RolloutConfig { Parallelism = 1, Order = RolloutOrder.StartFirst, FailureAction = RolloutFailureAction.Rollback },
                RollbackConfig = new RolloutConfig { Parallelism = 2 },
            });

        var yaml = SwarmEmit.Files(StackOf(web))[SwarmEmit.FileName];
        var deploy = SwarmEmit.Parse(yaml).At("services", "web", "deploy")!;

        Assert.Equal("on-failure", deploy.Text("restart_policy", "condition"));
        Assert.Equal("5", deploy.Text("restart_policy", "max_attempts"));
        Assert.Equal("3", deploy.Text("replicas"));
        Assert.Equal("node.labels.disk == ssd", deploy.Text("placement", "constraints", "0"));
        Assert.Equal("start-first", deploy.Text("update_config", "order"));
        Assert.Equal("2", deploy.Text("rollback_config", "parallelism"));

        // v3 reads cpus as a string: a plain 0.5 is a schema error there.
        var cpus = (YamlScalarNode)deploy.At("resources", "limits", "cpus")!;
        Assert.Equal("0.5", cpus.Value);
        Assert.NotEqual(ScalarStyle.Plain, cpus.Style);
    }

    [Fact]
    public void Traefik_labels_go_under_deploy_and_other_labels_stay_on_the_container()
    {
        var app = Emit.Minimal().WithLabel("com.example.keep", "true")
            .WithRouter(new Router("app").WithHost("app.example.org").WithPort(8080));

        var service = SwarmEmit.Document(StackOf(app)).At("services", "app")!;

        Assert.Equal("true", service.Text("labels", "com.example.keep"));
        Assert.Null(service.At("labels", "traefik.enable"));
        Assert.Equal("true", service.Text("deploy", "labels", "traefik.enable"));
        Assert.Equal("8080", service.Text("deploy", "labels", "traefik.http.services.app.loadbalancer.server.port"));
    }

    [Fact]
    public void Label_defined_middlewares_are_referred_to_at_swarm()
    {
        var headers = HeadersMiddleware.Secure("secure").ViaDockerLabels();
        var app = Emit.Minimal().WithRouter(new Router("app").WithHost("app.example.org").WithPort(8080).WithMiddlewares(headers)).WithMiddlewareLabels(headers);

        var files = SwarmEmit.Files(StackOf(app));
        var labels = SwarmEmit.Parse(files[SwarmEmit.FileName]).At("services", "app", "deploy", "labels")!;

        Assert.Equal("secure@swarm", labels.Text("traefik.http.routers.app.middlewares"));
        Assert.Contains("secure@docker", files[StackGenerator.ComposeFileName], StringComparison.Ordinal); // compose keeps its provider
    }

    [Fact]
    public void A_router_without_a_port_is_refused_since_the_swarm_provider_cannot_find_one()
    {
        var app = Emit.Minimal().WithRouter(new Router("app").WithHost("app.example.org"));

        var refusal = Assert.Single(SwarmEmit.Refusals(StackOf(app)));

        Assert.Contains("router 'app' has no port", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(".WithPort(", refusal.Message, StringComparison.Ordinal);
        Assert.EndsWith(nameof(SwarmMappingTests) + ".cs", refusal.Location.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Dns_round_robin_with_a_port_on_the_ingress_mesh_is_refused_at_the_port_and_host_mode_is_written()
    {
        var dnsrr = new Deployment { EndpointMode = EndpointMode.Dnsrr };
        var meshed = Emit.Minimal("mesh").WithDeployment(dnsrr)
            .WithPort(18082, 80);
        var unpublished = Emit.Minimal("bare").WithDeployment(dnsrr).WithPort(new PortMapping(80));
        var onTheNode = Emit.Minimal("node").WithDeployment(dnsrr).WithPort(new PortMapping(80) { Published = 8081, Mode = PortMode.Host });

        var refusal = Assert.Single(SwarmEmit.Refusals(StackOf(meshed)));
        Assert.Contains("Service 'mesh' resolves by DNS round robin", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Mode = PortMode.Host", refusal.Message, StringComparison.Ordinal);
        Assert.EndsWith(nameof(SwarmMappingTests) + ".cs", refusal.Location.FilePath, StringComparison.Ordinal);
        Assert.Equal(LineOf("WithPort(18082, 80)"), refusal.Location.Line); // the port's call, not the service's
        Assert.Contains("port 80 through the ingress mesh", Assert.Single(SwarmEmit.Refusals(StackOf(unpublished))).Message, StringComparison.Ordinal);
        Assert.Empty(SwarmEmit.Refusals(StackOf(onTheNode)));
        Assert.Equal("host", SwarmEmit.Document(StackOf(onTheNode)).Text("services", "node", "ports", "0", "mode"));
    }

    private static int LineOf(string code, [System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        File.ReadAllLines(file).Select((text, i) => (text, i)).Single(l => l.text.Contains(code, StringComparison.Ordinal) && !l.text.Contains("LineOf", StringComparison.Ordinal)).i + 1;

    [Fact]
    public void Ports_are_integers_in_the_long_syntax_and_the_proxy_publishes_in_host_mode()
    {
        var edge = new Network("edge");
        var proxy = Emit.Minimal("proxy").WithNetworks(edge).WithPort(443, 443);
        var app = Emit.Minimal("app").WithNetworks(edge).WithPort(new PortMapping(53) { Published = 5353, Protocol = PortProtocol.Udp });
        var stack = StackOf(proxy, app).WithTraefik(new TraefikProxy(proxy, edge).WithEntryPoints(new EntryPoint("websecure", 443)));

        var document = SwarmEmit.Document(stack);

        var published = (YamlScalarNode)document.At("services", "proxy", "ports", "0", "published")!;
        Assert.Equal(("443", ScalarStyle.Plain), (published.Value, published.Style));
        Assert.Equal("host", document.Text("services", "proxy", "ports", "0", "mode"));
        Assert.Equal("node.role == manager", document.Text("services", "proxy", "deploy", "placement", "constraints", "0"));
        Assert.Equal("ingress", document.Text("services", "app", "ports", "0", "mode"));
        Assert.Equal("udp", document.Text("services", "app", "ports", "0", "protocol"));
        Assert.Equal("5353", document.Text("services", "app", "ports", "0", "published"));
        Assert.Equal("swarm", ((YamlMappingNode)SwarmEmit.Parse(SwarmEmit.Files(stack)["swarm/traefik.static.yml"]).At("providers")!).Children.Keys.Cast<YamlScalarNode>().First().Value);
    }

    [Fact]
    public void Project_files_become_configs_whose_name_changes_with_their_content()
    {
        File.WriteAllText(Path.Combine(_project, "app.conf"), "one\n");
        Directory.CreateDirectory(Path.Combine(_project, "init"));
        File.WriteAllText(Path.Combine(_project, "init", "b.sql"), "select 2;\n");
        File.WriteAllText(Path.Combine(_project, "init", "a.sql"), "select 1;\n");
        File.WriteAllText(Path.Combine(_project, "run.sh"), "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(_project, "run.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var stack = StackOf(Emit.Minimal()
            .WithBind(HostPath.InProject("app.conf"), "/etc/app/app.conf", readOnly: true)
            .WithBind(HostPath.InProject("init"), "/docker-entrypoint-initdb.d", readOnly: true)
            .WithBind(HostPath.InProject("run.sh"), "/usr/local/bin/run", readOnly: true));

        var first = SwarmEmit.Document(stack, _project);
        File.WriteAllText(Path.Combine(_project, "app.conf"), "two\n");
        var second = SwarmEmit.Document(stack, _project);

        Assert.Null(first.At("services", "app", "volumes"));
        var grants = ((YamlSequenceNode)first.At("services", "app", "configs")!).Children.Select(g => (g.Text("source"), g.Text("target"), g.Text("mode"))).ToList();
        Assert.Equal(
            [("app-app-conf", "/etc/app/app.conf", null), ("app-a-sql", "/docker-entrypoint-initdb.d/a.sql", null), ("app-b-sql", "/docker-entrypoint-initdb.d/b.sql", null), ("app-run", "/usr/local/bin/run", "365")],
            grants);
        Assert.Equal("../../src/App/app.conf", first.Text("configs", "app-app-conf", "file"));
        Assert.StartsWith("demo_app-app-conf-", first.Text("configs", "app-app-conf", "name"), StringComparison.Ordinal);
        Assert.NotEqual(first.Text("configs", "app-app-conf", "name"), second.Text("configs", "app-app-conf", "name"));
        Assert.Equal(first.Text("configs", "app-a-sql", "name"), second.Text("configs", "app-a-sql", "name"));
    }

    [Fact]
    public void A_file_stack_writes_last_is_carried_as_a_config_too()
    {
        // STACK.md is drawn after the Swarm files (by the main thread, while they are written).
        var files = SwarmEmit.Files(StackOf(Emit.Minimal().WithBind(HostPath.InOutput("STACK.md"), "/srv/STACK.md", readOnly: true)), _project);
        var document = SwarmEmit.Parse(files[SwarmEmit.FileName]);

        Assert.Equal("../STACK.md", document.Text("configs", "app-STACK-md", "file"));
        Assert.Equal(
            "demo_app-STACK-md-" + System.IO.Hashing.XxHash64.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(files["STACK.md"])).ToString("x16", System.Globalization.CultureInfo.InvariantCulture)[..10],
            document.Text("configs", "app-STACK-md", "name"));
    }

    [Fact]
    public void A_refusal_some_environments_meet_is_said_once_naming_each_of_them()
    {
        File.WriteAllText(Path.Combine(_project, "state.json"), "{}");
        var app = Emit.Minimal();
        Func<ComposeStack, ComposeStack> writable = s => s.MapService(app, a => a.WithBind(HostPath.InProject("state.json"), "/data/state.json"));
        StackEnvironment a = new("a", writable), b = new("b", s => s), c = new("c", writable);

        var refusal = Assert.Single(SwarmEmit.Generate(StackOf(app).WithEnvironments(a, b, c), _project).Diagnostics, d => d.Id == "STK0540");

        Assert.StartsWith($"In environments 'a' ({a.Location}) and 'c' ({c.Location}): Service 'app' bind-mounts the project file 'state.json'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environments_rendered_on_two_threads_give_the_same_files_and_refusals_in_environment_order()
    {
        // Each environment's Swarm file is a job either thread may take: the result must not show which.
        File.WriteAllText(Path.Combine(_project, "state.json"), "{}");
        var app = Emit.Minimal();
        var environments = Enumerable.Range(1, 6).Select(i => new StackEnvironment($"env{i}", s => s.MapService(app, a => a.WithReplicas(i).WithBind(HostPath.InProject("state.json"), $"/data/{i}.json")))).ToArray();
        var stack = StackOf(app).WithEnvironments(environments);

        var first = SwarmEmit.Generate(stack, _project);
        var firstRefusals = first.Diagnostics.Where(d => d.Id == "STK0540").Select(d => d.Message).ToList();

        Assert.Equal(environments.Select(e => $"In environment '{e.Name}'"), firstRefusals.Select(m => m[..m.IndexOf(' ', 15)]));
        for (var run = 0; run < 30; run++)
        {
            var again = SwarmEmit.Generate(stack, _project);
            Assert.Equal(firstRefusals, again.Diagnostics.Where(d => d.Id == "STK0540").Select(d => d.Message));
        }

        var valid = StackOf(app).WithEnvironments([.. Enumerable.Range(1, 6).Select(i => new StackEnvironment($"env{i}", s => s.MapService(app, a => a.WithReplicas(i))))]);
        var files = SwarmEmit.Files(valid);
        Assert.Equal(6, files.Keys.Count(k => k.StartsWith("swarm/stack.env", StringComparison.Ordinal)));
        for (var run = 0; run < 30; run++)
        {
            Assert.Equal(files, SwarmEmit.Files(valid));
        }
    }

    [Fact]
    public void Files_of_a_mounted_folder_with_one_file_name_in_two_subfolders_are_two_configs_keyed_by_their_paths()
    {
        // nginx/a/default.conf and nginx/b/default.conf: the file name alone would be one key for both.
        Directory.CreateDirectory(Path.Combine(_project, "nginx", "a"));
        Directory.CreateDirectory(Path.Combine(_project, "nginx", "b"));
        File.WriteAllText(Path.Combine(_project, "nginx", "a", "default.conf"), "a");
        File.WriteAllText(Path.Combine(_project, "nginx", "b", "default.conf"), "b");
        File.WriteAllText(Path.Combine(_project, "nginx", "mime.types"), "m");
        var stack = StackOf(Emit.Minimal().WithBind(HostPath.InProject("nginx"), "/etc/nginx", readOnly: true));

        Assert.Empty(SwarmEmit.Refusals(stack, _project));
        var document = SwarmEmit.Document(stack, _project);
        var mounted = ((YamlSequenceNode)document.At("services", "app", "configs")!).Children.ToDictionary(c => c.Text("target")!, c => c.Text("source")!);

        Assert.Equal("app-etc-nginx-a-default-conf", mounted["/etc/nginx/a/default.conf"]);
        Assert.Equal("app-etc-nginx-b-default-conf", mounted["/etc/nginx/b/default.conf"]);
        Assert.Equal("app-mime-types", mounted["/etc/nginx/mime.types"]); // a file name of its own keeps the short key
        Assert.EndsWith("/nginx/a/default.conf", document.Text("configs", "app-etc-nginx-a-default-conf", "file"), StringComparison.Ordinal);
        Assert.EndsWith("/nginx/b/default.conf", document.Text("configs", "app-etc-nginx-b-default-conf", "file"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_the_swarm_manager_refuses_for_its_size_is_refused_an_empty_file_or_500_KiB()
    {
        // swarmkit: "config data must be larger than 0 and less than 512000 bytes".
        Directory.CreateDirectory(Path.Combine(_project, "site"));
        File.WriteAllText(Path.Combine(_project, "site", ".gitkeep"), string.Empty);
        File.WriteAllText(Path.Combine(_project, "site", "big.js"), new string('a', 512_000));
        File.WriteAllText(Path.Combine(_project, "site", "fits.js"), new string('a', 511_999));
        var site = Emit.Minimal().WithBind(HostPath.InProject("site"), "/srv/site", readOnly: true);
        var empty = Config.FromContent("empty", string.Empty);

        var refusals = SwarmEmit.Refusals(StackOf(site.WithConfig(empty, "/etc/empty")).WithConfigs(empty), _project);

        Assert.Equal(3, refusals.Count);
        Assert.Contains(refusals, r => r.Message.Contains("'/srv/site/.gitkeep' (a config on Swarm) is empty", StringComparison.Ordinal) && r.Location.Line == LineOf("var site = Emit.Minimal()"));
        Assert.Contains(refusals, r => r.Message.Contains("'/srv/site/big.js' (a config on Swarm) is 512000 bytes", StringComparison.Ordinal));
        Assert.Contains(refusals, r => r.Message.StartsWith("The content of config 'empty' is empty", StringComparison.Ordinal) && r.Location == empty.Location);
        Assert.DoesNotContain(refusals, r => r.Message.Contains("fits.js", StringComparison.Ordinal));
    }

    [Fact]
    public void A_writable_project_file_is_refused_a_config_is_read_only()
    {
        File.WriteAllText(Path.Combine(_project, "state.json"), "{}");
        var refusal = Assert.Single(SwarmEmit.Refusals(StackOf(Emit.Minimal().WithBind(HostPath.InProject("state.json"), "/data/state.json")), _project));

        Assert.Contains("readOnly: true", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_from_files_are_named_by_content_and_secrets_from_variables_are_refused()
    {
        File.WriteAllText(Path.Combine(_project, "token"), "s3cret");
        var token = Secret.FromFile("token", HostPath.InProject("token"));
        var fromVariable = Secret.FromEnvironment("key", Variable.Secret("API_KEY"));
        var stack = StackOf(Emit.Minimal().WithSecret(token)).WithSecrets(token);

        var document = SwarmEmit.Document(stack, _project);
        var refusal = Assert.Single(SwarmEmit.Refusals(StackOf(Emit.Minimal().WithSecret(fromVariable)).WithSecrets(fromVariable), _project));

        Assert.Matches("^demo_token-[0-9a-f]{10}$", document.Text("secrets", "token", "name"));
        Assert.Contains("Secret.FromExternal(\"key\")", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_home_file_of_a_secret_or_config_is_read_from_HOME_since_docker_stack_deploy_expands_no_tilde_there()
    {
        // docker stack deploy (CLI 28.2.2) reads secrets.x.file: ~/x as swarm/~/x; it expands '~' only in a bind.
        // The $ is literal: compose reads $$ as one.
        var token = Secret.FromFile("token", HostPath.InHome("secrets/$token"));
        var conf = Config.FromFile("conf", HostPath.InHome("app.conf"));
        var stack = StackOf(Emit.Minimal().WithSecret(token).WithConfig(conf, "/etc/app.conf")).WithSecrets(token).WithConfigs(conf);

        var document = SwarmEmit.Document(stack);

        Assert.Matches(@"^\$\{HOME:\?[^}$]+\}/secrets/\$\$token$", document.Text("secrets", "token", "file"));
        Assert.Matches(@"^\$\{HOME:\?[^}$]+\}/app\.conf$", document.Text("configs", "conf", "file"));
    }

    [Fact]
    public void Plain_variables_stop_the_deploy_when_unset_and_defaults_keep_their_form()
    {
        var host = new Variable("HOST");
        var level = new Variable("LEVEL").OrDefault("info");
        var stack = StackOf(Emit.Minimal().WithEnvironment("URL", $"https://{host}/").WithEnvironment("LEVEL", level)).WithVariables(host, level);

        var yaml = SwarmEmit.Files(stack)[SwarmEmit.FileName];
        var environment = SwarmEmit.Parse(yaml).At("services", "app", "environment")!;

        Assert.Matches(@"^https://\$\{HOST:\?[^}$]+\}/$", environment.Text("URL"));
        Assert.Equal("${LEVEL:-info}", environment.Text("LEVEL"));
    }

    [Fact]
    public void An_unset_variable_tells_the_user_of_deploy_sh_where_to_set_it()
    {
        // deploy.sh run without ../.env stops here: "run swarm/deploy.sh" sent its user in a circle.
        var host = new Variable("HOST");
        var stack = StackOf(Emit.Minimal().WithEnvironment("HOST", host)).WithVariables(host);

        var yaml = SwarmEmit.Files(stack)[SwarmEmit.FileName];

        Assert.Equal(
            "${HOST:?docker stack deploy does not read .env: set it in the .env file swarm/deploy.sh reads, or export it}",
            SwarmEmit.Parse(yaml).At("services", "app", "environment")!.Text("HOST"));
    }

    [Fact]
    public void Service_tmpfs_becomes_a_tmpfs_mount_swarm_honours()
    {
        var app = Emit.Minimal().WithTmpfs(new Tmpfs("/run") { Size = ByteSize.Megabytes(64) });

        var service = SwarmEmit.Document(StackOf(app)).At("services", "app")!;

        Assert.Null(service.At("tmpfs"));
        Assert.Equal(("tmpfs", "/run", "67108864"), (service.Text("volumes", "0", "type"), service.Text("volumes", "0", "target"), service.Text("volumes", "0", "tmpfs", "size")));
    }

    [Fact]
    public void Networks_are_overlays_attachable_where_a_one_off_task_joins()
    {
        var front = new Network("front");
        var jobs = new Network("jobs");
        var document = SwarmEmit.Document(StackOf(Emit.Minimal("web").WithNetworks(front), Emit.Minimal("job").WithNetworks(jobs).AsOneShot()));

        Assert.Equal("overlay", document.Text("networks", "front", "driver"));
        Assert.Null(document.At("networks", "front", "attachable"));
        Assert.Equal("true", document.Text("networks", "jobs", "attachable"));
        Assert.Equal("3.8", document.Text("version"));
    }

    /// <summary>What the v3 schema lacks or Swarm ignores is refused at the user's call, never dropped.</summary>
    [Fact]
    public void What_swarm_cannot_say_is_refused_naming_the_key_and_the_way_out()
    {
        var services = new[]
        {
            Emit.Minimal("pull").WithPullPolicy(PullPolicy.Always),
            Emit.Minimal("health").WithHealthcheck(new Healthcheck(HealthcheckTest.Shell("true")) { StartInterval = TimeSpan.FromSeconds(1) }),
            Emit.Minimal("pids").WithResourceLimits(new ResourceLimits { Pids = 100 }),
            // shm_size and security_opt are STK0501's: the validator refuses them before any file is rendered.
        };

        foreach (var service in services)
        {
            var refusal = Assert.Single(SwarmEmit.Refusals(StackOf(service)));
            Assert.Contains($"'{service.Name}'", refusal.Message, StringComparison.Ordinal);
            Assert.Contains(".WithTargets(DeployTarget.Compose)", refusal.Message, StringComparison.Ordinal);
            Assert.EndsWith(nameof(SwarmMappingTests) + ".cs", refusal.Location.FilePath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Adding_the_swarm_target_changes_no_compose_file()
    {
        var stack = StackOf(Emit.Minimal().WithRestart(RestartPolicy.No).WithPort(8080, 80));
        var composeOnly = StackGenerator.Generate(stack with { Services = [.. stack.Services.Select(Emit.AcceptingEveryRisk)] }, Emit.Options).Files;

        var both = SwarmEmit.Files(stack);

        Assert.All(composeOnly, file => Assert.Equal(file.Value, both[file.Key]));
        Assert.Equal(["swarm/deploy.sh", SwarmEmit.FileName], both.Keys.Where(k => k.StartsWith("swarm/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }
}
