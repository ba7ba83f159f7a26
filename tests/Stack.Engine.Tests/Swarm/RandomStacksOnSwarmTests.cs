using CsCheck;
using Stack.Dsl.Compose;
using Stack.Engine.Tests.Infrastructure;

namespace Stack.Engine.Tests.Swarm;

/// <summary>
/// The engine as judge, for what Stack accepts on Swarm: random stacks (restart policies, one to
/// three replicas or global mode, a virtual IP or DNS round robin, networks, healthchecks,
/// resources, ports in both modes, pinned volumes, a one-shot job, start-first updates) that
/// Stack writes without an error are deployed on a real
/// swarm and converge: every long-running service reaches its replicas, a job completes, and
/// <c>docker service inspect</c> holds the model's facts (<see cref="SwarmFacts"/>). A stack Stack
/// accepts that the swarm refuses or does not converge is a writer or checker bug; CsCheck prints
/// the seed that replays it. Four stacks: about a minute and a half on this host.
/// </summary>
[Trait("Category", "Engine")]
[Collection(SwarmCollection.Name)]
public sealed class RandomStacksOnSwarmTests(SwarmNode swarm)
{
    private const string StandIn = "stack-standin:1";

    private static readonly Network[] Networks = [new("front"), new("back")];

    // Replicas 0 means global mode (one task a node); Endpoint 0 unset, 1 a virtual IP, 2 DNS round robin.
    private sealed record Shape(int Restart, int Networks, int Replicas, bool Healthcheck, bool Limits, int PortMode, bool Volume, bool StartFirst, int Endpoint);

    private static readonly Gen<Shape> Shapes = Gen.Select(
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[0, 3], Gen.Bool, Gen.Bool, Gen.Int[0, 2], Gen.Bool, Gen.Bool)
            .Select((restart, networks, replicas, healthcheck, limits, port, volume, startFirst) => new Shape(restart, networks, replicas, healthcheck, limits, port, volume, startFirst, 0)),
        Gen.Int[0, 2],
        (shape, endpoint) => shape with { Endpoint = endpoint });

    private static ComposeStack Build(Shape[] shapes, int[] ports, bool job, string node)
    {
        var services = new List<Service>();
        for (var i = 0; i < shapes.Length; i++)
        {
            var shape = shapes[i];
            var service = new Service($"s{i}").WithImage(StandIn)
                .WithRestart(new[] { RestartPolicy.No, RestartPolicy.Always, RestartPolicy.UnlessStopped, RestartPolicy.OnFailure }[shape.Restart])
                .WithNetworks(shape.Networks switch { 0 => new[] { Networks[0] }, 1 => new[] { Networks[1] }, _ => Networks });
            var global = shape.Replicas == 0 && !shape.Volume;
            var deployment = new Deployment
            {
                Mode = global ? DeploymentMode.Global : null,
                Replicas = global ? null : shape.Volume ? 1 : Math.Max(shape.Replicas, 1),
                EndpointMode = shape.Endpoint switch { 1 => EndpointMode.Vip, 2 => EndpointMode.Dnsrr, _ => null },
                UpdateConfig = shape.StartFirst ? new RolloutConfig { Parallelism = 1, Order = RolloutOrder.StartFirst } : null,
                // A service with a node-local volume is pinned where its data is (STK0505).
                Placement = shape.Volume ? new Placement { Constraints = [$"node.hostname == {node}"] } : null,
            };
            service = service.WithDeployment(deployment);
            service = shape.Healthcheck ? service.WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("true")) { Interval = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromSeconds(2), Retries = 2, StartPeriod = TimeSpan.FromSeconds(1) }) : service;
            service = shape.Limits ? service.WithResourceLimits(new ResourceLimits { Cpus = 0.25m, Memory = ByteSize.Megabytes(64) }) : service;
            service = shape.Volume ? service.WithVolume(new Volume($"data{i}"), "/data") : service;
            // Host mode binds the node's port: one task per node, so only for one replica (or one a node);
            // DNS round robin has no virtual IP for the mesh, so only host mode (STK0540 refuses the mesh).
            var mode = shape.PortMode == 1 && deployment.EndpointMode != EndpointMode.Dnsrr ? PortMode.Ingress : PortMode.Host;
            if (shape.PortMode > 0 && !(mode == PortMode.Host && deployment.Replicas > 1))
            {
                service = service.WithPort(new PortMapping(80) { Published = ports[i], Mode = mode })
                    .AcceptRisk(SecurityRisk.PortOnAllInterfaces, "a test port; Swarm publishes on every interface");
            }

            services.Add(service);
        }

        if (job)
        {
            services.Add(new Service("job").WithImage(StandIn).WithNetworks(Networks[0]).WithEntrypoint("/bin/true").AsOneShot());
        }

        return new ComposeStack("swarmrandom").WithServices(services).WithTargets(DeployTarget.Swarm);
    }

    [SkippableFact]
    public void Random_stacks_Stack_accepts_for_Swarm_converge_on_the_swarm()
    {
        DockerEngine.Require(StandIn);
        swarm.Ensure();
        var node = DockerEngine.DockerOk("info", "--format", "{{.Name}}").Trim();
        using var project = new TemporaryFolder();
        Gen.Select(Shapes.Array[1, 3], Gen.Int[18600, 18699].ArrayUnique[3], Gen.Bool).Sample((shapes, ports, job) =>
        {
            var stack = Build(shapes, ports, job, node);
            using var deployed = new StackOnSwarm(stack.Name, new Dictionary<string, string>());
            using (var files = new GeneratedFolder(stack, project.Path))
            {
                deployed.DeployOk(files.PathOf("swarm/docker-stack.yml"));
            }

            foreach (var service in stack.Services)
            {
                if (service.IsOneShot)
                {
                    deployed.WaitUntil($"{service.Name} completes once", () => deployed.TaskStates(service.Name) is [var only] && only.StartsWith("Complete", StringComparison.Ordinal));
                    continue;
                }

                var replicas = service.Deployment?.Replicas ?? 1; // global: one node here
                deployed.WaitUntil($"{service.Name} runs {replicas} task(s)", () => deployed.TaskStates(service.Name).Count(t => t.StartsWith("Running", StringComparison.Ordinal)) == replicas);
                var expected = SwarmFacts.Expected(service, stack, isProxy: false, project.Path, new Dictionary<string, string>());
                var actual = SwarmFacts.Actual(deployed.Spec(service.Name), expected.Keys);
                Assert.All(expected, field => Assert.True(
                    field.Value.SetEquals(actual[field.Key]),
                    $"{service.Name}.{field.Key}: the model says [{string.Join(", ", field.Value.Order(StringComparer.Ordinal))}], the swarm holds [{string.Join(", ", actual[field.Key].Order(StringComparer.Ordinal))}]\n{deployed.Account()}"));
            }

            deployed.Remove();
            DockerEngine.Docker(["volume", "rm", "-f", .. stack.Services.Select((_, i) => $"{stack.Name}_data{i}")]);
        }, iter: 4, threads: 1);
    }
}
