using System.Net;
using CsCheck;
using Stack.Dsl.Compose;
using Stack.Dsl.Tests.Yaml;
using Stack.Rules;

namespace Stack.Dsl.Tests.PropertyBased;

/// <summary>CsCheck generators of valid stacks: every rule passes, every scalar is as awkward as YAML allows.</summary>
internal static class StackGenerators
{
    private static readonly Network[] Networks = [new("front"), new("back")];

    private static readonly RestartPolicy[] Restarts = [RestartPolicy.Always, RestartPolicy.UnlessStopped, RestartPolicy.No, RestartPolicy.OnFailure];

    /// <summary>Strings that look like other YAML types, or need quoting, mixed with random ones.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (3, Gen.String[Gen.Char[RoundTripTests.Tricky], 0, 12]),
        (2, OneOf("yes", "No", "on", "OFF", "true", "null", "~", "0755", "1e3", "22:22", "0x1F", ".inf", "-.nan", "", " ", "#x", "- a", "a: b", "$$", "'", "\"", "@at", "%pct", "1_000", "2001-12-14")));

    /// <summary>As awkward, on one line: for fields written on one line (user, paths), where a line break is STK0215.</summary>
    public static readonly Gen<string> OneLine = Text.Where(t => !t.Contains('\n', StringComparison.Ordinal));

    private static Gen<string> OneOf(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<string> VariableName = Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ_"], 1, 8]
        .Where(name => !SecretNames.LooksSecret(name) && !char.IsDigit(name[0]));

    private static readonly Gen<EnvironmentValue> EnvironmentValue = Gen.Frequency(
        (3, Text.Select(text => Compose.EnvironmentValue.Text(text))),
        (1, Gen.Long.Select(Compose.EnvironmentValue.Number)));

    private static readonly Gen<Healthcheck> Healthcheck =
        Gen.Select(Text.Where(t => !string.IsNullOrWhiteSpace(t)), Gen.Int[1, 120], Gen.Int[0, 10])
            .Select((test, seconds, retries) => new Healthcheck(HealthcheckTest.Shell(test)) { Interval = TimeSpan.FromSeconds(seconds), Retries = retries });

    /// <summary>One service's settings; names, ports and dependencies are added by <see cref="Stack"/>.</summary>
    private static readonly Gen<Func<Service, Service>> Settings = Gen.Select(
        Gen.Select(Gen.Int[0, Restarts.Length - 1], Gen.Int[0, Networks.Length - 1], Healthcheck),
        Gen.Dictionary(VariableName, EnvironmentValue)[0, 5],
        Gen.Dictionary(Gen.String[Gen.Char["abcdefghij.-"], 1, 8], Text)[0, 3],
        Text.Array[0, 4],
        OneLine)
        .Select((basics, environment, labels, command, user) => (Func<Service, Service>)(service =>
        {
            var (restart, network, healthcheck) = basics;
            service = service.WithRestart(Restarts[restart]).WithNetworks(Networks[network]).WithHealthcheck(healthcheck);
            foreach (var (name, value) in environment)
            {
                service = service.WithEnvironment(name, value);
            }

            foreach (var (key, value) in labels)
            {
                service = service.WithLabel("x." + key, value);
            }

            return (command.Length > 0 ? service.WithCommand(command.Select(c => (Stack.Dsl.Values.ComposeString)c)) : service).WithUser(user);
        }));

    /// <summary>A valid stack: unique names, distinct loopback ports, depends_on only on earlier services (no cycle).</summary>
    public static readonly Gen<ComposeStack> Stack =
        Gen.Select(Settings.Array[1, 6], Gen.Int[1, 65535].ArrayUnique[6], Gen.Int[0, 63].Array[6])
            .Select((settings, ports, dependencyBits) =>
            {
                var services = new List<Service>();
                for (var i = 0; i < settings.Length; i++)
                {
                    var service = settings[i](new Service($"s{i}").WithImage($"example/app:1.{i}"))
                        .WithPort(ports[i], 80, IPAddress.Loopback);
                    for (var j = 0; j < i; j++)
                    {
                        if ((dependencyBits[i] & (1 << j)) != 0)
                        {
                            service = service.DependsOn(services[j], DependencyCondition.ServiceHealthy);
                        }
                    }

                    services.Add(service);
                }

                return new ComposeStack("prop").WithServices(services);
            });
}
