using System.Net;
using CsCheck;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Engine.Tests.Infrastructure;

namespace Stack.Engine.Tests.Judge;

/// <summary>
/// Property test on the engine: random stacks Stack accepts (awkward environment and label
/// values, commands, healthchecks, loopback ports, networks, volumes, start-order dependencies)
/// are created and started by the engine, every container running. A stack Stack accepts and the
/// engine refuses is a validator bug; CsCheck prints the seed that replays it.
/// </summary>
[Trait("Category", "Engine")]
public sealed class RandomStacksOnEngineTests
{
    private const string StandIn = "stack-standin:1";

    // Characters that stress YAML quoting and compose's interpolation ($ is escaped by Stack).
    private const string Awkward = "aeyn01:-_ #'\"$`{}[]*&!%@,?|>=<";

    private static readonly Network[] Networks = [new("front"), new("back")];

    private static readonly Gen<string> Text = Gen.String[Gen.Char[Awkward], 0, 10];

    private static readonly Gen<Func<Service, Service>> Settings = Gen.Select(
        Gen.Int[0, 3], Gen.Int[0, 3], Gen.Dictionary(Gen.String[Gen.Char["ABCDEFGHIJ"], 1, 6], Text)[0, 4], Gen.Dictionary(Gen.String[Gen.Char["abcdefghij"], 1, 6], Text)[0, 3], Gen.Bool)
        .Select((restart, networks, environment, labels, healthcheck) => (Func<Service, Service>)(service =>
        {
            service = service.WithRestart(new[] { RestartPolicy.No, RestartPolicy.Always, RestartPolicy.UnlessStopped, RestartPolicy.OnFailure }[restart]);
            service = networks switch
            {
                0 => service.WithNetworks(Networks[0]),
                1 => service.WithNetworks(Networks[1]),
                2 => service.WithNetworks(Networks),
                _ => service,
            };
            foreach (var (name, value) in environment)
            {
                service = service.WithEnvironment(name, value);
            }

            foreach (var (key, value) in labels)
            {
                service = service.WithLabel("x." + key, value);
            }

            return healthcheck ? service.WithHealthcheck(new Healthcheck(HealthcheckTest.Shell("true")) { Interval = TimeSpan.FromSeconds(30) }) : service;
        }));

    private static readonly Gen<ComposeStack> Stacks =
        Gen.Select(Settings.Array[1, 4], Gen.Int[20000, 29999].ArrayUnique[4], Gen.Int[0, 15].Array[4], Gen.Bool.Array[4])
            .Select((settings, ports, dependencyBits, volumes) =>
            {
                var services = new List<Service>();
                var data = new Volume("data").WithBackup(Stack.Dsl.Backups.VolumeBackup.Files());
                for (var i = 0; i < settings.Length; i++)
                {
                    var service = settings[i](new Service($"s{i}").WithImage(StandIn)).WithPort(ports[i], 80, IPAddress.Loopback);
                    service = volumes[i] ? service.WithVolume(data, $"/data{i}") : service;
                    for (var j = 0; j < i; j++)
                    {
                        if ((dependencyBits[i] & (1 << j)) != 0)
                        {
                            // Stand-ins sleep and pass no healthcheck worth waiting on: the order is what is judged here.
                            service = service.DependsOn(services[j], DependencyCondition.ServiceStarted, reason: "a random stack");
                        }
                    }

                    services.Add(service);
                }

                return new ComposeStack("random").WithServices(services);
            });

    [SkippableFact]
    public void Random_stacks_Stack_accepts_are_started_by_the_engine()
    {
        DockerEngine.Require(StandIn);
        Stacks.Sample(stack =>
        {
            var result = StackGenerator.Generate(stack, new GenerationOptions { ProjectDirectoryFromOutput = "." });
            Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
            using var folder = new TemporaryFolder();
            File.WriteAllText(Path.Combine(folder.Path, StackGenerator.ComposeFileName), result.Files[StackGenerator.ComposeFileName]);
            using var compose = new ComposeProject(stack.Name, folder.Path, [StackGenerator.ComposeFileName], new Dictionary<string, string>());

            compose.Ok("up", "-d");

            foreach (var service in stack.Services)
            {
                Assert.True(DockerEngine.Inspect(compose.ContainerOf(service.Name)).GetProperty("State").GetProperty("Running").GetBoolean(), $"{service.Name} is not running\n{compose.Explain(service.Name)}");
            }
        }, iter: 5, threads: 1);
    }
}
